package io.kubeward.server.capacity;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Caller;
import io.kubeward.capacity.app.DemandHistory;
import io.kubeward.history.app.GetHistory;
import io.kubeward.history.app.HistoryRequestException;
import io.kubeward.history.app.PrometheusException;
import io.kubeward.history.domain.HistoryMetric;
import io.kubeward.history.domain.Point;
import io.kubeward.history.domain.Series;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demand history from the history feature (Prometheus or the built-in history), read as the caller;
 * no source, no right, a window the source refuses or a Prometheus that fails give no points (the
 * forecast then says {@code none}).
 */
final class HistoryDemand implements DemandHistory {

  private static final Logger log = LoggerFactory.getLogger(HistoryDemand.class);

  private final GetHistory history;

  HistoryDemand(GetHistory history) {
    this.history = history;
  }

  @Override
  public List<Point> series(
      Caller caller,
      String cluster,
      @Nullable String node,
      HistoryMetric metric,
      Instant start,
      Instant end) {
    try {
      var answer =
          history.get(
              caller,
              cluster,
              new GetHistory.Request(
                  node == null ? "cluster" : "node", node, null, null, null, start, end));
      return answer.series().stream()
          .filter(s -> s.metric() == metric)
          .findFirst()
          .map(Series::points)
          .orElse(List.of());
    } catch (AccessDeniedException | HistoryRequestException e) {
      return List.of();
    } catch (PrometheusException e) {
      log.info("Cluster {}: no history for the capacity forecast: {}", cluster, e.getMessage());
      return List.of();
    }
  }
}
