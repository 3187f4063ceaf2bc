package io.kubeward.backup.domain.archive;

import io.kubeward.backup.domain.ObjectRef;
import java.util.Objects;

/**
 * One object file of an archive.
 *
 * @param path the zip entry ({@code objects/<namespace>/<Kind[.group]>/<name>.yaml}, {@code
 *     .yaml.sealed} when sealed), see {@link ArchivePaths}
 * @param object the object it holds
 * @param sha256 the SHA-256 of the entry's bytes as stored (the sealed bytes when sealed), hex
 * @param size the entry's size as stored, in bytes
 * @param sealed whether the entry is sealed with the manifest's key (Secrets)
 */
public record ManifestEntry(
    String path, ObjectRef object, String sha256, long size, boolean sealed) {

  public ManifestEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(sha256, "sha256");
  }
}
