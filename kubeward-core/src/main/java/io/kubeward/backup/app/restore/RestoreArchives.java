package io.kubeward.backup.app.restore;

import org.jspecify.annotations.Nullable;

/**
 * Opens an archive for a preview or a restore (ADR 0042): copied from its storage location to a
 * local spool and verified by its checksums — every entry and the whole archive, against the
 * checksum its Backup recorded when known — <em>before</em> anything is planned or restored.
 */
public interface RestoreArchives {

  /**
   * @param expectedSha256 the whole archive's SHA-256 as its Backup recorded it, null when unknown
   *     (the checksum file next to the archive is then used)
   * @throws RestoreSourceNotFoundException when there is no such archive
   * @throws ArchiveRefusedException when the archive fails its checksums or cannot be read
   */
  RestoreArchive open(String location, String key, @Nullable String expectedSha256);
}
