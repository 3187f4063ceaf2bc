package io.kubeward.etcd.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The result of verifying a stored snapshot: the recorded SHA-256 against the file's, and etcd's
 * trailing hash against the database ({@link SnapshotDigest.Integrity}).
 */
public record SnapshotVerification(
    String id,
    boolean ok,
    String recordedSha256,
    @Nullable String actualSha256,
    long size,
    SnapshotDigest.Integrity etcdIntegrity,
    List<String> problems) {

  public SnapshotVerification {
    problems = List.copyOf(problems);
  }

  public static SnapshotVerification of(
      String id, String recordedSha256, long recordedSize, SnapshotDigest digest) {
    String actual = digest.sha256();
    SnapshotDigest.Integrity integrity = digest.etcdIntegrity();
    List<String> problems = new java.util.ArrayList<>();
    if (!actual.equals(recordedSha256)) {
      problems.add("the SHA-256 of the stored file (" + actual + ") differs from the recorded one");
    }
    if (digest.size() != recordedSize) {
      problems.add(
          "the stored file has " + digest.size() + " bytes, " + recordedSize + " were recorded");
    }
    if (integrity == SnapshotDigest.Integrity.MISMATCH) {
      problems.add("etcd's own hash at the end of the snapshot does not match its database");
    }
    return new SnapshotVerification(
        id, problems.isEmpty(), recordedSha256, actual, digest.size(), integrity, problems);
  }
}
