package io.kubeward.history.domain;

import java.time.Duration;
import java.util.List;

/**
 * A target's history over a window: the series the source has, the metrics it does not have and
 * why, and a message when there is no source at all.
 */
public record History(
    SourceKind source,
    HistoryWindow window,
    List<Series> series,
    List<Missing> missing,
    String message) {

  public History {
    series = List.copyOf(series);
    missing = List.copyOf(missing);
  }

  public Duration step() {
    return window.step();
  }
}
