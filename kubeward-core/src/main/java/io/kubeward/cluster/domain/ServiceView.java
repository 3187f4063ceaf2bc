package io.kubeward.cluster.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Compact projection of a Service; {@code ports} as kubectl shows them ({@code 80/TCP,443/TCP}),
 * {@code selector} its pod selector (empty: none, the endpoints are managed by hand), {@code
 * servicePorts} each port with its target port (for the diagnostics).
 */
public record ServiceView(
    String namespace,
    String name,
    String uid,
    String resourceVersion,
    @Nullable Instant createdAt,
    Map<String, String> labels,
    @Nullable String type,
    @Nullable String clusterIP,
    String ports,
    Map<String, String> selector,
    List<ServicePortView> servicePorts)
    implements KubeObjectView {

  public ServiceView {
    selector = selector == null ? Map.of() : selector;
    servicePorts = servicePorts == null ? List.of() : servicePorts;
  }

  /** A service view without selector and port details (tests, benchmarks). */
  public ServiceView(
      String namespace,
      String name,
      String uid,
      String resourceVersion,
      Instant createdAt,
      Map<String, String> labels,
      String type,
      String clusterIP,
      String ports) {
    this(
        namespace,
        name,
        uid,
        resourceVersion,
        createdAt,
        labels,
        type,
        clusterIP,
        ports,
        Map.of(),
        List.of());
  }

  @Override
  public String status() {
    return type == null ? "" : type;
  }

  @Override
  public ServiceView withResourceVersion(String version) {
    return new ServiceView(
        namespace,
        name,
        uid,
        version,
        createdAt,
        labels,
        type,
        clusterIP,
        ports,
        selector,
        servicePorts);
  }
}
