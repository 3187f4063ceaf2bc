package io.kubeward.backup.domain;

import org.jspecify.annotations.Nullable;

/**
 * A storage location for archives and etcd snapshots (ADR 0040). {@value #LOCAL} always exists (the
 * server's local directory, the embedded default); the others are S3-compatible buckets registered
 * by an administrator, their credentials stored encrypted and never shown.
 *
 * @param endpoint the S3 endpoint (null: AWS), e.g. {@code http://127.0.0.1:7070}
 * @param prefix a key prefix inside the bucket, empty for none
 */
public record BackupLocation(
    String name,
    Type type,
    @Nullable String endpoint,
    @Nullable String region,
    @Nullable String bucket,
    String prefix,
    boolean pathStyle,
    boolean hasCredentials) {

  public static final String LOCAL = "local";

  public enum Type {
    LOCAL,
    S3
  }
}
