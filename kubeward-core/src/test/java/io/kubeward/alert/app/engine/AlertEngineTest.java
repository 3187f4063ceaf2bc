package io.kubeward.alert.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.alert.app.AlertRuleSource.Evaluation;
import io.kubeward.alert.app.AlertRuleSource.LoadedRule;
import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertSample;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.domain.AlertSeverity;
import io.kubeward.alert.domain.AlertState;
import io.kubeward.alert.domain.HistoryEntry;
import io.kubeward.alert.domain.HistoryKind;
import io.kubeward.alert.domain.RuleKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AlertEngineTest {

  static final AlertScope LOCAL = AlertScope.ofCluster("local");

  record Rule(RuleKey key, String alertName, AlertSeverity severity, Duration forDuration)
      implements LoadedRule {
    @Override
    public Map<String, String> labels() {
      return Map.of();
    }

    @Override
    public long generation() {
      return 1;
    }
  }

  /** The alert store in memory (a fake of the JDBC one). */
  static final class MemoryStates implements AlertStates {
    final Map<String, Alert> rows = new ConcurrentHashMap<>();
    boolean failing;

    @Override
    public List<Alert> forDispatch(AlertScope scope, Instant resolvedSince) {
      return List.of();
    }

    @Override
    public List<Alert> load(AlertScope scope) {
      return rows.values().stream().filter(a -> a.scope().equals(scope)).toList();
    }

    @Override
    public void apply(AlertScope scope, Collection<Alert> changed, Set<String> dropped) {
      if (failing) {
        throw new IllegalStateException("database down");
      }
      dropped.forEach(rows::remove);
      changed.forEach(a -> rows.put(a.fingerprint(), a));
    }

    @Override
    public Optional<Alert> find(AlertScope scope, String fingerprint) {
      return Optional.ofNullable(rows.get(fingerprint));
    }

    @Override
    public List<Alert> query(AlertQuery query, int max) {
      return List.copyOf(rows.values());
    }

    @Override
    public int purgeResolved(Instant before) {
      return 0;
    }
  }

  static final class Fixture implements AlertEngine.ScopeRules {
    final List<Rule> rules = new CopyOnWriteArrayList<>();
    final Map<RuleKey, Evaluation> answers = new ConcurrentHashMap<>();
    volatile boolean leading = true;
    volatile boolean complete = true;

    @Override
    public boolean complete(AlertScope scope) {
      return complete;
    }

    @Override
    public List<? extends LoadedRule> rules(AlertScope scope) {
      return rules;
    }

    @Override
    public Evaluation evaluate(AlertScope scope, LoadedRule rule, Instant now) {
      return answers.getOrDefault(rule.key(), Evaluation.of(List.of()));
    }

    @Override
    public boolean owns(AlertScope scope) {
      return leading;
    }
  }

  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-12-03T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final Fixture fixture = new Fixture();
  final MemoryStates store = new MemoryStates();
  final List<HistoryEntry> history = new CopyOnWriteArrayList<>();
  final List<AlertScope> wakes = new CopyOnWriteArrayList<>();
  final MutableClock clock = new MutableClock();
  final List<Integer> observed = new ArrayList<>();

  AlertEngine engine() {
    return new AlertEngine(
        fixture,
        store,
        history::add,
        wakes::add,
        AlertEngineSettings.defaults(),
        clock,
        (scope, took, rules, failed, transitions) -> observed.add(transitions));
  }

  static Evaluation pods(String... names) {
    List<AlertSample> samples = new ArrayList<>();
    for (String name : names) {
      samples.add(new AlertSample(Map.of("namespace", "shop", "pod", name), Map.of(), null));
    }
    return Evaluation.of(samples);
  }

  final Rule crash =
      new Rule(
          RuleKey.of("pod-crash-looping"),
          "pod-crash-looping",
          AlertSeverity.WARNING,
          Duration.ofSeconds(30));

  @Test
  void firesAfterForRecordsWakesAndResolves() {
    AlertEngine engine = engine();
    fixture.rules.add(crash);
    fixture.answers.put(crash.key(), pods("a"));
    assertThat(engine.evaluate(LOCAL)).isTrue();
    assertThat(store.rows.values()).extracting(Alert::state).containsExactly(AlertState.PENDING);
    assertThat(wakes).isEmpty();

    clock.now = clock.now.plusSeconds(30);
    engine.evaluate(LOCAL);
    assertThat(store.rows.values()).extracting(Alert::state).containsExactly(AlertState.FIRING);
    assertThat(history).extracting(HistoryEntry::kind).containsExactly(HistoryKind.FIRING);
    assertThat(history.getFirst().detail()).contains("pod=a");
    assertThat(wakes).containsExactly(LOCAL);
    assertThat(engine.counts()).containsEntry(AlertState.FIRING, 1L);

    fixture.answers.put(crash.key(), pods());
    clock.now = clock.now.plusSeconds(15);
    engine.evaluate(LOCAL);
    assertThat(store.rows.values()).extracting(Alert::state).containsExactly(AlertState.RESOLVED);
    assertThat(history)
        .extracting(HistoryEntry::kind)
        .containsExactly(HistoryKind.FIRING, HistoryKind.RESOLVED);
    assertThat(wakes).hasSize(2);
    assertThat(observed).containsExactly(0, 1, 1);
  }

  @Test
  void aNewLeaderContinuesFromTheStoreWithoutFiringAgain() {
    fixture.rules.add(crash);
    fixture.answers.put(crash.key(), pods("a"));
    AlertEngine first = engine();
    first.evaluate(LOCAL);
    clock.now = clock.now.plusSeconds(30);
    first.evaluate(LOCAL);
    assertThat(history).hasSize(1);

    // the replica dies; another one becomes leader and reads the store
    AlertEngine second = engine();
    clock.now = clock.now.plusSeconds(10);
    second.evaluate(LOCAL);
    assertThat(history).hasSize(1);
    fixture.answers.put(crash.key(), pods());
    second.evaluate(LOCAL);
    assertThat(history)
        .extracting(HistoryEntry::kind)
        .containsExactly(HistoryKind.FIRING, HistoryKind.RESOLVED);
  }

  @Test
  void notLeadingForgetsAndReloadsWhenLeadingAgain() {
    fixture.rules.add(crash);
    fixture.answers.put(crash.key(), pods("a"));
    AlertEngine engine = engine();
    engine.evaluate(LOCAL);
    fixture.leading = false;
    assertThat(engine.evaluate(LOCAL)).isFalse();
    assertThat(engine.holds(LOCAL)).isFalse();
    // meanwhile the other leader resolved and dropped it
    store.rows.clear();
    fixture.leading = true;
    fixture.answers.put(crash.key(), pods());
    engine.evaluate(LOCAL);
    assertThat(history).isEmpty();
  }

  @Test
  void aFailedEvaluationKeepsAndADeletedRuleResolves() {
    Rule now =
        new Rule(
            RuleKey.of("node-not-ready"), "node-not-ready", AlertSeverity.CRITICAL, Duration.ZERO);
    fixture.rules.add(now);
    fixture.answers.put(now.key(), pods("n"));
    AlertEngine engine = engine();
    engine.evaluate(LOCAL);
    assertThat(history).hasSize(1);
    fixture.answers.put(now.key(), Evaluation.failed("Prometheus down"));
    engine.evaluate(LOCAL);
    assertThat(store.rows.values()).extracting(Alert::state).containsExactly(AlertState.FIRING);
    fixture.rules.clear();
    engine.evaluate(LOCAL);
    assertThat(store.rows.values()).extracting(Alert::state).containsExactly(AlertState.RESOLVED);
    assertThat(history)
        .extracting(HistoryEntry::kind)
        .containsExactly(HistoryKind.FIRING, HistoryKind.RESOLVED);
  }

  @Test
  void aRuleNotLoadedYetAfterAFailoverKeepsItsAlerts() {
    Rule now =
        new Rule(
            RuleKey.of("node-not-ready"), "node-not-ready", AlertSeverity.CRITICAL, Duration.ZERO);
    fixture.rules.add(now);
    fixture.answers.put(now.key(), pods("n"));
    engine().evaluate(LOCAL);
    assertThat(history).hasSize(1);

    // a new leader whose rules controllers have not loaded every rule yet
    fixture.rules.clear();
    fixture.complete = false;
    AlertEngine next = engine();
    next.evaluate(LOCAL);
    assertThat(store.rows.values()).extracting(Alert::state).containsExactly(AlertState.FIRING);
    assertThat(history).hasSize(1);
    fixture.rules.add(now);
    fixture.complete = true;
    next.evaluate(LOCAL);
    assertThat(history).hasSize(1);
    assertThat(store.rows.values()).extracting(Alert::state).containsExactly(AlertState.FIRING);
  }

  @Test
  void aStoreFailureKeepsTheTransitionForTheNextEvaluation() {
    Rule now = new Rule(RuleKey.of("x"), "x", AlertSeverity.CRITICAL, Duration.ZERO);
    fixture.rules.add(now);
    fixture.answers.put(now.key(), pods("p"));
    AlertEngine engine = engine();
    store.failing = true;
    engine.evaluate(LOCAL);
    assertThat(history).isEmpty();
    assertThat(wakes).isEmpty();
    store.failing = false;
    engine.evaluate(LOCAL);
    assertThat(history).hasSize(1);
    assertThat(wakes).hasSize(1);
  }

  @Test
  void nudgesOnlyWhereLeading() {
    AlertEngine engine = engine();
    engine.nudge("local");
    engine.nudge("local");
    assertThat(engine.takeNudged()).containsExactly("local");
    assertThat(engine.takeNudged()).isEmpty();
    fixture.leading = false;
    engine.nudge("local");
    assertThat(engine.takeNudged()).isEmpty();
  }
}
