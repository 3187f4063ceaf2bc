package io.kubeward.diagnostics.domain;

import java.time.Duration;

/**
 * Thresholds of the rules, typed and validated in the server's {@code kubeward.diagnostics.*}
 * configuration. A rule that needs a new threshold adds a component here with its default in {@link
 * #DEFAULTS}. The pod rules read theirs from {@link ClusterFacts#settings()}; the other rules take
 * theirs as constructor arguments, given by {@code DiagnosticRules.all(RuleSettings)}.
 *
 * @param readinessGrace how long a running pod may stay unready before {@code pod.not-ready}
 * @param pendingGrace how long a pod may stay Pending (scheduled or not, without another finding)
 *     before {@code pod.pending-long}
 * @param restartWindow the window over which {@code pod.restarts-high} reads the restarts
 * @param restartThreshold restarts within that window that make {@code pod.restarts-high}
 * @param deploymentUnavailableGrace how long a Deployment may lack replicas before {@code
 *     deployment.unavailable}
 * @param workloadNotReadyGrace how long a StatefulSet/DaemonSet may be not ready before {@code
 *     statefulset.not-ready} / {@code daemonset.not-ready}
 * @param serviceGrace how long a Service may select no pod / have no ready endpoint
 * @param pvcPendingGrace how long a claim may stay Pending before {@code pvc.pending}
 * @param nodeGrace how long a node may be not ready or under pressure
 * @param autoscalerGrace how long an autoscaler may be unable to scale before {@code
 *     hpa.unable-to-scale}
 * @param autoscalerAtMaxFor how long an autoscaler may stay at its maximum before {@code
 *     hpa.at-max}
 * @param pdbGrace how long (from its creation) a disruption budget may allow no disruption
 * @param unreferencedMinAge how old an unreferenced ConfigMap/Secret/claim must be to be reported
 * @param cronJobTolerance how late a CronJob's run may be before {@code cronjob.not-scheduling}
 * @param cronJobSuspendedFor how long a CronJob may stay suspended before it is reported
 */
public record RuleSettings(
    Duration readinessGrace,
    Duration pendingGrace,
    Duration restartWindow,
    int restartThreshold,
    Duration deploymentUnavailableGrace,
    Duration workloadNotReadyGrace,
    Duration serviceGrace,
    Duration pvcPendingGrace,
    Duration nodeGrace,
    Duration autoscalerGrace,
    Duration autoscalerAtMaxFor,
    Duration pdbGrace,
    Duration unreferencedMinAge,
    Duration cronJobTolerance,
    Duration cronJobSuspendedFor) {

  public static final RuleSettings DEFAULTS =
      new RuleSettings(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofHours(1), 5);

  /** The pod rules' thresholds; the other rules' at their defaults. */
  public RuleSettings(
      Duration readinessGrace,
      Duration pendingGrace,
      Duration restartWindow,
      int restartThreshold) {
    this(
        readinessGrace,
        pendingGrace,
        restartWindow,
        restartThreshold,
        Duration.ofMinutes(5),
        Duration.ofMinutes(5),
        Duration.ofMinutes(2),
        Duration.ofMinutes(2),
        Duration.ofMinutes(2),
        Duration.ofMinutes(5),
        Duration.ofMinutes(30),
        Duration.ofMinutes(10),
        Duration.ofHours(1),
        Duration.ofMinutes(10),
        Duration.ofDays(1));
  }

  public RuleSettings {
    for (Duration duration :
        new Duration[] {
          readinessGrace,
          pendingGrace,
          restartWindow,
          deploymentUnavailableGrace,
          workloadNotReadyGrace,
          serviceGrace,
          pvcPendingGrace,
          nodeGrace,
          autoscalerGrace,
          autoscalerAtMaxFor,
          pdbGrace,
          unreferencedMinAge,
          cronJobTolerance,
          cronJobSuspendedFor
        }) {
      if (duration == null || duration.isNegative()) {
        throw new IllegalArgumentException("rule durations are required and must not be negative");
      }
    }
    if (restartThreshold < 1) {
      throw new IllegalArgumentException("restartThreshold must be at least 1");
    }
  }
}
