package io.kubeward.cluster.domain;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Compact projection of an object of the other cached kinds (ReplicaSets, Jobs, Events, PVCs, ...):
 * identity, labels, owner, a short status and a few kind-specific {@code fields} (numbers, short
 * strings, lists of strings), chosen in the projections ({@link CachedKind}). Never a spec or a
 * data payload.
 */
public record ObjectView(
    @Nullable String namespace,
    String name,
    String uid,
    String resourceVersion,
    @Nullable Instant createdAt,
    Map<String, String> labels,
    @Nullable OwnerRef owner,
    String status,
    Map<String, Object> fields)
    implements KubeObjectView {

  @Override
  public ObjectView withResourceVersion(String version) {
    return new ObjectView(namespace, name, uid, version, createdAt, labels, owner, status, fields);
  }
}
