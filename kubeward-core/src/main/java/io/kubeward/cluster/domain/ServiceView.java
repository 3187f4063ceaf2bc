package io.kubeward.cluster.domain;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Compact projection of a Service; {@code ports} as kubectl shows them ({@code 80/TCP,443/TCP}).
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
    String ports)
    implements KubeObjectView {

  @Override
  public String status() {
    return type == null ? "" : type;
  }

  @Override
  public ServiceView withResourceVersion(String version) {
    return new ServiceView(
        namespace, name, uid, version, createdAt, labels, type, clusterIP, ports);
  }
}
