package io.kubeward.alert.app.engine;

import io.kubeward.alert.app.AlertHistory;
import io.kubeward.alert.domain.HistoryEntry;
import java.time.Instant;
import java.util.List;

/** The engine's side of the {@link AlertHistory}: queries and the retention. */
public interface AlertHistoryLog extends AlertHistory {

  /** Entries matching {@code query}, newest first (by id), at most {@code query.limit()}. */
  List<HistoryEntry> query(HistoryQuery query);

  /** Deletes entries older than {@code before}; the number deleted. */
  int purge(Instant before);
}
