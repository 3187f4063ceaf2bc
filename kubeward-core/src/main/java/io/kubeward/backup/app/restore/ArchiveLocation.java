package io.kubeward.backup.app.restore;

import org.jspecify.annotations.Nullable;

/**
 * Where the archive of a restore's source is: storage location, key, the checksum its Backup
 * recorded (null when unknown) and a description for messages.
 */
public record ArchiveLocation(
    String location, String key, @Nullable String sha256, String describe) {}
