package io.kubeward.capacity.app;

import io.kubeward.access.app.Caller;
import io.kubeward.history.domain.HistoryMetric;
import io.kubeward.history.domain.Point;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Port: the usage history of the cluster or of one node, as the caller may read it. */
public interface DemandHistory {

  /**
   * @param node a node, or {@code null} for the whole cluster
   * @return the points, oldest first; empty without a history source or without the right
   */
  List<Point> series(
      Caller caller,
      String cluster,
      @Nullable String node,
      HistoryMetric metric,
      Instant start,
      Instant end);
}
