package io.kubeward.events.app;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.events.domain.ObservedEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects each cluster's events from the shared cache into the {@link EventStore}, only where this
 * replica leads the cluster's controllers (the runtime's one leader election per cluster, ADR 0014;
 * the caller passes the answer). The cache's changes are {@linkplain #observe buffered} (the latest
 * view of each Event, bounded) and {@linkplain #flush written} in batches; when this replica starts
 * leading, after a failed write and after the buffer overflowed, a flush re-reads every cached
 * Event instead, which the dedup makes idempotent ({@code StoredEvent.merge}). {@link #purge}
 * deletes beyond retention and the row bound. Time comes from the injected clock.
 */
public final class EventCollector {

  private static final Logger log = LoggerFactory.getLogger(EventCollector.class);

  private final EventStore store;
  private final EventSettings settings;
  private final Clock clock;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  public EventCollector(EventStore store, EventSettings settings, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  private static final class State {
    volatile boolean leading;
    volatile boolean rescan;
    final LinkedHashMap<String, KubeObjectView> buffer = new LinkedHashMap<>();
  }

  /** A cached Event was added or changed (the cache's listener thread: returns at once). */
  public void observe(String cluster, KubeObjectView event) {
    State state = states.get(cluster);
    if (state == null || !state.leading || state.rescan) {
      return;
    }
    synchronized (state.buffer) {
      state.buffer.remove(event.uid());
      state.buffer.put(event.uid(), event);
      if (state.buffer.size() > settings.maxBuffered()) {
        state.buffer.clear();
        state.rescan = true;
      }
    }
  }

  /**
   * Writes what changed since the last flush if this replica leads {@code cluster}, or every cached
   * Event when it has just started leading (or must re-read).
   *
   * @param cached every cached Event of the cluster (read only when re-reading)
   * @return the rows inserted or changed
   */
  public int flush(
      String cluster,
      boolean leading,
      Supplier<? extends Iterable<? extends KubeObjectView>> cached) {
    State state = states.computeIfAbsent(cluster, c -> new State());
    if (!settings.enabled() || !leading) {
      state.leading = false;
      synchronized (state.buffer) {
        state.buffer.clear();
      }
      return 0;
    }
    List<KubeObjectView> views;
    if (!state.leading || state.rescan) {
      state.leading = true;
      state.rescan = false;
      synchronized (state.buffer) {
        state.buffer.clear();
      }
      views = new ArrayList<>();
      for (KubeObjectView view : cached.get()) {
        views.add(view);
      }
      log.debug("Cluster {}: reading {} cached events into the store", cluster, views.size());
    } else {
      synchronized (state.buffer) {
        views = new ArrayList<>(state.buffer.values());
        state.buffer.clear();
      }
    }
    try {
      return write(cluster, views);
    } catch (RuntimeException e) {
      state.rescan = true; // nothing is lost: the next flush re-reads the cache
      throw e;
    }
  }

  private int write(String cluster, List<KubeObjectView> views) {
    Instant now = clock.instant();
    int written = 0;
    List<ObservedEvent> batch = new ArrayList<>(Math.min(views.size(), settings.batchSize()));
    for (KubeObjectView view : views) {
      ObservedEvent.from(view, now).ifPresent(batch::add);
      if (batch.size() == settings.batchSize()) {
        written += store.upsert(cluster, batch);
        batch = new ArrayList<>(settings.batchSize());
      }
    }
    if (!batch.isEmpty()) {
      written += store.upsert(cluster, batch);
    }
    return written;
  }

  /** What one purge deleted. */
  public record Purge(int expired, int trimmed) {}

  /** Deletes the cluster's rows beyond retention, then the oldest beyond the row bound. */
  public Purge purge(String cluster) {
    int expired = store.deleteSeenBefore(cluster, clock.instant().minus(settings.retention()));
    int trimmed = store.trim(cluster, settings.maxRowsPerCluster());
    if (expired + trimmed > 0) {
      log.debug(
          "Cluster {}: events purged {} expired, {} beyond the bound", cluster, expired, trimmed);
    }
    return new Purge(expired, trimmed);
  }

  /** Drops the state of a cluster that is gone. */
  public void forget(String cluster) {
    states.remove(cluster);
  }
}
