package io.kubeward.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.access.domain.Origin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

  static AuditEntry entry(String name, String diff) {
    return new AuditEntry(
        Instant.parse("2026-11-22T02:00:00Z"),
        "alice",
        Origin.CONSOLE,
        "127.0.0.1",
        "prod",
        "team-a",
        "ConfigMap",
        name,
        "apply",
        diff,
        AuditEntry.Result.SUCCESS,
        null);
  }

  private static List<AuditRecord> chain(int length) {
    List<AuditRecord> records = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      records.add(
          AuditChain.next(records.isEmpty() ? null : records.getLast(), entry("cm-" + i, "+a")));
    }
    return records;
  }

  @Test
  void intactChainVerifies() {
    List<AuditRecord> records = chain(5);

    assertThat(records.getFirst().previousHash()).isEqualTo(AuditChain.GENESIS);
    assertThat(records.get(3).previousHash()).isEqualTo(records.get(2).hash());
    assertThat(AuditChain.verify(records)).isEmpty();
  }

  @Test
  void alteredRecordIsReportedAsTheFirstBrokenLink() {
    List<AuditRecord> records = chain(5);
    AuditRecord original = records.get(2);
    records.set(
        2,
        new AuditRecord(
            original.sequence(),
            entry("cm-2", "+forged"),
            original.previousHash(),
            original.hash()));

    assertThat(AuditChain.verify(records))
        .hasValueSatisfying(
            broken -> {
              assertThat(broken.sequence()).isEqualTo(3);
              assertThat(broken.reason()).contains("altered");
            });
  }

  @Test
  void rehashedForgeryBreaksTheNextLink() {
    List<AuditRecord> records = chain(5);
    AuditRecord original = records.get(2);
    AuditEntry forged = entry("cm-2", "+forged");
    records.set(
        2,
        new AuditRecord(
            original.sequence(),
            forged,
            original.previousHash(),
            AuditChain.hash(original.previousHash(), original.sequence(), forged)));

    assertThat(AuditChain.verify(records))
        .hasValueSatisfying(b -> assertThat(b.sequence()).isEqualTo(4));
  }

  @Test
  void deletedRecordIsReportedAsMissing() {
    List<AuditRecord> records = chain(5);
    records.remove(1);

    assertThat(AuditChain.verify(records))
        .hasValueSatisfying(
            broken -> {
              assertThat(broken.sequence()).isEqualTo(2);
              assertThat(broken.reason()).contains("missing");
            });
  }

  @Test
  void fieldBoundariesCannotBeShifted() {
    AuditEntry a = entry("ab", "c");
    AuditEntry b = entry("a", "bc");

    assertThat(AuditChain.hash(AuditChain.GENESIS, 1, a))
        .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, b));
  }
}
