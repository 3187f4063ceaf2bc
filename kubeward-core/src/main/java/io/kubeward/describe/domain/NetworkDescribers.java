package io.kubeward.describe.domain;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Services (with their EndpointSlices) and Ingresses. */
final class NetworkDescribers {

  static final List<String> PORT_COLUMNS =
      List.of("Name", "Port", "TargetPort", "NodePort", "Protocol");
  static final List<String> ENDPOINT_COLUMNS =
      List.of("Slice", "Address", "Ready", "Serving", "Terminating", "Node", "Target");

  private NetworkDescribers() {}

  static Description service(Service s, DescribeContext context) {
    DescriptionBuilder b = DescriptionBuilder.of(s);
    ServiceSpec spec = s.getSpec() == null ? new ServiceSpec() : s.getSpec();
    String namespace = s.getMetadata().getNamespace();
    DescriptionBuilder.SectionBuilder meta = b.metadata(s, context);
    meta.row("Selector", Text.pairs(spec.getSelector()));
    meta.row("Type", spec.getType());
    meta.row("IP Family Policy", spec.getIpFamilyPolicy());
    meta.row("IP Families", Text.list(spec.getIpFamilies()));
    meta.row("IP", spec.getClusterIP());
    meta.row("IPs", Text.list(spec.getClusterIPs()));
    meta.rowIf(
        "External IPs", spec.getExternalIPs() == null ? null : Text.list(spec.getExternalIPs()));
    meta.rowIf("External Name", spec.getExternalName());
    if (s.getStatus() != null
        && s.getStatus().getLoadBalancer() != null
        && s.getStatus().getLoadBalancer().getIngress() != null) {
      List<String> lb = new ArrayList<>();
      s.getStatus()
          .getLoadBalancer()
          .getIngress()
          .forEach(i -> lb.add(i.getIp() != null ? i.getIp() : i.getHostname()));
      meta.row("LoadBalancer Ingress", Text.list(lb));
    }
    meta.row("Session Affinity", spec.getSessionAffinity());
    meta.rowIf("External Traffic Policy", spec.getExternalTrafficPolicy());
    meta.rowIf("Internal Traffic Policy", spec.getInternalTrafficPolicy());
    meta.done();

    DescriptionBuilder.SectionBuilder ports = b.section("Ports");
    List<List<String>> portRows = new ArrayList<>();
    if (spec.getPorts() != null) {
      for (ServicePort p : spec.getPorts()) {
        portRows.add(
            List.of(
                Text.of(p.getName()),
                String.valueOf(p.getPort()),
                p.getTargetPort() == null ? Text.NONE : Text.intOrString(p.getTargetPort()),
                p.getNodePort() == null ? Text.NONE : p.getNodePort().toString(),
                Text.of(p.getProtocol())));
      }
    }
    ports.table("Ports", PORT_COLUMNS, portRows);
    ports.done();

    DescriptionBuilder.SectionBuilder endpoints = b.section("Endpoints");
    List<List<String>> rows = new ArrayList<>();
    List<String> ready = new ArrayList<>();
    List<String> notReady = new ArrayList<>();
    for (EndpointSlice slice : context.endpointSlices()) {
      String sliceName = slice.getMetadata().getName();
      b.relate("endpointslice", "EndpointSlice", namespace, sliceName);
      List<String> slicePorts = new ArrayList<>();
      if (slice.getPorts() != null) {
        for (EndpointPort p : slice.getPorts()) {
          slicePorts.add(
              (p.getName() == null || p.getName().isEmpty() ? "" : p.getName() + " ")
                  + p.getPort()
                  + "/"
                  + (p.getProtocol() == null ? "TCP" : p.getProtocol()));
        }
      }
      if (slice.getEndpoints() == null) {
        continue;
      }
      for (Endpoint e : slice.getEndpoints()) {
        boolean isReady =
            e.getConditions() == null || !Boolean.FALSE.equals(e.getConditions().getReady());
        String target =
            e.getTargetRef() == null
                ? ""
                : e.getTargetRef().getKind() + "/" + e.getTargetRef().getName();
        for (String address : e.getAddresses()) {
          rows.add(
              List.of(
                  sliceName,
                  address,
                  Boolean.toString(isReady),
                  e.getConditions() == null ? "" : Text.of(e.getConditions().getServing()),
                  e.getConditions() == null ? "" : Text.of(e.getConditions().getTerminating()),
                  Text.of(e.getNodeName()),
                  target));
          (isReady ? ready : notReady).add(address);
        }
        if (e.getTargetRef() != null && "Pod".equals(e.getTargetRef().getKind())) {
          b.relate(
              "pod",
              "Pod",
              e.getTargetRef().getNamespace() == null ? namespace : e.getTargetRef().getNamespace(),
              e.getTargetRef().getName(),
              isReady ? "ready" : "not ready");
        }
      }
      endpoints.row("Ports of " + sliceName, Text.list(slicePorts));
    }
    endpoints.row("Ready Addresses", Text.list(ready));
    endpoints.row("Not Ready Addresses", Text.list(notReady));
    endpoints.table("Endpoints", ENDPOINT_COLUMNS, rows);
    endpoints.done();
    b.status(ready.size() + " ready / " + notReady.size() + " not ready");
    Describers.pods(b, "Selected Pods", context.pods());
    Describers.events(b, context);
    return b.build();
  }

  static Description ingress(Ingress i, DescribeContext context) {
    DescriptionBuilder b = DescriptionBuilder.of(i);
    var spec = i.getSpec();
    String namespace = i.getMetadata().getNamespace();
    DescriptionBuilder.SectionBuilder meta = b.metadata(i, context);
    meta.row("Ingress Class", spec.getIngressClassName());
    List<String> addresses = new ArrayList<>();
    if (i.getStatus() != null
        && i.getStatus().getLoadBalancer() != null
        && i.getStatus().getLoadBalancer().getIngress() != null) {
      for (IngressLoadBalancerIngress lb : i.getStatus().getLoadBalancer().getIngress()) {
        addresses.add(lb.getIp() != null ? lb.getIp() : lb.getHostname());
      }
    }
    meta.row("Address", Text.list(addresses));
    meta.row("Default backend", backend(b, namespace, spec.getDefaultBackend()));
    meta.done();
    b.status(addresses.isEmpty() ? "no address" : String.join(", ", addresses));

    DescriptionBuilder.SectionBuilder tls = b.section("TLS");
    List<List<String>> tlsRows = new ArrayList<>();
    if (spec.getTls() != null) {
      for (IngressTLS t : spec.getTls()) {
        tlsRows.add(List.of(Text.of(t.getSecretName()), Text.list(t.getHosts())));
        b.relate("secret", "Secret", namespace, t.getSecretName());
      }
    }
    tls.table("TLS", List.of("Secret", "Hosts"), tlsRows);
    tls.done();

    DescriptionBuilder.SectionBuilder rules = b.section("Rules");
    List<List<String>> ruleRows = new ArrayList<>();
    if (spec.getRules() != null) {
      for (IngressRule r : spec.getRules()) {
        String host = r.getHost() == null || r.getHost().isEmpty() ? "*" : r.getHost();
        if (r.getHttp() == null || r.getHttp().getPaths() == null) {
          ruleRows.add(List.of(host, "", "", ""));
          continue;
        }
        for (HTTPIngressPath p : r.getHttp().getPaths()) {
          ruleRows.add(
              List.of(
                  host,
                  p.getPath() == null ? "/" : p.getPath(),
                  Text.of(p.getPathType()),
                  backend(b, namespace, p.getBackend())));
        }
      }
    }
    rules.table("Rules", List.of("Host", "Path", "Path Type", "Backend"), ruleRows);
    rules.done();
    Describers.events(b, context);
    return b.build();
  }

  /** {@code service:port} (or a resource backend), relating the Service. */
  private static String backend(
      DescriptionBuilder b, @Nullable String namespace, @Nullable IngressBackend backend) {
    if (backend == null) {
      return Text.NONE;
    }
    if (backend.getService() != null) {
      var svc = backend.getService();
      b.relate("service", "Service", namespace, svc.getName());
      String port =
          svc.getPort() == null
              ? ""
              : svc.getPort().getName() != null && !svc.getPort().getName().isEmpty()
                  ? svc.getPort().getName()
                  : String.valueOf(svc.getPort().getNumber());
      return svc.getName() + ":" + port;
    }
    if (backend.getResource() != null) {
      return backend.getResource().getKind() + "/" + backend.getResource().getName();
    }
    return Text.NONE;
  }
}
