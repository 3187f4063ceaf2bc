package io.kubeward.usage.app;

import io.kubeward.usage.domain.MetricsSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * The shared metrics snapshots (ADR 0019): one per cluster, read on demand through the {@link
 * MetricsReader} with Kubeward's identity and reused while younger than {@code max-age}; an answer
 * without numbers (no metrics-server) is reused for {@code absent-for}, so a cluster without
 * metrics is not asked on every request. Concurrent callers of a cluster share one reading in
 * flight. Snapshots of clusters that are gone are dropped, so memory stays one snapshot per known
 * cluster.
 */
public final class LiveMetrics implements UsageSnapshots {

  private record Entry(MetricsSnapshot snapshot, Instant until) {}

  private final MetricsReader reader;
  private final UsageSettings settings;
  private final Clock clock;
  private final Predicate<String> known;
  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, CompletableFuture<MetricsSnapshot>> inFlight =
      new ConcurrentHashMap<>();

  /**
   * @param known whether a cluster still exists (snapshots of others are dropped)
   */
  public LiveMetrics(
      MetricsReader reader, UsageSettings settings, Clock clock, Predicate<String> known) {
    this.reader = reader;
    this.settings = settings;
    this.clock = clock;
    this.known = known;
  }

  @Override
  public MetricsSnapshot current(String cluster) {
    MetricsSnapshot fresh = fresh(cluster);
    if (fresh != null) {
      return fresh;
    }
    CompletableFuture<MetricsSnapshot> mine = new CompletableFuture<>();
    CompletableFuture<MetricsSnapshot> running = inFlight.putIfAbsent(cluster, mine);
    if (running != null) {
      try {
        return running.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException failure ? failure : e;
      }
    }
    try {
      MetricsSnapshot snapshot = fresh(cluster);
      if (snapshot == null) {
        snapshot = reader.read(cluster);
        Duration keep = snapshot.available() ? settings.maxAge() : settings.absentFor();
        entries.put(cluster, new Entry(snapshot, clock.instant().plus(keep)));
        entries.keySet().removeIf(name -> !known.test(name));
      }
      mine.complete(snapshot);
      return snapshot;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(cluster, mine);
    }
  }

  /** Forgets what is kept of {@code cluster}: the next request reads its metrics API again. */
  public void forget(String cluster) {
    entries.remove(cluster);
  }

  private MetricsSnapshot fresh(String cluster) {
    Entry entry = entries.get(cluster);
    return entry != null && clock.instant().isBefore(entry.until()) ? entry.snapshot() : null;
  }
}
