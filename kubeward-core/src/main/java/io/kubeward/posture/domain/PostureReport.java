package io.kubeward.posture.domain;

import java.time.Instant;
import java.util.List;

/**
 * What a caller sees of a scan: the cluster's score, each visible namespace's score, the findings
 * (failed results, those an exception covers marked with it) after the filter, and the scan's
 * notes. Scores ignore the filter: they always cover everything the caller may see.
 */
public record PostureReport(
    String cluster,
    String scannedBy,
    Instant scannedAt,
    Instant evaluatedAt,
    Score score,
    List<NamespaceScore> namespaces,
    List<Finding> findings,
    List<Scan.Note> notes) {

  public PostureReport {
    namespaces = List.copyOf(namespaces);
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
  }

  public record NamespaceScore(String namespace, Score score) {}

  /**
   * A failed check. {@code exceptionId} / {@code exceptedUntil} are set when an unexpired exception
   * covers it (then it does not lower the score).
   */
  public record Finding(
      String check,
      String severity,
      List<String> citations,
      String kind,
      String namespace,
      String name,
      String detail,
      String exceptionId,
      Instant exceptedUntil) {

    public boolean excepted() {
      return exceptionId != null;
    }
  }
}
