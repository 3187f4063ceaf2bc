package io.kubeward.alert.app.routing;

import io.kubeward.alert.app.AlertHistory;
import io.kubeward.alert.app.AlertStore;
import io.kubeward.alert.app.NotificationSender;
import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertLabels;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.domain.AlertState;
import io.kubeward.alert.domain.Delivery;
import io.kubeward.alert.domain.HistoryEntry;
import io.kubeward.alert.domain.Notification;
import io.kubeward.alert.domain.RuleKey;
import io.kubeward.alert.domain.routing.NotificationLogEntry;
import io.kubeward.alert.domain.routing.PolicyDocument;
import io.kubeward.alert.domain.routing.Silence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-memory ports for routing's tests. */
final class RoutingFakes {

  private RoutingFakes() {}

  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static final class Alerts implements AlertStore {
    final Map<String, Alert> alerts = new LinkedHashMap<>();

    Alert fire(AlertScope scope, Instant at, String... kv) {
      Map<String, String> labels = new HashMap<>();
      for (int i = 0; i < kv.length; i += 2) {
        labels.put(kv[i], kv[i + 1]);
      }
      if (scope.cluster() != null) {
        labels.put(AlertLabels.CLUSTER, scope.cluster());
      }
      String fp = AlertLabels.fingerprint(labels);
      Alert a =
          new Alert(
              fp,
              scope,
              RuleKey.of(labels.getOrDefault("alertname", "r")),
              AlertLabels.sorted(labels),
              Map.of(),
              AlertState.FIRING,
              at,
              at,
              null,
              at,
              null);
      alerts.put(fp, a);
      return a;
    }

    void resolve(Alert a, Instant at) {
      alerts.put(
          a.fingerprint(),
          new Alert(
              a.fingerprint(),
              a.scope(),
              a.rule(),
              a.labels(),
              a.annotations(),
              AlertState.RESOLVED,
              a.activeSince(),
              a.firingSince(),
              at,
              at,
              null));
    }

    @Override
    public List<Alert> forDispatch(AlertScope scope, Instant resolvedSince) {
      return alerts.values().stream()
          .filter(a -> a.scope().equals(scope))
          .filter(a -> a.firing() || (a.resolved() && !a.resolvedAt().isBefore(resolvedSince)))
          .sorted(Comparator.comparing(Alert::activeSince))
          .toList();
    }
  }

  static final class Sender implements NotificationSender {
    final List<Notification> sent = new CopyOnWriteArrayList<>();
    boolean deliver = true;
    boolean hold;
    final List<CompletableFuture<Delivery>> pending = new ArrayList<>();

    @Override
    public CompletableFuture<Delivery> send(Notification n) {
      sent.add(n);
      if (hold) {
        CompletableFuture<Delivery> f = new CompletableFuture<>();
        pending.add(f);
        return f;
      }
      return CompletableFuture.completedFuture(
          new Delivery(deliver, 1, Duration.ofMillis(3), deliver ? null : "down"));
    }
  }

  static final class History implements AlertHistory {
    final List<HistoryEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void record(HistoryEntry entry) {
      entries.add(entry);
    }
  }

  static final class Policies implements PolicyStore {
    final List<Stored> versions = new ArrayList<>();

    @Override
    public Optional<Stored> current() {
      return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    @Override
    public long currentVersion() {
      return versions.size();
    }

    @Override
    public Stored save(PolicyDocument document, long expectedVersion, String by, Instant at) {
      if (expectedVersion != versions.size()) {
        throw new PolicyConflictException(expectedVersion, versions.size());
      }
      Stored s = new Stored(versions.size() + 1, document, by, at);
      versions.add(s);
      return s;
    }
  }

  static final class Silences implements SilenceStore {
    final Map<String, Silence> silences = new LinkedHashMap<>();

    @Override
    public List<Silence> list(int limit) {
      return silences.values().stream().limit(limit).toList();
    }

    @Override
    public List<Silence> unexpired(Instant now) {
      return silences.values().stream().filter(s -> s.endsAt().isAfter(now)).toList();
    }

    @Override
    public Optional<Silence> find(String id) {
      return Optional.ofNullable(silences.get(id));
    }

    @Override
    public void insert(Silence silence) {
      silences.put(silence.id(), silence);
    }

    @Override
    public boolean update(Silence silence) {
      return silences.replace(silence.id(), silence) != null;
    }

    @Override
    public int purgeExpired(Instant before) {
      return 0;
    }
  }

  static final class Log implements NotificationLog {
    final Map<String, NotificationLogEntry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<NotificationLogEntry> find(String scopeKey, String groupKey, String channel) {
      return Optional.ofNullable(entries.get(scopeKey + "|" + groupKey + "|" + channel));
    }

    @Override
    public void put(NotificationLogEntry e) {
      entries.put(e.scopeKey() + "|" + e.groupKey() + "|" + e.channel(), e);
    }

    @Override
    public Optional<Instant> oldestWithFiring(String scopeKey) {
      return entries.values().stream()
          .filter(e -> e.scopeKey().equals(scopeKey) && !e.firing().isEmpty())
          .map(NotificationLogEntry::sentAt)
          .min(Comparator.naturalOrder());
    }

    @Override
    public int purge(Instant before) {
      return 0;
    }
  }

  static final class Suppressions implements SuppressionLog {
    final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    public boolean firstTime(String scopeKey, String fingerprint, Instant since, String reason) {
      return seen.add(scopeKey + fingerprint + since + reason);
    }

    @Override
    public int purge(Instant before) {
      return 0;
    }
  }

  static final class Ownership implements ScopeOwnership {
    final Set<AlertScope> owned = ConcurrentHashMap.newKeySet();

    @Override
    public boolean owns(AlertScope scope) {
      return owned.contains(scope);
    }

    @Override
    public List<AlertScope> owned() {
      return List.copyOf(owned);
    }
  }
}
