package io.kubeward.alert.app.engine;

import io.kubeward.alert.app.AlertDispatcher;
import io.kubeward.alert.app.AlertHistory;
import io.kubeward.alert.app.AlertRuleSource;
import io.kubeward.alert.app.AlertRuleSource.Evaluation;
import io.kubeward.alert.app.AlertRuleSource.LoadedRule;
import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.domain.AlertState;
import io.kubeward.alert.domain.HistoryEntry;
import io.kubeward.alert.domain.RuleKey;
import io.kubeward.alert.domain.state.AlertStateMachine;
import io.kubeward.alert.domain.state.Outcome;
import io.kubeward.alert.domain.state.RuleIdentity;
import io.kubeward.alert.domain.state.Transition;
import io.kubeward.common.RepeatedFailures;
import io.kubeward.diagnostics.app.FindingListener;
import io.kubeward.diagnostics.domain.Finding;
import io.kubeward.node.health.app.NodeHealthListener;
import io.kubeward.node.health.domain.HealthDetection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evaluation loop's core (ADR 0031): evaluates every rule of a scope, runs the {@link
 * AlertStateMachine}, writes what changed to the {@link AlertStates}, records the transitions in
 * the {@link AlertHistory} and wakes the {@link AlertDispatcher}.
 *
 * <p>Only the owner of a scope evaluates it: the replica leading the cluster's controllers for a
 * cluster, the site leader for the site. The owner keeps the scope's alerts in memory; when it
 * becomes the owner it loads them from the store first, so a failover or restart continues where
 * the last owner stopped (no alert opened twice, no resolution lost). The in-memory state changes
 * only after the store took the change: a database failure keeps the transitions for the next
 * evaluation. Evaluations of one scope never overlap.
 *
 * <p>As a {@link FindingListener} and {@link NodeHealthListener} it marks the event's cluster for
 * an early evaluation ({@link #takeNudged}).
 */
public final class AlertEngine implements FindingListener, NodeHealthListener {

  private static final Logger log = LoggerFactory.getLogger(AlertEngine.class);
  private final RepeatedFailures storeFailures = new RepeatedFailures(log);

  /** Where the rules of a scope come from and who owns it. */
  public interface ScopeRules {
    /** The scope's rules (a cluster's from the rules part; the site's built-in ones). */
    List<? extends LoadedRule> rules(AlertScope scope);

    Evaluation evaluate(AlertScope scope, LoadedRule rule, Instant now);

    /** Whether this replica evaluates and notifies {@code scope} now. */
    boolean owns(AlertScope scope);

    /**
     * Whether {@link #rules} is complete: until it is (right after a start or a failover) a rule
     * missing from it may only not be loaded yet, and its alerts are kept rather than resolved.
     */
    default boolean complete(AlertScope scope) {
      return true;
    }
  }

  private final ScopeRules rules;
  private final AlertStates store;
  private final AlertHistory history;
  private final AlertDispatcher dispatcher;
  private final AlertEngineSettings settings;
  private final Clock clock;
  private final EngineObserver observer;
  private final Map<AlertScope, ScopeState> scopes = new ConcurrentHashMap<>();
  private final Set<String> nudged = ConcurrentHashMap.newKeySet();
  private final Predicate<String> leadingCluster;

  /** A scope's alerts as its owner knows them. */
  private static final class ScopeState {
    final Map<String, Alert> alerts = new LinkedHashMap<>();
  }

  public AlertEngine(
      ScopeRules rules,
      AlertStates store,
      AlertHistory history,
      AlertDispatcher dispatcher,
      AlertEngineSettings settings,
      Clock clock,
      EngineObserver observer) {
    this.rules = rules;
    this.store = store;
    this.history = history;
    this.dispatcher = dispatcher;
    this.settings = settings;
    this.clock = clock;
    this.observer = observer;
    this.leadingCluster = cluster -> rules.owns(AlertScope.ofCluster(cluster));
  }

  /**
   * The rules of clusters come from {@code source}, where {@code leading} says this replica leads
   * the cluster; the site's from {@code site}.
   */
  public static ScopeRules scopeRules(
      AlertRuleSource source, Predicate<String> leading, SiteRules site) {
    return new ScopeRules() {
      @Override
      public List<? extends LoadedRule> rules(AlertScope scope) {
        return scope.isSite() ? site.rules() : source.rules(scope.cluster());
      }

      @Override
      public Evaluation evaluate(AlertScope scope, LoadedRule rule, Instant now) {
        return scope.isSite()
            ? site.evaluate(rule, now)
            : source.evaluate(scope.cluster(), rule, now);
      }

      @Override
      public boolean owns(AlertScope scope) {
        return scope.isSite() ? site.leading() : leading.test(scope.cluster());
      }

      @Override
      public boolean complete(AlertScope scope) {
        return scope.isSite() || source.ready(scope.cluster());
      }
    };
  }

  /**
   * Evaluates {@code scope} if this replica owns it, else forgets what it knew of it (the next time
   * it owns it, it loads the store's state again).
   *
   * @return whether it evaluated
   */
  public boolean evaluate(AlertScope scope) {
    if (!rules.owns(scope)) {
      scopes.remove(scope);
      return false;
    }
    ScopeState state = scopes.get(scope);
    if (state == null) {
      state = new ScopeState();
      for (Alert alert : store.load(scope)) {
        state.alerts.put(alert.fingerprint(), alert);
      }
      log.info(
          "Alerting: {} restored with {} alerts from the store", scope.key(), state.alerts.size());
      scopes.put(scope, state);
    }
    synchronized (state) {
      evaluate(scope, state);
    }
    return true;
  }

  private void evaluate(AlertScope scope, ScopeState state) {
    long started = System.nanoTime();
    Instant now = clock.instant();
    Map<RuleKey, List<Alert>> byRule = new HashMap<>();
    for (Alert alert : state.alerts.values()) {
      byRule.computeIfAbsent(alert.rule(), k -> new ArrayList<>()).add(alert);
    }
    List<Outcome> outcomes = new ArrayList<>();
    Set<RuleKey> present = new HashSet<>();
    int failed = 0;
    List<? extends LoadedRule> loaded = rules.rules(scope);
    for (LoadedRule rule : loaded) {
      if (!present.add(rule.key())) {
        continue;
      }
      List<Alert> current = byRule.getOrDefault(rule.key(), List.of());
      Evaluation evaluation;
      try {
        evaluation = rules.evaluate(scope, rule, now);
      } catch (RuntimeException e) {
        evaluation = Evaluation.failed(e.toString());
      }
      if (evaluation.failed()) {
        failed++;
        log.debug(
            "Alerting: {} rule {} could not be evaluated: {}",
            scope.key(),
            rule.key(),
            evaluation.error());
        outcomes.add(AlertStateMachine.failed(current));
      } else {
        outcomes.add(
            AlertStateMachine.evaluated(scope, identity(rule), current, evaluation.samples(), now));
      }
    }
    boolean complete = rules.complete(scope);
    for (Map.Entry<RuleKey, List<Alert>> entry : byRule.entrySet()) {
      if (!present.contains(entry.getKey())) {
        // a rule deleted or disabled resolves its alerts; one not loaded yet keeps them
        outcomes.add(
            complete
                ? AlertStateMachine.ruleGone(entry.getValue(), now)
                : AlertStateMachine.failed(entry.getValue()));
      }
    }
    List<Alert> changed = new ArrayList<>();
    Set<String> dropped = new HashSet<>();
    List<Transition> transitions = new ArrayList<>();
    Map<String, Alert> next = new LinkedHashMap<>();
    Instant forgetBefore = now.minus(settings.resolvedRetention());
    for (Outcome outcome : outcomes) {
      changed.addAll(outcome.changed());
      dropped.addAll(outcome.dropped());
      transitions.addAll(outcome.transitions());
      for (Alert alert : outcome.alerts()) {
        if (!(alert.resolved() && alert.resolvedAt().isBefore(forgetBefore))) {
          next.put(alert.fingerprint(), alert);
        }
      }
    }
    String storing = "Alerting: storing the alerts of " + scope.key();
    try {
      store.apply(scope, changed, dropped);
      storeFailures.succeeded(storing);
    } catch (RuntimeException e) {
      // kept in memory: the next evaluation stores them again
      storeFailures.failed(storing, e);
      observer.evaluated(
          scope, Duration.ofNanos(System.nanoTime() - started), loaded.size(), failed, 0);
      return;
    }
    state.alerts.clear();
    state.alerts.putAll(next);
    for (Transition t : transitions) {
      history.record(HistoryEntry.ofAlert(t.kind(), t.alert(), now, describe(t.alert())));
    }
    if (!transitions.isEmpty()) {
      dispatcher.wake(scope);
    }
    observer.evaluated(
        scope,
        Duration.ofNanos(System.nanoTime() - started),
        loaded.size(),
        failed,
        transitions.size());
  }

  static RuleIdentity identity(LoadedRule rule) {
    return new RuleIdentity(
        rule.key(), rule.alertName(), rule.severity(), rule.forDuration(), rule.labels());
  }

  /** The labels as {@code name=value, ...}: the history's detail of a transition. */
  static String describe(Alert alert) {
    return alert.labels().entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** Forgets every scope this replica no longer owns (called periodically). */
  public void forgetUnowned() {
    scopes.keySet().removeIf(scope -> !rules.owns(scope));
  }

  /** The clusters marked for an early evaluation since the last call. */
  public Set<String> takeNudged() {
    Set<String> out = new HashSet<>();
    for (String cluster : nudged) {
      if (nudged.remove(cluster)) {
        out.add(cluster);
      }
    }
    return out;
  }

  /** Marks {@code cluster} for an early evaluation where this replica leads it. */
  public void nudge(String cluster) {
    if (leadingCluster.test(cluster)) {
      nudged.add(cluster);
    }
  }

  /** How many alerts of each state the scopes this replica owns hold now (for a gauge). */
  public Map<AlertState, Long> counts() {
    Map<AlertState, Long> counts = new EnumMap<>(AlertState.class);
    for (AlertState s : AlertState.values()) {
      counts.put(s, 0L);
    }
    for (ScopeState state : scopes.values()) {
      synchronized (state) {
        for (Alert alert : state.alerts.values()) {
          counts.merge(alert.state(), 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  /** Whether this replica holds {@code scope}'s alerts in memory (it evaluated it as owner). */
  public boolean holds(AlertScope scope) {
    return scopes.containsKey(scope);
  }

  @Override
  public void opened(Finding finding) {
    nudge(finding.cluster());
  }

  @Override
  public void updated(Finding finding) {
    nudge(finding.cluster());
  }

  @Override
  public void resolved(Finding finding) {
    nudge(finding.cluster());
  }

  @Override
  public void started(HealthDetection detection) {
    nudge(detection.cluster());
  }

  @Override
  public void ended(HealthDetection detection) {
    nudge(detection.cluster());
  }
}
