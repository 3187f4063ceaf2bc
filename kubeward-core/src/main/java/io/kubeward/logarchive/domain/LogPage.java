package io.kubeward.logarchive.domain;

import java.util.List;

/**
 * The lines found, newest first; {@code truncated} when there may be more (the limit was reached or
 * the answer was cut at its byte bound).
 */
public record LogPage(List<LogLine> lines, boolean truncated) {
  public LogPage {
    lines = List.copyOf(lines);
  }
}
