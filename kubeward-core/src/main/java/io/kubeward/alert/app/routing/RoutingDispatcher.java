package io.kubeward.alert.app.routing;

import io.kubeward.alert.app.AlertDispatcher;
import io.kubeward.alert.app.AlertHistory;
import io.kubeward.alert.app.AlertStore;
import io.kubeward.alert.app.NotificationSender;
import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertLabels;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.domain.HistoryEntry;
import io.kubeward.alert.domain.HistoryKind;
import io.kubeward.alert.domain.Notification;
import io.kubeward.alert.domain.routing.InhibitRule;
import io.kubeward.alert.domain.routing.NotificationLogEntry;
import io.kubeward.alert.domain.routing.Route;
import io.kubeward.alert.domain.routing.RoutingPolicy;
import io.kubeward.alert.domain.routing.Silence;
import io.kubeward.common.RepeatedFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routing's dispatcher (ADR 0032): for each scope this replica owns, every {@code interval} and at
 * once when the engine {@link #wake wakes} it, reads the scope's alerts, holds back the silenced,
 * inhibited and maintenance-muted firing alerts (recording each hold once in the history), sorts
 * the rest into aggregation groups per matching route and group labels, and flushes each group
 * {@code groupWait} after it appeared and then every {@code groupInterval}: per channel of the
 * route, the persistent {@link NotificationLog} decides whether the channel must be told (a new
 * firing alert, resolutions, the repeat interval), and only a delivered notification is logged. At
 * most one notification per group and channel is in flight.
 *
 * <p>Passes run on one thread, so they never overlap; deliveries complete on the channels' threads.
 */
public final class RoutingDispatcher implements AlertDispatcher, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RoutingDispatcher.class);
  private final RepeatedFailures failures = new RepeatedFailures(log);

  /** How far before the oldest owed notification resolved alerts are read (replicas' clocks). */
  static final Duration RESOLVED_MARGIN = Duration.ofMinutes(5);

  /** Resolutions older than this are never read (beyond the longest repeat interval). */
  static final Duration RESOLVED_HORIZON = RoutingPolicy.REPEAT_INTERVAL_MAX.plusDays(1);

  private final AlertStore alerts;
  private final NotificationSender sender;
  private final AlertHistory history;
  private final CurrentPolicy policies;
  private final SilenceStore silences;
  private final NotificationLog notificationLog;
  private final SuppressionLog suppressions;
  private final MaintainedNodes maintained;
  private final ScopeOwnership ownership;
  private final Clock clock;

  /** The aggregation groups of each scope this replica owns. */
  private final Map<String, Map<String, Group>> groups = new HashMap<>();

  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Map<String, Scheduled> scheduled = new ConcurrentHashMap<>();
  private final Set<String> recentHolds = ConcurrentHashMap.newKeySet();
  private volatile @Nullable ScheduledExecutorService timer;

  private static final class Group {
    Route route;
    final SortedMap<String, String> labels;
    Instant nextFlush;

    Group(Route route, SortedMap<String, String> labels, Instant nextFlush) {
      this.route = route;
      this.labels = labels;
      this.nextFlush = nextFlush;
    }
  }

  private record Scheduled(Instant at, ScheduledFuture<?> future) {}

  private record Current(Route route, SortedMap<String, String> labels, List<Alert> alerts) {}

  public RoutingDispatcher(
      AlertStore alerts,
      NotificationSender sender,
      AlertHistory history,
      CurrentPolicy policies,
      SilenceStore silences,
      NotificationLog notificationLog,
      SuppressionLog suppressions,
      MaintainedNodes maintained,
      ScopeOwnership ownership,
      Clock clock) {
    this.alerts = alerts;
    this.sender = sender;
    this.history = history;
    this.policies = policies;
    this.silences = silences;
    this.notificationLog = notificationLog;
    this.suppressions = suppressions;
    this.maintained = maintained;
    this.ownership = ownership;
    this.clock = clock;
  }

  /** Starts the periodic passes over every owned scope on a thread of its own. */
  public synchronized void start(Duration interval) {
    if (timer != null) {
      return;
    }
    ScheduledExecutorService t =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("kubeward-alert-dispatch").factory());
    timer = t;
    long ms = interval.toMillis();
    t.scheduleWithFixedDelay(this::tick, ms, ms, TimeUnit.MILLISECONDS);
  }

  @Override
  public void wake(AlertScope scope) {
    ScheduledExecutorService t = timer;
    if (t == null) {
      return;
    }
    try {
      t.execute(() -> run(scope));
    } catch (RejectedExecutionException e) {
      // shutting down
    }
  }

  @Override
  public synchronized void close() {
    ScheduledExecutorService t = timer;
    timer = null;
    if (t != null) {
      t.shutdownNow();
    }
  }

  private void tick() {
    try {
      List<AlertScope> owned = ownership.owned();
      Set<String> keys = owned.stream().map(AlertScope::key).collect(Collectors.toSet());
      groups.keySet().removeIf(k -> !keys.contains(k));
      for (AlertScope scope : owned) {
        run(scope);
      }
      failures.succeeded("Alert dispatch pass");
    } catch (RuntimeException e) {
      failures.failed("Alert dispatch pass", e);
    }
  }

  private void run(AlertScope scope) {
    try {
      pass(scope).ifPresent(next -> scheduleAt(scope, next));
      failures.succeeded("Alert dispatch for " + scope.key());
    } catch (RuntimeException e) {
      failures.failed("Alert dispatch for " + scope.key(), e);
    }
  }

  private void scheduleAt(AlertScope scope, Instant at) {
    ScheduledExecutorService t = timer;
    if (t == null) {
      return;
    }
    Scheduled existing = scheduled.get(scope.key());
    if (existing != null && !existing.future().isDone() && !existing.at().isAfter(at)) {
      return;
    }
    if (existing != null) {
      existing.future().cancel(false);
    }
    long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
    try {
      scheduled.put(
          scope.key(),
          new Scheduled(at, t.schedule(() -> run(scope), delay, TimeUnit.MILLISECONDS)));
    } catch (RejectedExecutionException e) {
      // shutting down
    }
  }

  /**
   * One pass over a scope (on the dispatcher's thread, or a test's): flushes the groups that are
   * due and answers when the next one is.
   */
  public Optional<Instant> pass(AlertScope scope) {
    Instant now = clock.instant();
    if (!ownership.owns(scope)) {
      groups.remove(scope.key());
      return Optional.empty();
    }
    RoutingPolicy policy = policies.get();
    Instant resolvedSince =
        notificationLog
            .oldestWithFiring(scope.key())
            .map(t -> t.minus(RESOLVED_MARGIN))
            .filter(t -> t.isBefore(now))
            .orElse(now);
    if (resolvedSince.isBefore(now.minus(RESOLVED_HORIZON))) {
      resolvedSince = now.minus(RESOLVED_HORIZON);
    }
    List<Alert> all = alerts.forDispatch(scope, resolvedSince);
    List<Alert> routable = held(scope, all, policy, now);
    Map<String, Current> current = new LinkedHashMap<>();
    for (Alert alert : routable) {
      for (Route route : policy.root().match(alert.labels())) {
        SortedMap<String, String> labels = route.groupLabels(alert.labels());
        String key = route.groupKey(labels);
        current
            .computeIfAbsent(key, k -> new Current(route, labels, new ArrayList<>()))
            .alerts()
            .add(alert);
      }
    }
    Map<String, Group> mine = groups.computeIfAbsent(scope.key(), k -> new HashMap<>());
    mine.keySet().retainAll(current.keySet());
    Instant next = null;
    for (Map.Entry<String, Current> e : current.entrySet()) {
      Current c = e.getValue();
      Group g = mine.get(e.getKey());
      if (g == null) {
        g = new Group(c.route(), c.labels(), firstFlush(scope, e.getKey(), c.route(), now));
        mine.put(e.getKey(), g);
      }
      g.route = c.route();
      if (!g.nextFlush.isAfter(now)) {
        flush(scope, e.getKey(), g, c.alerts(), policy, now);
        g.nextFlush = now.plus(g.route.groupInterval());
      }
      if (next == null || g.nextFlush.isBefore(next)) {
        next = g.nextFlush;
      }
    }
    return Optional.ofNullable(next);
  }

  /**
   * A group new to this replica waits {@code groupWait}, unless a channel was already told about it
   * (a restart, another replica before): then it continues at that notification's interval.
   */
  private Instant firstFlush(AlertScope scope, String groupKey, Route route, Instant now) {
    Instant earliest = null;
    for (String channel : route.channels()) {
      Optional<NotificationLogEntry> entry = notificationLog.find(scope.key(), groupKey, channel);
      if (entry.isPresent()) {
        Instant at = entry.get().sentAt().plus(route.groupInterval());
        if (earliest == null || at.isBefore(earliest)) {
          earliest = at;
        }
      }
    }
    if (earliest == null) {
      return now.plus(route.groupWait());
    }
    return earliest.isBefore(now) ? now : earliest;
  }

  /** The alerts to route: resolved ones and the firing ones nothing holds back. */
  private List<Alert> held(AlertScope scope, List<Alert> all, RoutingPolicy policy, Instant now) {
    List<Silence> active =
        silences.unexpired(now).stream().filter(s -> s.state(now) == Silence.State.ACTIVE).toList();
    List<InhibitRule.Candidate> firing =
        all.stream()
            .filter(Alert::firing)
            .map(a -> new InhibitRule.Candidate(a.fingerprint(), a.labels()))
            .toList();
    Set<String> underMaintenance =
        policy.muteDuringMaintenance() && scope.cluster() != null
            ? maintained.nodes(scope.cluster(), now)
            : Set.of();
    List<Alert> out = new ArrayList<>(all.size());
    for (Alert alert : all) {
      if (!alert.firing()) {
        if (alert.resolved()) {
          out.add(alert);
        }
        continue;
      }
      boolean hold = false;
      for (Silence s : active) {
        if (s.matches(alert.labels())) {
          hold = true;
          noteHold(
              alert,
              HistoryKind.SILENCED,
              "silence:" + s.id(),
              "silence " + s.id() + " by " + s.createdBy() + ": " + s.comment(),
              now);
        }
      }
      if (hold) {
        continue;
      }
      InhibitRule.Candidate me = new InhibitRule.Candidate(alert.fingerprint(), alert.labels());
      for (int i = 0; i < policy.inhibitRules().size(); i++) {
        if (policy.inhibitRules().get(i).inhibits(me, firing)) {
          noteHold(alert, HistoryKind.INHIBITED, "inhibited", "inhibition rule " + i, now);
          hold = true;
          break;
        }
      }
      if (hold) {
        continue;
      }
      String node = alert.label(AlertLabels.NODE);
      if (node != null && underMaintenance.contains(node)) {
        noteHold(
            alert, HistoryKind.MUTED, "maintenance", "node " + node + " is under maintenance", now);
        continue;
      }
      out.add(alert);
    }
    return out;
  }

  private void noteHold(Alert alert, HistoryKind kind, String reason, String detail, Instant now) {
    Instant since = alert.firingSince() == null ? alert.activeSince() : alert.firingSince();
    String key = alert.scope().key() + "|" + alert.fingerprint() + "|" + since + "|" + reason;
    if (recentHolds.contains(key)) {
      return;
    }
    if (recentHolds.size() > 100_000) {
      recentHolds.clear();
    }
    recentHolds.add(key);
    if (suppressions.firstTime(alert.scope().key(), alert.fingerprint(), since, reason)) {
      history.record(HistoryEntry.ofAlert(kind, alert, now, detail));
    }
  }

  private void flush(
      AlertScope scope,
      String groupKey,
      Group g,
      List<Alert> alerts,
      RoutingPolicy policy,
      Instant now) {
    List<Alert> firing = alerts.stream().filter(Alert::firing).toList();
    List<Alert> resolved = alerts.stream().filter(Alert::resolved).toList();
    Optional<String> muted = policy.muted(g.route, now);
    if (muted.isPresent()) {
      for (Alert a : firing) {
        noteHold(
            a,
            HistoryKind.MUTED,
            "interval:" + muted.get(),
            "route " + g.route.path() + " muted by time interval " + muted.get(),
            now);
      }
      return;
    }
    Set<String> firingSet = firing.stream().map(Alert::fingerprint).collect(Collectors.toSet());
    for (String channel : g.route.channels()) {
      String flight = scope.key() + "|" + groupKey + "|" + channel;
      if (inFlight.contains(flight)) {
        continue;
      }
      NotificationLogEntry last = notificationLog.find(scope.key(), groupKey, channel).orElse(null);
      Set<String> told = last == null ? Set.of() : last.firing();
      List<Alert> resolvedOwed =
          resolved.stream().filter(a -> told.contains(a.fingerprint())).toList();
      Set<String> resolvedSet =
          resolvedOwed.stream().map(Alert::fingerprint).collect(Collectors.toSet());
      if (!NotificationLogEntry.needsUpdate(
          last, firingSet, resolvedSet, g.route.sendResolved(), g.route.repeatInterval(), now)) {
        continue;
      }
      List<Alert> resolvedSent = g.route.sendResolved() ? resolvedOwed : List.of();
      NotificationLogEntry entry =
          new NotificationLogEntry(scope.key(), groupKey, channel, firingSet, resolvedSet, now);
      if (firing.isEmpty() && resolvedSent.isEmpty()) {
        notificationLog.put(entry); // nothing to tell (resolved, not sent): forget the firing
        continue;
      }
      inFlight.add(flight);
      Notification n =
          new Notification(channel, scope, groupKey, g.labels, firing, resolvedSent, now, false);
      try {
        sender
            .send(n)
            .whenComplete(
                (delivery, failure) -> {
                  try {
                    if (failure == null && delivery != null && delivery.delivered()) {
                      notificationLog.put(entry);
                    }
                  } catch (RuntimeException e) {
                    log.warn("Notification log for {} not written: {}", flight, e.toString());
                  } finally {
                    inFlight.remove(flight);
                  }
                });
      } catch (RuntimeException e) {
        inFlight.remove(flight);
        log.warn("Notification for {} not handed over: {}", flight, e.toString());
      }
    }
  }

  /** Whether a notification for the group and channel is being delivered (tests). */
  boolean inFlight(AlertScope scope, String groupKey, String channel) {
    return inFlight.contains(scope.key() + "|" + groupKey + "|" + channel);
  }

  /** The groups this replica holds for a scope: group key → its alerts' count (tests, match). */
  Set<String> groupKeys(AlertScope scope) {
    return new HashSet<>(groups.getOrDefault(scope.key(), Map.of()).keySet());
  }
}
