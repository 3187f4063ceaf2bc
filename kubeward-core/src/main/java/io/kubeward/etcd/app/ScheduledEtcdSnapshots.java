package io.kubeward.etcd.app;

import io.kubeward.access.app.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: snapshots on a schedule ({@code kubeward.etcd.schedule}) for every cluster with an etcd
 * connection, as the controller {@code etcd-snapshots} (audited like an administrator's save,
 * retention applied). {@link #tick()} is called often (every 30 s); it fires when the cron's next
 * time after the last fire has come. Fires missed while Kubeward was down or busy become one
 * snapshot, not a burst. Time comes from the injected clock: tests shift it.
 */
public final class ScheduledEtcdSnapshots {

  private static final Logger log = LoggerFactory.getLogger(ScheduledEtcdSnapshots.class);
  static final Caller CONTROLLER = Caller.controller("etcd-snapshots");

  /** What one fire did: per cluster, the snapshot id or the error. */
  public record Fire(Instant at, List<String> saved, List<String> failed) {}

  private final ManageEtcdSnapshots snapshots;
  private final UnaryOperator<Instant> nextAfter;
  private final Clock clock;
  private Instant last;

  /**
   * @param nextAfter the cron: the first fire time strictly after the given instant
   */
  public ScheduledEtcdSnapshots(
      ManageEtcdSnapshots snapshots, UnaryOperator<Instant> nextAfter, Clock clock) {
    this.snapshots = snapshots;
    this.nextAfter = nextAfter;
    this.clock = clock;
    this.last = clock.instant();
  }

  /** The next time the schedule fires. */
  public synchronized Instant next() {
    return nextAfter.apply(last);
  }

  /** Fires when due: a snapshot of every configured cluster; {@code null} when not due. */
  public Fire tick() {
    return tick(cluster -> true);
  }

  // --- issue 18 ha ---
  /**
   * Fires when due, saving only the clusters {@code here} accepts (those whose controllers this
   * replica leads, ADR 0053): every replica ticks and moves on at each due time, one saves.
   */
  public synchronized Fire tick(Predicate<String> here) {
    Instant now = clock.instant();
    Instant due = nextAfter.apply(last);
    if (due == null || due.isAfter(now)) {
      return null;
    }
    last = now;
    List<String> saved = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (String cluster : snapshots.configuredClusters()) {
      if (!here.test(cluster)) {
        continue;
      }
      try {
        saved.add(cluster + "/" + snapshots.save(CONTROLLER, cluster).id());
      } catch (RuntimeException e) {
        log.warn("Scheduled etcd snapshot of cluster {} failed: {}", cluster, e.getMessage());
        failed.add(cluster + ": " + e.getMessage());
      }
    }
    return new Fire(now, saved, failed);
  }
}
