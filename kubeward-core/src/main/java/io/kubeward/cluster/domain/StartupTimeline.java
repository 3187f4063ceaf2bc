package io.kubeward.cluster.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the seconds of a start go, for one cluster (issue 19): the process's phases (JVM start,
 * Spring context, web server) and, per cached kind, the start and end of its first complete list,
 * then the first complete overview (every kind that lists first, ADR 0012, synced). Pure: the
 * instants are given; this orders them and computes durations from the JVM's start.
 */
public record StartupTimeline(
    Instant jvmStarted,
    List<Phase> phases,
    List<KindList> lists,
    @Nullable Instant firstOverview,
    @Nullable Instant allSynced) {

  /** One moment of the start: its name, when, and how long after the JVM started. */
  public record Phase(String name, Instant at, Duration sinceJvmStart) {}

  /**
   * The first complete list of one kind: when it was asked for (it may then wait for the cluster's
   * list gate) and when the informer synced; {@code null} while not yet.
   */
  public record KindList(
      CachedKind kind,
      int objects,
      @Nullable Instant started,
      @Nullable Instant synced,
      @Nullable Duration startedAfterJvm,
      @Nullable Duration syncedAfterJvm,
      @Nullable Duration listTime) {}

  /** A named instant of the process, e.g. "Spring context refreshed"; {@code at} may be null. */
  public record Moment(String name, @Nullable Instant at) {}

  /** What the cache tells about one kind's first list. */
  public record KindSync(
      CachedKind kind, int objects, @Nullable Instant started, @Nullable Instant synced) {}

  public static final String FIRST_OVERVIEW = "first complete overview";
  public static final String ALL_SYNCED = "every cached kind synced";

  /**
   * The timeline of a cluster's start: {@code moments} of the process (those not yet reached are
   * left out), {@code kinds} in the cache's table order.
   */
  public static StartupTimeline of(Instant jvmStarted, List<Moment> moments, List<KindSync> kinds) {
    Objects.requireNonNull(jvmStarted, "jvmStarted");
    List<Phase> phases = new ArrayList<>();
    phases.add(new Phase("JVM started", jvmStarted, Duration.ZERO));
    for (Moment moment : moments) {
      if (moment.at() != null) {
        phases.add(phase(moment.name(), moment.at(), jvmStarted));
      }
    }
    List<KindList> lists = new ArrayList<>();
    for (KindSync sync : kinds) {
      lists.add(
          new KindList(
              sync.kind(),
              sync.objects(),
              sync.started(),
              sync.synced(),
              since(jvmStarted, sync.started()),
              since(jvmStarted, sync.synced()),
              sync.started() == null || sync.synced() == null
                  ? null
                  : Duration.between(sync.started(), sync.synced())));
    }
    Instant firstOverview =
        lastSynced(
            kinds.stream().filter(k -> k.kind().listOrder() == CachedKind.ListOrder.FIRST).toList(),
            overviewKindCount());
    Instant allSynced = lastSynced(kinds, CachedKind.values().length);
    if (firstOverview != null) {
      phases.add(phase(FIRST_OVERVIEW, firstOverview, jvmStarted));
    }
    if (allSynced != null) {
      phases.add(phase(ALL_SYNCED, allSynced, jvmStarted));
    }
    phases.sort(Comparator.comparing(Phase::at));
    return new StartupTimeline(
        jvmStarted, List.copyOf(phases), List.copyOf(lists), firstOverview, allSynced);
  }

  /** How many kinds the overview needs (those that list first). */
  public static int overviewKindCount() {
    int count = 0;
    for (CachedKind kind : CachedKind.values()) {
      if (kind.listOrder() == CachedKind.ListOrder.FIRST) {
        count++;
      }
    }
    return count;
  }

  /** The latest sync of {@code kinds}, or null unless all {@code expected} of them synced. */
  private static @Nullable Instant lastSynced(List<KindSync> kinds, int expected) {
    if (kinds.size() < expected) {
      return null;
    }
    Instant last = null;
    for (KindSync kind : kinds) {
      if (kind.synced() == null) {
        return null;
      }
      if (last == null || kind.synced().isAfter(last)) {
        last = kind.synced();
      }
    }
    return last;
  }

  private static Phase phase(String name, Instant at, Instant jvmStarted) {
    return new Phase(name, at, Duration.between(jvmStarted, at));
  }

  private static @Nullable Duration since(Instant jvmStarted, @Nullable Instant at) {
    return at == null ? null : Duration.between(jvmStarted, at);
  }
}
