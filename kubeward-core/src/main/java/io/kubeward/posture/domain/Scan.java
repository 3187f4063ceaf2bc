package io.kubeward.posture.domain;

import java.time.Instant;
import java.util.List;

/**
 * One scan of a cluster by one caller: every result, and notes on what could not be judged ({@code
 * code} is the key {@code posture.note.<code>}, {@code detail} its English argument).
 */
public record Scan(
    String cluster, String scannedBy, Instant scannedAt, List<Result> results, List<Note> notes) {

  public Scan {
    results = List.copyOf(results);
    notes = List.copyOf(notes);
  }

  /** Something the scan could not judge, or did not judge fully. */
  public record Note(String code, String detail) {}
}
