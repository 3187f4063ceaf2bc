package io.kubeward.release.domain;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Release object as read from the cluster: identity, its request annotations ({@link
 * ReleaseRequests}), spec (null when its shape is wrong) and status.
 */
public record ReleaseObject(
    String namespace,
    String name,
    @Nullable String uid,
    @Nullable String resourceVersion,
    long generation,
    @Nullable Instant createdAt,
    Map<String, String> annotations,
    @Nullable ReleaseSpec spec,
    ReleaseStatus status) {

  public ReleaseObject {
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    status = status == null ? ReleaseStatus.EMPTY : status;
  }
}
