package io.kubeward.backup.domain;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Backup as read from a cluster.
 *
 * @param spec the typed spec, null when its shape is wrong
 * @param rawSpec the spec exactly as read (the identity stamp's digest is checked against it)
 */
public record BackupObject(
    String namespace,
    String name,
    @Nullable String uid,
    @Nullable String resourceVersion,
    long generation,
    @Nullable Instant createdAt,
    Map<String, String> labels,
    Map<String, String> annotations,
    @Nullable BackupSpec spec,
    @Nullable Object rawSpec,
    BackupStatus status) {

  public BackupObject {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    status = status == null ? BackupStatus.EMPTY : status;
  }
}
