package io.kubeward.backup.domain;

import java.util.Objects;

/**
 * Where one backup's files live (ADR 0040): in storage location {@code location}, under {@code
 * backups/<cluster>/<namespace>/<backup>/}, where cluster, namespace and name are those of the
 * Backup object. The files: {@value #ARCHIVE} (the archive), {@value #CHECKSUM} (its SHA-256, hex)
 * and {@value #MANIFEST} (a copy of the manifest inside the archive, for listing without opening
 * the archive).
 */
public record ArchiveRef(String location, String cluster, String namespace, String backup) {

  public static final String ARCHIVE = "archive.zip";
  public static final String CHECKSUM = "archive.zip.sha256";
  public static final String MANIFEST = "manifest.json";

  public ArchiveRef {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(backup, "backup");
  }

  /** The key prefix of this backup's files, ending with {@code /}. */
  public String prefix() {
    return "backups/" + cluster + "/" + namespace + "/" + backup + "/";
  }

  /** The key of one of this backup's files ({@link #ARCHIVE}, {@link #CHECKSUM}, ...). */
  public String key(String file) {
    return prefix() + file;
  }
}
