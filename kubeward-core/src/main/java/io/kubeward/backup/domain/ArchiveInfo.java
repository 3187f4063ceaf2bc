package io.kubeward.backup.domain;

/**
 * A written archive, as the Backup's status records it.
 *
 * @param key the archive's key in the location ({@link ArchiveRef#key}({@link ArchiveRef#ARCHIVE}))
 * @param sha256 the whole archive's SHA-256, hex
 * @param size in bytes
 */
public record ArchiveInfo(String location, String key, String sha256, long size) {}
