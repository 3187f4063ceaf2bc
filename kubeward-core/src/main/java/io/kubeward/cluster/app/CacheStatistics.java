package io.kubeward.cluster.app;

import io.kubeward.cluster.domain.CachedKind;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the shared cache of a cluster tells about one kind, read live (for metrics): plain getters,
 * no framework. One object per cluster and kind, alive as long as the cluster's cache.
 */
public interface CacheStatistics {

  CachedKind kind();

  /** How many views the cache holds. */
  int size();

  /** Whether the kind has completed its first list. */
  boolean synced();

  /**
   * How far the kind's views may be behind the API now: zero while its watch is open; otherwise the
   * time since it was last seen open (or since the cache started, if it never was).
   */
  Duration lag();

  /** When the last object of the kind arrived from a list or watch; {@code null} before any. */
  Instant lastEvent();

  /**
   * How often the kind's list or watch failed and was retried, plus informers restarted after they
   * stopped: each is a new watch, and a relist when the resource version has gone.
   */
  long watchRestarts();

  /** How many lists (first list and relists, each of all its pages) have completed. */
  long lists();

  /** The time all completed lists took, from the first page's request to the last page's answer. */
  Duration listTime();

  /**
   * When the kind's first list was asked for (before waiting for the cluster's list gate); {@code
   * null} before. For the start-up timeline.
   */
  default @Nullable Instant firstListStarted() {
    return null;
  }

  /** When the kind first synced (its first complete list); {@code null} before. */
  default @Nullable Instant syncedAt() {
    return null;
  }
}
