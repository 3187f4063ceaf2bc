package io.kubeward.events.app;

import io.kubeward.events.domain.EventQuery;
import io.kubeward.events.domain.EventRow;
import io.kubeward.events.domain.InvolvedObject;
import io.kubeward.events.domain.ObservedEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Port: the stored events of every cluster (Kubeward's database, ADR 0026). */
public interface EventStore {

  /**
   * Merges a batch of observations into the cluster's rows (one row per dedup key, see {@code
   * StoredEvent.merge}), in one transaction.
   *
   * @return the rows inserted or changed
   */
  int upsert(String cluster, List<ObservedEvent> batch);

  /** A page of a search: at most {@code query.limit()} rows, newest first. */
  List<EventRow> search(String cluster, EventQuery query);

  /** Every row of a search (its limit ignored) up to {@code maxRows}, newest first, streamed. */
  void export(String cluster, EventQuery query, int maxRows, Consumer<EventRow> sink);

  /**
   * The rows about any of {@code objects} last seen since {@code since}, in the Event namespaces
   * {@code namespaces} ({@code null}: all), newest first, at most {@code limit}.
   */
  List<EventRow> about(
      String cluster,
      Collection<InvolvedObject> objects,
      Instant since,
      @Nullable Set<String> namespaces,
      int limit);

  /** Deletes the cluster's rows last seen before {@code before}; returns how many. */
  int deleteSeenBefore(String cluster, Instant before);

  /** Deletes the cluster's oldest rows beyond the newest {@code maxRows}; returns how many. */
  int trim(String cluster, long maxRows);

  /** How many rows the cluster has. */
  long count(String cluster);

  /** The clusters with stored events (including clusters removed since). */
  List<String> clusters();
}
