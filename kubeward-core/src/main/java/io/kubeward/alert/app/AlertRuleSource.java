package io.kubeward.alert.app;

import io.kubeward.alert.domain.AlertSample;
import io.kubeward.alert.domain.AlertSeverity;
import io.kubeward.alert.domain.RuleKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Port: the rules part. Gives the engine a cluster's valid, enabled rules (AlertRule and
 * ClusterAlertRule objects the rules controller accepted, as known where this replica leads the
 * cluster) and evaluates one of them.
 */
public interface AlertRuleSource {

  /** A rule ready to evaluate: what the engine needs to know of it besides its condition. */
  interface LoadedRule {
    RuleKey key();

    /** The {@code alertname} label: the rule's name. */
    String alertName();

    AlertSeverity severity();

    /** How long a sample must hold before its alert fires; zero fires at once. */
    Duration forDuration();

    /** The rule's own labels, added to each sample's. */
    Map<String, String> labels();

    /** The object's generation the rule was loaded from. */
    long generation();
  }

  /** The outcome of one evaluation: the samples true now, or why the rule could not be judged. */
  record Evaluation(List<AlertSample> samples, @Nullable String error) {
    public static Evaluation of(List<AlertSample> samples) {
      return new Evaluation(List.copyOf(samples), null);
    }

    public static Evaluation failed(String error) {
      return new Evaluation(List.of(), error);
    }

    public boolean failed() {
      return error != null;
    }
  }

  List<? extends LoadedRule> rules(String cluster);

  /**
   * Whether {@link #rules} of {@code cluster} is complete: the rules controllers run on this
   * replica and have judged every rule object that existed when they started. Until then (just
   * after a start or a failover) a rule missing from {@link #rules} may only not be loaded yet, so
   * the engine must not resolve its alerts as if it had been deleted. (Added by the rules part.)
   */
  default boolean ready(String cluster) {
    return true;
  }

  /**
   * Evaluates one rule of {@code cluster} at {@code now}. A rule that cannot be judged (Prometheus
   * down, the cluster's cache not synced) answers {@link Evaluation#failed}: the engine keeps that
   * rule's alerts as they are rather than resolving them.
   */
  Evaluation evaluate(String cluster, LoadedRule rule, Instant now);
}
