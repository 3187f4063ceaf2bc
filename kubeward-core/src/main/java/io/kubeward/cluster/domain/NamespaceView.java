package io.kubeward.cluster.domain;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Compact projection of a Namespace. {@code phase} is {@code Active} or {@code Terminating}. */
public record NamespaceView(
    String name,
    String uid,
    String resourceVersion,
    @Nullable Instant createdAt,
    Map<String, String> labels,
    @Nullable String phase)
    implements KubeObjectView {

  @Override
  public String namespace() {
    return null;
  }

  @Override
  public String status() {
    return phase == null ? "" : phase;
  }

  @Override
  public NamespaceView withResourceVersion(String version) {
    return new NamespaceView(name, uid, version, createdAt, labels, phase);
  }
}
