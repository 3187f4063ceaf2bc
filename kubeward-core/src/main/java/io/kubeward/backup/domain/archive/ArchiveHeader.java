package io.kubeward.backup.domain.archive;

import io.kubeward.backup.domain.BackupScope;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the manifest says about where an archive comes from: the source cluster and its Kubernetes
 * version, the Backup object (namespace and name) and its scope, and when the backup started.
 */
public record ArchiveHeader(
    String cluster,
    String kubernetesVersion,
    @Nullable String backupNamespace,
    @Nullable String backupName,
    Instant createdAt,
    @Nullable BackupScope scope) {

  public ArchiveHeader {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
