package io.kubeward.backup.domain;

import java.time.Instant;

/** A file of a storage location: its key, size in bytes and last change. */
public record StoredFile(String key, long size, Instant lastModified) {}
