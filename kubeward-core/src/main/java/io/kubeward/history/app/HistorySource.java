package io.kubeward.history.app;

import io.kubeward.history.domain.History;
import io.kubeward.history.domain.HistoryTarget;
import io.kubeward.history.domain.HistoryWindow;
import io.kubeward.history.domain.SourceKind;
import java.time.Duration;

/**
 * Port: where a cluster's history comes from. Two implementations, chosen per cluster by {@link
 * HistorySources}: {@link PrometheusHistory} when a Prometheus is configured, else {@link
 * BuiltInHistory}.
 */
public interface HistorySource {

  SourceKind kind();

  /** The smallest step this source has (Prometheus: 15 s; built-in: the sample interval). */
  Duration minStep();

  /** Every metric of {@code target} over {@code window}; what the source lacks is in missing. */
  History history(String cluster, HistoryTarget target, HistoryWindow window);
}
