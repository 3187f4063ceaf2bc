package io.kubeward.alert.domain.state;

import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertLabels;
import io.kubeward.alert.domain.AlertSample;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.domain.AlertState;
import io.kubeward.alert.domain.HistoryKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The alert state machine (ADR 0031), pure. For one rule of one scope and one evaluation:
 *
 * <ul>
 *   <li>a sample without an active alert opens one: pending, or firing at once when the rule's
 *       {@code for} is zero;
 *   <li>a pending alert whose sample held for {@code for} fires ({@code firingSince} = now);
 *   <li>a firing alert whose sample is gone resolves ({@code resolvedAt} = now); a pending one is
 *       dropped (nobody was told);
 *   <li>a resolved alert whose sample comes back starts again as a new pending (or firing) alert
 *       with the same fingerprint;
 *   <li>a failed evaluation keeps the rule's alerts exactly as they are ({@link #failed});
 *   <li>a rule that is gone or disabled resolves its firing alerts and drops its pending ones
 *       ({@link #ruleGone}).
 * </ul>
 *
 * An alert's labels are the sample's, then the rule's own, then {@code alertname}, {@code cluster},
 * {@code severity} and {@code rule}, each later one winning; the fingerprint is over them.
 */
public final class AlertStateMachine {

  private AlertStateMachine() {}

  /** The labels of a sample's alert. */
  public static SortedMap<String, String> labels(
      AlertScope scope, RuleIdentity rule, AlertSample s) {
    SortedMap<String, String> labels = new TreeMap<>(s.labels());
    labels.putAll(rule.labels());
    labels.put(AlertLabels.ALERTNAME, rule.alertName());
    if (scope.cluster() != null) {
      labels.put(AlertLabels.CLUSTER, scope.cluster());
    }
    labels.put(AlertLabels.SEVERITY, rule.severity().label());
    labels.put(AlertLabels.RULE, rule.key().value());
    return labels;
  }

  /**
   * One successful evaluation of {@code rule}.
   *
   * @param current the rule's alerts as they are (any state), by fingerprint or in any order
   * @param samples what the rule's condition finds true at {@code now}
   */
  public static Outcome evaluated(
      AlertScope scope,
      RuleIdentity rule,
      Collection<Alert> current,
      List<AlertSample> samples,
      Instant now) {
    Map<String, Alert> byFingerprint = new LinkedHashMap<>();
    for (Alert alert : current) {
      byFingerprint.put(alert.fingerprint(), alert);
    }
    List<Alert> alerts = new ArrayList<>();
    List<Alert> changed = new ArrayList<>();
    Set<String> dropped = new HashSet<>();
    List<Transition> transitions = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (AlertSample sample : samples) {
      SortedMap<String, String> labels = labels(scope, rule, sample);
      String fingerprint = AlertLabels.fingerprint(labels);
      if (!seen.add(fingerprint)) {
        continue; // two samples with the same labels are one alert
      }
      Alert before = byFingerprint.get(fingerprint);
      Alert after;
      if (before == null || before.resolved()) {
        boolean fires = rule.forDuration().isZero();
        after =
            new Alert(
                fingerprint,
                scope,
                rule.key(),
                labels,
                sample.annotations(),
                fires ? AlertState.FIRING : AlertState.PENDING,
                now,
                fires ? now : null,
                null,
                now,
                sample.value());
      } else if (before.state() == AlertState.PENDING
          && !now.isBefore(before.activeSince().plus(rule.forDuration()))) {
        after =
            new Alert(
                fingerprint,
                scope,
                rule.key(),
                labels,
                sample.annotations(),
                AlertState.FIRING,
                before.activeSince(),
                now,
                null,
                now,
                sample.value());
      } else {
        after =
            new Alert(
                fingerprint,
                scope,
                rule.key(),
                labels,
                sample.annotations(),
                before.state(),
                before.activeSince(),
                before.firingSince(),
                null,
                now,
                sample.value());
      }
      alerts.add(after);
      if (before == null || !sameButEvaluated(before, after)) {
        changed.add(after);
      }
      if (after.firing() && (before == null || !before.firing())) {
        transitions.add(new Transition(HistoryKind.FIRING, after));
      }
    }
    for (Alert before : byFingerprint.values()) {
      if (seen.contains(before.fingerprint())) {
        continue;
      }
      gone(before, now, alerts, changed, dropped, transitions);
    }
    return new Outcome(alerts, changed, dropped, transitions);
  }

  /** An evaluation that could not judge the rule: everything stays as it is. */
  public static Outcome failed(Collection<Alert> current) {
    return new Outcome(List.copyOf(current), List.of(), Set.of(), List.of());
  }

  /** The rule was deleted or disabled: its firing alerts resolve, its pending ones are dropped. */
  public static Outcome ruleGone(Collection<Alert> current, Instant now) {
    List<Alert> alerts = new ArrayList<>();
    List<Alert> changed = new ArrayList<>();
    Set<String> dropped = new HashSet<>();
    List<Transition> transitions = new ArrayList<>();
    for (Alert before : current) {
      gone(before, now, alerts, changed, dropped, transitions);
    }
    return new Outcome(alerts, changed, dropped, transitions);
  }

  private static void gone(
      Alert before,
      Instant now,
      List<Alert> alerts,
      List<Alert> changed,
      Set<String> dropped,
      List<Transition> transitions) {
    switch (before.state()) {
      case PENDING -> dropped.add(before.fingerprint());
      case RESOLVED -> alerts.add(before);
      case FIRING -> {
        Alert resolved = resolve(before, now);
        alerts.add(resolved);
        changed.add(resolved);
        transitions.add(new Transition(HistoryKind.RESOLVED, resolved));
      }
    }
  }

  /** A firing alert resolved at {@code now}. */
  public static Alert resolve(Alert firing, Instant now) {
    return new Alert(
        firing.fingerprint(),
        firing.scope(),
        firing.rule(),
        firing.labels(),
        firing.annotations(),
        AlertState.RESOLVED,
        firing.activeSince(),
        firing.firingSince(),
        now,
        now,
        firing.value());
  }

  /** Whether only {@code lastEvaluated} differs (nothing worth a write). */
  static boolean sameButEvaluated(Alert a, Alert b) {
    return a.state() == b.state()
        && a.labels().equals(b.labels())
        && a.annotations().equals(b.annotations())
        && Objects.equals(a.value(), b.value())
        && Objects.equals(a.firingSince(), b.firingSince())
        && Objects.equals(a.resolvedAt(), b.resolvedAt())
        && a.activeSince().equals(b.activeSince());
  }
}
