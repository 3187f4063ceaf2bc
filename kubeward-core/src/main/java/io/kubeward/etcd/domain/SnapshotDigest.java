package io.kubeward.etcd.domain;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Digests an etcd snapshot while it streams through, in bounded memory: the SHA-256 of the whole
 * file (what Kubeward records and verifies) and etcd's own integrity check. etcd's snapshot stream
 * is the bbolt database followed by the 32-byte SHA-256 of that database; etcdutl recognises it by
 * the size ({@code size % 512 == 32}) and refuses a restore whose trailing hash does not match.
 * {@link #etcdIntegrity()} makes the same check in Java.
 */
public final class SnapshotDigest extends FilterOutputStream {

  /** What etcd's trailing hash says about the snapshot. */
  public enum Integrity {
    /** The trailing SHA-256 matches the database. */
    OK,
    /** The trailing SHA-256 does not match: the file is corrupt. */
    MISMATCH,
    /** No trailing hash (the size is not a multiple of 512 plus 32): nothing to check. */
    ABSENT
  }

  private static final int HASH = 32;

  private final MessageDigest whole = newDigest();
  private final MessageDigest database = newDigest();
  private final byte[] tail = new byte[HASH];
  private int tailLength;
  private long size;
  private boolean finished;
  private byte[] wholeHash;
  private byte[] databaseHash;

  /** Digests what is written and passes it on to {@code out}. */
  public SnapshotDigest(OutputStream out) {
    super(out);
  }

  /** Digests only (nothing is passed on). */
  public static SnapshotDigest discarding() {
    return new SnapshotDigest(OutputStream.nullOutputStream());
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (finished) {
      throw new IOException("the digest is finished");
    }
    out.write(b, off, len);
    whole.update(b, off, len);
    size += len;
    // keep the last 32 bytes back from the database digest: they may be etcd's hash
    if (len >= HASH) {
      database.update(tail, 0, tailLength);
      database.update(b, off, len - HASH);
      System.arraycopy(b, off + len - HASH, tail, 0, HASH);
      tailLength = HASH;
    } else {
      int overflow = Math.max(0, tailLength + len - HASH);
      database.update(tail, 0, overflow);
      System.arraycopy(tail, overflow, tail, 0, tailLength - overflow);
      tailLength -= overflow;
      System.arraycopy(b, off, tail, tailLength, len);
      tailLength += len;
    }
  }

  private void finish() {
    if (!finished) {
      finished = true;
      wholeHash = whole.digest();
      databaseHash = database.digest();
    }
  }

  public long size() {
    return size;
  }

  /** The SHA-256 of everything written, lower-case hex; ends the digest. */
  public String sha256() {
    finish();
    return HexFormat.of().formatHex(wholeHash);
  }

  /** etcd's own check of the snapshot; ends the digest. */
  public Integrity etcdIntegrity() {
    finish();
    if (size < HASH || size % 512 != HASH) {
      return Integrity.ABSENT;
    }
    return Arrays.equals(databaseHash, Arrays.copyOf(tail, tailLength))
        ? Integrity.OK
        : Integrity.MISMATCH;
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
