package io.kubeward.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The tamper-evidence of the audit log: each record's hash covers its content and the previous
 * record's hash, so changing, removing or reordering any record breaks every link after it.
 */
public final class AuditChain {

  /** The "previous hash" of the first record. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  public static String hash(String previousHash, long sequence, AuditEntry entry) {
    StringBuilder canonical = new StringBuilder();
    field(canonical, previousHash);
    field(canonical, Long.toString(sequence));
    field(canonical, Long.toString(entry.time().toEpochMilli()));
    field(canonical, entry.user());
    field(canonical, entry.origin().name());
    field(canonical, entry.clientAddress());
    field(canonical, entry.cluster());
    field(canonical, entry.namespace());
    field(canonical, entry.kind());
    field(canonical, entry.name());
    field(canonical, entry.verb());
    field(canonical, entry.diff());
    field(canonical, entry.result().name());
    field(canonical, entry.error());
    return sha256(canonical.toString());
  }

  /** The record that follows {@code previous} ({@code null} for the first one). */
  public static AuditRecord next(AuditRecord previous, AuditEntry entry) {
    long sequence = previous == null ? 1 : previous.sequence() + 1;
    String previousHash = previous == null ? GENESIS : previous.hash();
    return new AuditRecord(sequence, entry, previousHash, hash(previousHash, sequence, entry));
  }

  /**
   * Checks records in sequence order, starting at the first record of the log.
   *
   * @return the first broken link, if any
   */
  public static Optional<BrokenLink> verify(Iterable<AuditRecord> recordsInOrder) {
    long expectedSequence = 1;
    String expectedPrevious = GENESIS;
    for (AuditRecord record : recordsInOrder) {
      if (record.sequence() != expectedSequence) {
        return Optional.of(
            new BrokenLink(
                expectedSequence, "record " + expectedSequence + " is missing or out of order"));
      }
      if (!record.previousHash().equals(expectedPrevious)) {
        return Optional.of(
            new BrokenLink(record.sequence(), "does not chain to the previous record"));
      }
      if (!record.hash().equals(hash(record.previousHash(), record.sequence(), record.entry()))) {
        return Optional.of(
            new BrokenLink(record.sequence(), "content does not match its hash (altered)"));
      }
      expectedSequence++;
      expectedPrevious = record.hash();
    }
    return Optional.empty();
  }

  /** Where the chain breaks and why. */
  public record BrokenLink(long sequence, String reason) {}

  /** Length-prefixed, so that no two different entries give the same text. */
  private static void field(StringBuilder out, String value) {
    if (value == null) {
      out.append("-1:;");
    } else {
      out.append(value.length()).append(':').append(value).append(';');
    }
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
