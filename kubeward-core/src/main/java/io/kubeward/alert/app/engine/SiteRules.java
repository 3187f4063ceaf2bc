package io.kubeward.alert.app.engine;

import io.kubeward.alert.app.AlertRuleSource.Evaluation;
import io.kubeward.alert.app.AlertRuleSource.LoadedRule;
import io.kubeward.alert.domain.AlertLabels;
import io.kubeward.alert.domain.AlertSample;
import io.kubeward.alert.domain.AlertSeverity;
import io.kubeward.alert.domain.AlertState;
import io.kubeward.alert.domain.RuleKey;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.Reachability;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The built-in site rule {@code kubeward:cluster-unreachable} (ADR 0031): a sample for each cluster
 * whose reachability probe has failed for at least {@code clusterUnreachableFor} (the probe's own
 * {@code since} is the pending time, so a new site leader does not wait that long again). It fires
 * at once ({@code for: 0}); labels {@code cluster}, severity critical. A firing one holds until the
 * cluster is known to be reachable again (not before a fresh replica's first probe).
 */
public final class SiteRules {

  public static final String CLUSTER_UNREACHABLE = "cluster-unreachable";
  public static final RuleKey CLUSTER_UNREACHABLE_KEY =
      RuleKey.of("kubeward:" + CLUSTER_UNREACHABLE);
  public static final String RUNBOOK = "docs/runbooks/alert.cluster-unreachable.md";

  private final ClusterRegistry clusters;
  private final SiteLeader leader;
  private final Duration unreachableFor;
  private final Predicate<String> firing;

  /** The one built-in rule. */
  record BuiltIn(RuleKey key, String alertName, AlertSeverity severity) implements LoadedRule {
    @Override
    public Duration forDuration() {
      return Duration.ZERO;
    }

    @Override
    public Map<String, String> labels() {
      return Map.of();
    }

    @Override
    public long generation() {
      return 1;
    }
  }

  static final BuiltIn UNREACHABLE =
      new BuiltIn(CLUSTER_UNREACHABLE_KEY, CLUSTER_UNREACHABLE, AlertSeverity.CRITICAL);

  /**
   * @param firing whether {@code kubeward:cluster-unreachable} fires for a cluster now (as stored):
   *     such an alert holds while the cluster is not known to be reachable again, also right after
   *     a start (probe not done yet) or a new outage {@code since}
   */
  public SiteRules(
      ClusterRegistry clusters,
      SiteLeader leader,
      Duration unreachableFor,
      Predicate<String> firing) {
    this.clusters = clusters;
    this.leader = leader;
    this.unreachableFor = unreachableFor;
    this.firing = firing;
  }

  /** {@code firing} over the alert store. */
  public static Predicate<String> firingIn(AlertStates store) {
    return cluster ->
        !store
            .query(
                new AlertQuery(
                    cluster, Set.of(AlertState.FIRING), Set.of(), CLUSTER_UNREACHABLE_KEY.value()),
                1)
            .isEmpty();
  }

  public List<? extends LoadedRule> rules() {
    return List.of(UNREACHABLE);
  }

  public boolean leading() {
    return leader.leading();
  }

  public Evaluation evaluate(LoadedRule rule, Instant now) {
    if (!rule.key().equals(CLUSTER_UNREACHABLE_KEY)) {
      return Evaluation.failed("no built-in site rule " + rule.key());
    }
    List<AlertSample> samples = new ArrayList<>();
    for (ManagedCluster cluster : clusters.all()) {
      Reachability r = cluster.reachability();
      String name = cluster.name();
      if (r.state() == Reachability.State.REACHABLE) {
        continue;
      }
      boolean longEnough =
          r.state() == Reachability.State.UNREACHABLE
              && !r.since().plus(unreachableFor).isAfter(now);
      if (!longEnough && !firing.test(name)) {
        continue;
      }
      Map<String, String> annotations = new LinkedHashMap<>();
      annotations.put(AlertLabels.SUMMARY, "Kubeward cannot reach cluster " + name);
      annotations.put(AlertLabels.SUMMARY + AlertLabels.ZH_SUFFIX, "Kubeward 无法连接集群 " + name);
      String error = r.lastError() == null ? "" : r.lastError();
      annotations.put(
          AlertLabels.DESCRIPTION,
          "The API server of cluster "
              + name
              + " has not answered since "
              + r.since()
              + (error.isEmpty() ? "." : ": " + error));
      annotations.put(
          AlertLabels.DESCRIPTION + AlertLabels.ZH_SUFFIX,
          "集群 "
              + name
              + " 的 API 服务器自 "
              + r.since()
              + " 起无应答"
              + (error.isEmpty() ? "。" : "：" + error));
      annotations.put(AlertLabels.RUNBOOK_URL, RUNBOOK);
      samples.add(
          new AlertSample(
              Map.of(AlertLabels.CLUSTER, name),
              annotations,
              (double) Duration.between(r.since(), now).toSeconds()));
    }
    return Evaluation.of(samples);
  }
}
