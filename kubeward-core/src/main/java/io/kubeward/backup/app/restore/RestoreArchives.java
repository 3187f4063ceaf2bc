package io.kubeward.backup.app.restore;

import io.kubeward.backup.domain.restore.RestoreSource;
import org.jspecify.annotations.Nullable;

/**
 * Finds and opens the archive of a Restore's source (ADR 0042): the Backup is read with the given
 * client's identity (so a caller who may not read it cannot restore it), the archive copied to a
 * local spool and verified by its checksums <em>before</em> anything is planned or restored.
 */
public interface RestoreArchives {

  /**
   * @param reader reads the Backup: a Kubernetes client of the identity the restore acts as (typed
   *     loosely to keep this port free of the client)
   * @throws RestoreSourceNotFoundException when the Backup, or its archive, does not exist
   * @throws ArchiveRefusedException when the archive fails its checksums or cannot be read
   */
  RestoreArchive open(Object reader, String restoreCluster, RestoreSource source);

  /** The archive's SHA-256 as recorded by its Backup, null when unknown. */
  default @Nullable String expectedSha256(RestoreSource source) {
    return null;
  }
}
