package io.kubeward.cluster.domain;

import static io.kubeward.cluster.domain.ProjectionSupport.createdAt;
import static io.kubeward.cluster.domain.ProjectionSupport.fields;
import static io.kubeward.cluster.domain.ProjectionSupport.intern;
import static io.kubeward.cluster.domain.ProjectionSupport.labels;
import static io.kubeward.cluster.domain.ProjectionSupport.view;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.util.ArrayList;
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
    if (service.getSpec() != null) {
      type = intern(service.getSpec().getType());
      clusterIp = service.getSpec().getClusterIP();
      if (service.getSpec().getPorts() != null) {
        for (ServicePort port : service.getSpec().getPorts()) {
          ports.add(
              port.getPort() + "/" + (port.getProtocol() == null ? "TCP" : port.getProtocol()));
        }
      }
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
        String.join(",", ports));
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
            ready));
  }

  public static ObjectView ingress(Ingress object) {
    List<String> hosts = new ArrayList<>();
    String className = null;
    if (object.getSpec() != null) {
      className = object.getSpec().getIngressClassName();
      if (object.getSpec().getRules() != null) {
        for (IngressRule rule : object.getSpec().getRules()) {
          if (rule.getHost() != null) {
            hosts.add(rule.getHost());
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
        fields("className", className, "hosts", hosts, "addresses", addresses));
  }
}
