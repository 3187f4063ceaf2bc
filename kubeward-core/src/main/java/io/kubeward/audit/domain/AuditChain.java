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
    return verifyCounting(recordsInOrder).firstBrokenLink();
  }

  /**
   * Like {@link #verify}, and counts the records checked (up to and including a broken one); reads
   * the records one by one, so a lazy {@code Iterable} keeps memory flat on a long log.
   */
  public static Verification verifyCounting(Iterable<AuditRecord> recordsInOrder) {
    long checked = 0;
    long expectedSequence = 1;
    String expectedPrevious = GENESIS;
    for (AuditRecord record : recordsInOrder) {
      checked++;
      if (record.sequence() != expectedSequence) {
        return Verification.broken(
            checked,
            new BrokenLink(
                expectedSequence, "record " + expectedSequence + " is missing or out of order"));
      }
      if (!record.previousHash().equals(expectedPrevious)) {
        return Verification.broken(
            checked, new BrokenLink(record.sequence(), "does not chain to the previous record"));
      }
      if (!record.hash().equals(hash(record.previousHash(), record.sequence(), record.entry()))) {
        return Verification.broken(
            checked,
            new BrokenLink(record.sequence(), "content does not match its hash (altered)"));
      }
      expectedSequence++;
      expectedPrevious = record.hash();
    }
    return new Verification(checked, Optional.empty(), expectedSequence - 1, expectedPrevious);
  }

  /**
   * The result of walking a chain.
   *
   * @param checked records read
   * @param lastSequence the sequence of the last intact record (0 if none)
   * @param lastHash its hash ({@link #GENESIS} if none)
   */
  public record Verification(
      long checked, Optional<BrokenLink> firstBrokenLink, long lastSequence, String lastHash) {

    static Verification broken(long checked, BrokenLink link) {
      return new Verification(checked, Optional.of(link), -1, null);
    }

    public boolean intact() {
      return firstBrokenLink.isEmpty();
    }

    /**
     * Also checks the chain's end against a head kept apart from the records (last sequence and
     * hash), so that records cut off at the end are reported too.
     */
    public Verification againstHead(long headSequence, String headHash) {
      if (!intact() || (headSequence == lastSequence && headHash.equals(lastHash))) {
        return this;
      }
      if (headSequence > lastSequence) {
        return broken(
            checked,
            new BrokenLink(
                lastSequence + 1,
                "records "
                    + (lastSequence + 1)
                    + " to "
                    + headSequence
                    + " are missing (removed from the end)"));
      }
      if (headSequence < lastSequence) {
        return broken(
            checked,
            new BrokenLink(
                headSequence + 1,
                "records after " + headSequence + " were added outside the audit log"));
      }
      return broken(
          checked,
          new BrokenLink(headSequence, "the chain's head does not match record " + headSequence));
    }
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
