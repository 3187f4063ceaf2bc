package io.kubeward.backup.domain;

import org.jspecify.annotations.Nullable;

/**
 * The {@code spec} of a Backup (ADR 0041): what it takes, where the archive goes and how long it is
 * kept.
 *
 * @param scope what the backup takes (null: everything the identity it acts for may read)
 * @param location the storage location ({@link BackupLocation#LOCAL} when null)
 * @param ttl how long the Backup and its archive are kept after completion, as Kubernetes writes
 *     durations ({@code 720h}); null: kept until deleted
 */
public record BackupSpec(
    @Nullable BackupScope scope, @Nullable String location, @Nullable String ttl) {

  public BackupSpec {
    if (scope == null) {
      scope = new BackupScope(null, null, null, null, null, null, null, null);
    }
  }

  public String locationOrDefault() {
    return location == null || location.isBlank() ? BackupLocation.LOCAL : location;
  }
}
