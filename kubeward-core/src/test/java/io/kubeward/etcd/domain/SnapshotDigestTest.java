package io.kubeward.etcd.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SnapshotDigestTest {

  /** A snapshot as etcd sends it: a database of n × 512 bytes, then its SHA-256. */
  static byte[] etcdSnapshot(int pages, long seed) throws Exception {
    byte[] db = new byte[pages * 512];
    new Random(seed).nextBytes(db);
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(db);
    byte[] all = new byte[db.length + 32];
    System.arraycopy(db, 0, all, 0, db.length);
    System.arraycopy(hash, 0, all, db.length, 32);
    return all;
  }

  static SnapshotDigest digestInChunks(byte[] bytes, int chunk) throws Exception {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    SnapshotDigest digest = new SnapshotDigest(copy);
    for (int off = 0; off < bytes.length; off += chunk) {
      digest.write(bytes, off, Math.min(chunk, bytes.length - off));
    }
    assertThat(copy.toByteArray()).isEqualTo(bytes);
    return digest;
  }

  @Test
  void etcdsTrailingHashChecksOutWhateverTheChunking() throws Exception {
    byte[] snapshot = etcdSnapshot(40, 1);
    String whole = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(snapshot));
    for (int chunk : new int[] {1, 7, 31, 32, 33, 512, 4096, 32 * 1024}) {
      SnapshotDigest digest = digestInChunks(snapshot, chunk);
      assertThat(digest.etcdIntegrity())
          .as("chunk %d", chunk)
          .isEqualTo(SnapshotDigest.Integrity.OK);
      assertThat(digest.sha256()).isEqualTo(whole);
      assertThat(digest.size()).isEqualTo(snapshot.length);
    }
  }

  @Test
  void aFlippedByteIsAMismatch() throws Exception {
    byte[] snapshot = etcdSnapshot(8, 2);
    snapshot[1000] ^= 1;
    assertThat(digestInChunks(snapshot, 100).etcdIntegrity())
        .isEqualTo(SnapshotDigest.Integrity.MISMATCH);
  }

  @Test
  void aFileWithoutTrailingHashHasNothingToCheck() throws Exception {
    assertThat(digestInChunks(new byte[4096], 64).etcdIntegrity())
        .isEqualTo(SnapshotDigest.Integrity.ABSENT);
    assertThat(digestInChunks(new byte[10], 3).etcdIntegrity())
        .isEqualTo(SnapshotDigest.Integrity.ABSENT);
  }

  @Test
  void aTruncatedSnapshotLosesItsHash() throws Exception {
    byte[] snapshot = etcdSnapshot(8, 3);
    byte[] truncated = java.util.Arrays.copyOf(snapshot, snapshot.length - 512);
    assertThat(digestInChunks(truncated, 1000).etcdIntegrity())
        .isEqualTo(SnapshotDigest.Integrity.MISMATCH);
  }
}
