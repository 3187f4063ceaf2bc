package io.kubeward.cluster.domain;

import static io.kubeward.cluster.domain.ProjectionSupport.createdAt;
import static io.kubeward.cluster.domain.ProjectionSupport.fields;
import static io.kubeward.cluster.domain.ProjectionSupport.intern;
import static io.kubeward.cluster.domain.ProjectionSupport.labels;
import static io.kubeward.cluster.domain.ProjectionSupport.view;
import static io.kubeward.cluster.domain.ProjectionSupport.zeroIfNull;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Workload controllers and what scales or protects them: Deployments ({@link DeploymentView}),
 * ReplicaSets, StatefulSets, DaemonSets, Jobs, CronJobs, HorizontalPodAutoscalers and
 * PodDisruptionBudgets ({@link ObjectView}s with their replica counts).
 */
public final class WorkloadProjections {

  private WorkloadProjections() {}

  public static DeploymentView deployment(Deployment deployment) {
    ObjectMeta meta = deployment.getMetadata();
    DeploymentSpec spec = deployment.getSpec();
    DeploymentStatus status = deployment.getStatus();
    // spec.replicas defaults to 1 when unset.
    int desired = spec == null || spec.getReplicas() == null ? 1 : spec.getReplicas();
    return new DeploymentView(
        intern(meta.getNamespace()),
        meta.getName(),
        meta.getUid(),
        meta.getResourceVersion(),
        createdAt(meta),
        labels(meta),
        desired,
        status == null ? 0 : zeroIfNull(status.getReadyReplicas()),
        status == null ? 0 : zeroIfNull(status.getAvailableReplicas()),
        status == null ? 0 : zeroIfNull(status.getUpdatedReplicas()));
  }

  public static ObjectView replicaSet(ReplicaSet object) {
    var spec = object.getSpec();
    var status = object.getStatus();
    int desired = spec == null || spec.getReplicas() == null ? 1 : spec.getReplicas();
    int ready = status == null ? 0 : zeroIfNull(status.getReadyReplicas());
    int available = status == null ? 0 : zeroIfNull(status.getAvailableReplicas());
    return view(
        object,
        ready >= desired ? "Ready" : "Progressing",
        fields("desired", desired, "ready", ready, "available", available));
  }

  public static ObjectView statefulSet(StatefulSet object) {
    var spec = object.getSpec();
    var status = object.getStatus();
    int desired = spec == null || spec.getReplicas() == null ? 1 : spec.getReplicas();
    int ready = status == null ? 0 : zeroIfNull(status.getReadyReplicas());
    int updated = status == null ? 0 : zeroIfNull(status.getUpdatedReplicas());
    return view(
        object,
        ready >= desired ? "Ready" : "Progressing",
        fields("desired", desired, "ready", ready, "updated", updated));
  }

  public static ObjectView daemonSet(DaemonSet object) {
    var status = object.getStatus();
    int desired = status == null ? 0 : zeroIfNull(status.getDesiredNumberScheduled());
    int ready = status == null ? 0 : zeroIfNull(status.getNumberReady());
    int available = status == null ? 0 : zeroIfNull(status.getNumberAvailable());
    int updated = status == null ? 0 : zeroIfNull(status.getUpdatedNumberScheduled());
    return view(
        object,
        ready >= desired ? "Ready" : "Progressing",
        fields("desired", desired, "ready", ready, "available", available, "updated", updated));
  }

  public static ObjectView job(Job object) {
    var spec = object.getSpec();
    var status = object.getStatus();
    String state = "Running";
    if (status != null && status.getConditions() != null) {
      for (JobCondition condition : status.getConditions()) {
        if ("True".equals(condition.getStatus())
            && ("Complete".equals(condition.getType()) || "Failed".equals(condition.getType()))) {
          state = condition.getType();
        }
      }
    }
    if (spec != null && Boolean.TRUE.equals(spec.getSuspend()) && "Running".equals(state)) {
      state = "Suspended";
    }
    return view(
        object,
        state,
        fields(
            "completions",
            spec == null || spec.getCompletions() == null ? 1 : spec.getCompletions(),
            "succeeded",
            status == null ? 0 : zeroIfNull(status.getSucceeded()),
            "failed",
            status == null ? 0 : zeroIfNull(status.getFailed()),
            "active",
            status == null ? 0 : zeroIfNull(status.getActive())));
  }

  public static ObjectView cronJob(CronJob object) {
    var spec = object.getSpec();
    var status = object.getStatus();
    boolean suspended = spec != null && Boolean.TRUE.equals(spec.getSuspend());
    return view(
        object,
        suspended ? "Suspended" : "Scheduled",
        fields(
            "schedule",
            spec == null ? null : spec.getSchedule(),
            "active",
            status == null || status.getActive() == null ? 0 : status.getActive().size(),
            "lastSchedule",
            status == null ? null : status.getLastScheduleTime()));
  }

  public static ObjectView horizontalPodAutoscaler(HorizontalPodAutoscaler object) {
    var spec = object.getSpec();
    var status = object.getStatus();
    int current = status == null ? 0 : zeroIfNull(status.getCurrentReplicas());
    int desired = status == null ? 0 : zeroIfNull(status.getDesiredReplicas());
    return view(
        object,
        current == desired ? "Stable" : "Scaling",
        fields(
            "target",
            spec == null || spec.getScaleTargetRef() == null
                ? null
                : spec.getScaleTargetRef().getKind() + "/" + spec.getScaleTargetRef().getName(),
            "minReplicas",
            spec == null || spec.getMinReplicas() == null ? 1 : spec.getMinReplicas(),
            "maxReplicas",
            spec == null ? 0 : zeroIfNull(spec.getMaxReplicas()),
            "currentReplicas",
            current,
            "desiredReplicas",
            desired));
  }

  public static ObjectView podDisruptionBudget(PodDisruptionBudget object) {
    var spec = object.getSpec();
    var status = object.getStatus();
    int allowed = status == null ? 0 : zeroIfNull(status.getDisruptionsAllowed());
    return view(
        object,
        allowed > 0 ? "Allowed" : "Blocked",
        fields(
            "minAvailable",
            spec == null || spec.getMinAvailable() == null
                ? null
                : String.valueOf(spec.getMinAvailable().getValue()),
            "maxUnavailable",
            spec == null || spec.getMaxUnavailable() == null
                ? null
                : String.valueOf(spec.getMaxUnavailable().getValue()),
            "currentHealthy",
            status == null ? 0 : zeroIfNull(status.getCurrentHealthy()),
            "desiredHealthy",
            status == null ? 0 : zeroIfNull(status.getDesiredHealthy()),
            "disruptionsAllowed",
            allowed));
  }
}
