package io.kubeward.diagnostics.domain.rules;

import io.kubeward.diagnostics.domain.DiagnosticRule;
import io.kubeward.diagnostics.domain.RuleId;
import io.kubeward.diagnostics.domain.RuleSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The catalogue: every diagnostic rule Kubeward evaluates, registered here and nowhere else. Add a
 * rule with one line in its area's block; ids must be unique ({@link #all()} checks).
 */
public final class DiagnosticRules {

  private DiagnosticRules() {}

  /** Every rule with the default thresholds, in the order they are listed to users. */
  public static List<DiagnosticRule> all() {
    return all(RuleSettings.DEFAULTS);
  }

  /**
   * Every rule, in the order they are listed to users; the rules that take thresholds as
   * constructor arguments get them from {@code settings} (the pod rules read theirs from {@link
   * io.kubeward.diagnostics.domain.ClusterFacts#settings()}).
   */
  public static List<DiagnosticRule> all(RuleSettings settings) {
    List<DiagnosticRule> rules = new ArrayList<>();
    pods(rules);
    others(rules, settings);
    Set<RuleId> ids = new HashSet<>();
    for (DiagnosticRule rule : rules) {
      if (!ids.add(rule.id())) {
        throw new IllegalStateException("Two diagnostic rules share the id " + rule.id());
      }
    }
    return List.copyOf(rules);
  }

  /** Pods (owner: diag). */
  private static void pods(List<DiagnosticRule> rules) {
    // --- pod rules ---
    rules.add(new PodCrashLoopRule());
    rules.add(new PodImagePullRule());
    rules.add(new PodUnschedulableRule());
    rules.add(new PodConfigErrorRule());
    rules.add(new PodInitFailedRule());
    rules.add(new PodOomKilledRule());
    rules.add(new PodEvictedRule());
    rules.add(new PodFailedRule());
    rules.add(new PodNotReadyRule());
    rules.add(new PodRestartsRule());
    rules.add(new PodPendingRule());
  }

  /**
   * Workloads, Services and Ingresses, storage, quotas, nodes, autoscaling, disruption budgets and
   * hygiene (owner: rules).
   */
  private static void others(List<DiagnosticRule> rules, RuleSettings settings) {
    // --- other rules ---
    rules.add(new DeploymentProgressDeadlineRule());
    rules.add(new DeploymentUnavailableRule(settings.deploymentUnavailableGrace()));
    rules.add(WorkloadNotReadyRule.statefulSets(settings.workloadNotReadyGrace()));
    rules.add(WorkloadNotReadyRule.daemonSets(settings.workloadNotReadyGrace()));
    rules.addAll(PodsNotCreatedRule.all());
    rules.add(new JobFailedRule());
    rules.add(
        new CronJobNotSchedulingRule(settings.cronJobTolerance(), settings.cronJobSuspendedFor()));
    rules.add(new ServiceRules.NoPodsSelected(settings.serviceGrace()));
    rules.add(new ServiceRules.NoReadyEndpoints(settings.serviceGrace()));
    rules.add(new ServiceRules.TargetPortMismatch());
    rules.add(new IngressRules.MissingBackend());
    rules.add(new IngressRules.MissingTlsSecret());
    rules.add(new PvcPendingRule(settings.pvcPendingGrace()));
    rules.add(new VolumeRules.Failed());
    rules.add(new VolumeRules.Released());
    rules.add(new QuotaNearLimitRule());
    rules.add(new NodeRules.NotReady(settings.nodeGrace()));
    rules.add(new NodeRules.Pressure(settings.nodeGrace()));
    rules.add(new NodeRules.Cordoned());
    rules.add(new AutoscalerRules.UnableToScale(settings.autoscalerGrace()));
    rules.add(new AutoscalerRules.AtMax(settings.autoscalerAtMaxFor()));
    rules.add(new PdbBlocksDisruptionsRule(settings.pdbGrace()));
    rules.add(UnreferencedRule.configMaps(settings.unreferencedMinAge()));
    rules.add(UnreferencedRule.secrets(settings.unreferencedMinAge()));
    rules.add(UnreferencedRule.claims(settings.unreferencedMinAge()));
  }
}
