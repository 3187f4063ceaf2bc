package io.kubeward.cluster.domain;

import static io.kubeward.cluster.domain.ProjectionSupport.createdAt;
import static io.kubeward.cluster.domain.ProjectionSupport.fields;
import static io.kubeward.cluster.domain.ProjectionSupport.intern;
import static io.kubeward.cluster.domain.ProjectionSupport.labels;
import static io.kubeward.cluster.domain.ProjectionSupport.view;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceBackendPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Services ({@link ServiceView}), EndpointSlices and Ingresses ({@link ObjectView}s). */
public final class NetworkProjections {

  private NetworkProjections() {}

  public static ServiceView service(Service service) {
    ObjectMeta meta = service.getMetadata();
    String type = null;
    String clusterIp = null;
    List<String> ports = new ArrayList<>();
    List<ServicePortView> servicePorts = new ArrayList<>();
    Map<String, String> selector = Map.of();
    if (service.getSpec() != null) {
      type = intern(service.getSpec().getType());
      clusterIp = service.getSpec().getClusterIP();
      if (service.getSpec().getPorts() != null) {
        for (ServicePort port : service.getSpec().getPorts()) {
          String protocol = port.getProtocol() == null ? "TCP" : intern(port.getProtocol());
          ports.add(port.getPort() + "/" + protocol);
          IntOrString target = port.getTargetPort();
          String targetPort =
              target == null
                  ? null
                  : target.getIntVal() != null
                      ? String.valueOf(target.getIntVal())
                      : intern(target.getStrVal());
          servicePorts.add(
              new ServicePortView(
                  intern(port.getName()),
                  port.getPort() == null ? 0 : port.getPort(),
                  protocol,
                  targetPort));
        }
      }
      selector = stringMap(service.getSpec().getSelector());
    }
    return new ServiceView(
        intern(meta.getNamespace()),
        meta.getName(),
        meta.getUid(),
        meta.getResourceVersion(),
        createdAt(meta),
        labels(meta),
        type,
        clusterIp,
        String.join(",", ports),
        selector,
        List.copyOf(servicePorts));
  }

  private static Map<String, String> stringMap(Map<String, String> values) {
    if (values == null || values.isEmpty()) {
      return Map.of();
    }
    Map<String, String> interned = new HashMap<>(values.size() * 2);
    values.forEach((k, v) -> interned.put(k.intern(), v == null ? "" : v.intern()));
    return Map.copyOf(interned);
  }

  public static ObjectView endpointSlice(EndpointSlice object) {
    int endpoints = 0;
    int ready = 0;
    if (object.getEndpoints() != null) {
      for (Endpoint endpoint : object.getEndpoints()) {
        endpoints++;
        if (endpoint.getConditions() == null
            || !Boolean.FALSE.equals(endpoint.getConditions().getReady())) {
          ready++;
        }
      }
    }
    Map<String, String> labels = object.getMetadata().getLabels();
    return view(
        object,
        ready + "/" + endpoints,
        fields(
            "service",
            labels == null ? null : labels.get("kubernetes.io/service-name"),
            "addressType",
            object.getAddressType(),
            "endpoints",
            endpoints,
            "ready",
            ready,
            "notReady",
            endpoints - ready));
  }

  public static ObjectView ingress(Ingress object) {
    List<String> hosts = new ArrayList<>();
    List<IngressBackendView> backends = new ArrayList<>();
    List<String> tlsSecrets = new ArrayList<>();
    String className = null;
    if (object.getSpec() != null) {
      className = intern(object.getSpec().getIngressClassName());
      IngressBackend fallback = object.getSpec().getDefaultBackend();
      if (fallback != null && fallback.getService() != null) {
        backends.add(backend(null, null, true, fallback.getService()));
      }
      if (object.getSpec().getRules() != null) {
        for (IngressRule rule : object.getSpec().getRules()) {
          if (rule.getHost() != null) {
            hosts.add(rule.getHost());
          }
          if (rule.getHttp() != null && rule.getHttp().getPaths() != null) {
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
              if (path.getBackend() != null && path.getBackend().getService() != null) {
                backends.add(
                    backend(
                        rule.getHost(),
                        path.getPath() == null ? "/" : path.getPath(),
                        false,
                        path.getBackend().getService()));
              }
            }
          }
        }
      }
      if (object.getSpec().getTls() != null) {
        for (IngressTLS tls : object.getSpec().getTls()) {
          if (tls.getSecretName() != null && !tls.getSecretName().isEmpty()) {
            tlsSecrets.add(tls.getSecretName());
          }
        }
      }
    }
    List<String> addresses = new ArrayList<>();
    if (object.getStatus() != null
        && object.getStatus().getLoadBalancer() != null
        && object.getStatus().getLoadBalancer().getIngress() != null) {
      object
          .getStatus()
          .getLoadBalancer()
          .getIngress()
          .forEach(i -> addresses.add(i.getIp() != null ? i.getIp() : i.getHostname()));
    }
    return view(
        object,
        addresses.isEmpty() ? "Pending" : "Ready",
        fields(
            "className",
            className,
            "hosts",
            hosts,
            "addresses",
            addresses,
            "backends",
            backends.isEmpty() ? null : List.copyOf(backends),
            "tlsSecrets",
            tlsSecrets.isEmpty() ? null : List.copyOf(tlsSecrets)));
  }

  private static IngressBackendView backend(
      String host, String path, boolean defaultBackend, IngressServiceBackend service) {
    ServiceBackendPort port = service.getPort();
    return new IngressBackendView(
        host,
        path,
        defaultBackend,
        service.getName() == null ? "" : service.getName(),
        port == null ? null : port.getNumber(),
        port == null ? null : intern(port.getName()));
  }
}
