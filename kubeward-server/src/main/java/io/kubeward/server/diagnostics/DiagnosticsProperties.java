package io.kubeward.server.diagnostics;

import io.kubeward.diagnostics.app.DiagnosticsSettings;
import io.kubeward.diagnostics.domain.RuleSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The diagnostics engine and its rules ({@code kubeward.diagnostics.*}, ADR 0029); validated when
 * bound, so a wrong value stops the start with a message.
 *
 * @param enabled evaluate the rules at all
 * @param fullPassInterval how often every rule judges every cached object (10s–1h)
 * @param debounce how long cache changes are collected before the changed objects are judged again
 *     (100ms–1m)
 * @param maxFindingsPerCluster active findings kept per cluster; more are not opened (counted)
 * @param maxPendingPerCluster changed objects waiting for the next incremental evaluation; beyond,
 *     a full pass runs instead
 * @param resolvedRetention how long resolved findings stay in the database (1h–90d)
 * @param maxResolvedPerCluster resolved findings kept per cluster at most
 * @param pruneInterval how often the leader deletes resolved findings beyond the retention
 * @param rules the rules' thresholds
 */
@ConfigurationProperties("kubeward.diagnostics")
public record DiagnosticsProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1m") Duration fullPassInterval,
    @DefaultValue("2s") Duration debounce,
    @DefaultValue("10000") int maxFindingsPerCluster,
    @DefaultValue("20000") int maxPendingPerCluster,
    @DefaultValue("7d") Duration resolvedRetention,
    @DefaultValue("10000") int maxResolvedPerCluster,
    @DefaultValue("10m") Duration pruneInterval,
    @DefaultValue Rules rules) {

  /**
   * @param readinessGrace how long a running pod may stay unready before {@code pod.not-ready}
   * @param pendingGrace how long a scheduled pod may stay Pending before {@code pod.pending-long}
   * @param restartWindow the window {@code pod.restarts-high} and {@code pod.oom-killed} look at
   * @param restartThreshold restarts of a container that make {@code pod.restarts-high}
   * @param deploymentUnavailableGrace how long a Deployment may lack replicas ({@code
   *     deployment.unavailable})
   * @param workloadNotReadyGrace how long a StatefulSet/DaemonSet may be not ready
   * @param serviceGrace how long a Service may select no pod or have no ready endpoint
   * @param pvcPendingGrace how long a claim may stay Pending ({@code pvc.pending})
   * @param nodeGrace how long a node may be not ready or under pressure
   * @param autoscalerGrace how long an autoscaler may be unable to scale
   * @param autoscalerAtMaxFor how long an autoscaler may stay at its maximum
   * @param pdbGrace how long after its creation a disruption budget may allow no disruption
   * @param unreferencedMinAge how old an unreferenced ConfigMap/Secret/claim must be to be reported
   * @param cronJobTolerance how late a CronJob's run may be
   * @param cronJobSuspendedFor how long a CronJob may stay suspended
   */
  public record Rules(
      @DefaultValue("5m") Duration readinessGrace,
      @DefaultValue("10m") Duration pendingGrace,
      @DefaultValue("1h") Duration restartWindow,
      @DefaultValue("5") int restartThreshold,
      @DefaultValue("5m") Duration deploymentUnavailableGrace,
      @DefaultValue("5m") Duration workloadNotReadyGrace,
      @DefaultValue("2m") Duration serviceGrace,
      @DefaultValue("2m") Duration pvcPendingGrace,
      @DefaultValue("2m") Duration nodeGrace,
      @DefaultValue("5m") Duration autoscalerGrace,
      @DefaultValue("30m") Duration autoscalerAtMaxFor,
      @DefaultValue("10m") Duration pdbGrace,
      @DefaultValue("1h") Duration unreferencedMinAge,
      @DefaultValue("10m") Duration cronJobTolerance,
      @DefaultValue("1d") Duration cronJobSuspendedFor) {

    public Rules {
      new RuleSettings(
          readinessGrace,
          pendingGrace,
          restartWindow,
          restartThreshold,
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
          cronJobSuspendedFor);
    }

    RuleSettings settings() {
      return new RuleSettings(
          readinessGrace,
          pendingGrace,
          restartWindow,
          restartThreshold,
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
          cronJobSuspendedFor);
    }
  }

  public DiagnosticsProperties {
    if (rules == null) {
      throw new IllegalArgumentException("kubeward.diagnostics.rules is required");
    }
    if (pruneInterval == null
        || pruneInterval.compareTo(Duration.ofSeconds(10)) < 0
        || pruneInterval.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("prune-interval must be from 10s to 1d");
    }
    settings(
        enabled,
        fullPassInterval,
        debounce,
        maxFindingsPerCluster,
        maxPendingPerCluster,
        resolvedRetention,
        maxResolvedPerCluster,
        rules);
  }

  public DiagnosticsSettings settings() {
    return settings(
        enabled,
        fullPassInterval,
        debounce,
        maxFindingsPerCluster,
        maxPendingPerCluster,
        resolvedRetention,
        maxResolvedPerCluster,
        rules);
  }

  private static DiagnosticsSettings settings(
      boolean enabled,
      Duration fullPassInterval,
      Duration debounce,
      int maxFindings,
      int maxPending,
      Duration resolvedRetention,
      int maxResolved,
      Rules rules) {
    return new DiagnosticsSettings(
        enabled,
        fullPassInterval,
        debounce,
        maxFindings,
        maxPending,
        resolvedRetention,
        maxResolved,
        rules.settings());
  }
}
