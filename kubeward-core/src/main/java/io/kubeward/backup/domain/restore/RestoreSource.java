package io.kubeward.backup.domain.restore;

import org.jspecify.annotations.Nullable;

/**
 * What a Restore restores from (ADR 0042): a Backup ({@code cluster}, {@code namespace}, {@code
 * backup}; the cluster may be another one than the Restore's, null for the same), or the raw
 * archive {@code archiveKey} in storage location {@code location} (administrators only: a key names
 * no Backup whose rights could be checked).
 */
public record RestoreSource(
    @Nullable String cluster,
    @Nullable String namespace,
    @Nullable String backup,
    @Nullable String location,
    @Nullable String archiveKey) {

  /** A Backup of the Restore's own cluster. */
  public static RestoreSource ofBackup(String namespace, String backup) {
    return new RestoreSource(null, namespace, backup, null, null);
  }

  /** A Backup of another cluster (or of the same, named). */
  public static RestoreSource ofBackup(String cluster, String namespace, String backup) {
    return new RestoreSource(cluster, namespace, backup, null, null);
  }

  /** A raw archive key (administrators only). */
  public static RestoreSource ofArchive(String location, String archiveKey) {
    return new RestoreSource(null, null, null, location, archiveKey);
  }

  /** Whether the source is a raw archive key rather than a Backup. */
  public boolean namesArchiveKey() {
    return archiveKey != null && !archiveKey.isBlank();
  }

  /** The Backup's cluster: the one named, else the Restore's. */
  public String clusterOr(String restoreCluster) {
    return cluster == null || cluster.isBlank() ? restoreCluster : cluster;
  }
}
