package io.kubeward.backup.domain.restore;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Restore object as read from the cluster: identity, annotations (the {@code
 * kubeward.io/acting-as} stamp), spec (null when its shape is wrong), the raw spec map (whose
 * digest the stamp covers) and status.
 */
public record RestoreObject(
    String namespace,
    String name,
    @Nullable String uid,
    @Nullable String resourceVersion,
    long generation,
    @Nullable Instant createdAt,
    Map<String, String> annotations,
    @Nullable RestoreSpec spec,
    @Nullable Map<String, Object> rawSpec,
    RestoreStatus status) {

  public RestoreObject {
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    status = status == null ? RestoreStatus.EMPTY : status;
  }
}
