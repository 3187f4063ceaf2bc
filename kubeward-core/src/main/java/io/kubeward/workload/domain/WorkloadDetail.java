package io.kubeward.workload.domain;

import io.kubeward.cluster.domain.ConditionView;
import io.kubeward.cluster.domain.ContainerImage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One workload as its page shows it, read from the shared cache: identity, status, replica counts
 * ({@code null} where the kind has none), the Job's and CronJob's own numbers, conditions, the
 * image of each container, the owner chain upwards (a ReplicaSet's Deployment, a Job's CronJob),
 * what it owns (a Deployment's ReplicaSets, a CronJob's Jobs), the related Services (their selector
 * matches the pod template's labels), Ingresses (to those Services), HorizontalPodAutoscalers
 * (scaling it) and PodDisruptionBudgets (selecting its pods), its pods (at most {@link #MAX_PODS},
 * {@code podCount} all of them) and, for the kinds that roll out, the rollout. Related kinds the
 * caller may not list are left out ({@code hidden} names them).
 */
public record WorkloadDetail(
    WorkloadKind kind,
    String namespace,
    String name,
    String uid,
    @Nullable Instant createdAt,
    Map<String, String> labels,
    String status,
    @Nullable Integer desired,
    @Nullable Integer ready,
    @Nullable Integer updated,
    @Nullable Integer available,
    @Nullable JobCounts job,
    @Nullable CronJobSchedule cronJob,
    boolean paused,
    List<ConditionView> conditions,
    List<ContainerImage> images,
    Map<String, String> podLabels,
    List<OwnerLink> owners,
    List<OwnedObject> owned,
    List<RelatedToWorkload> services,
    List<RelatedToWorkload> ingresses,
    List<RelatedToWorkload> autoscalers,
    List<RelatedToWorkload> disruptionBudgets,
    List<WorkloadPod> pods,
    int podCount,
    List<String> hidden,
    @Nullable RolloutStatus rollout) {

  /** Pods listed at most in one detail. */
  public static final int MAX_PODS = 500;

  /** A Job's completions, succeeded, failed and active pods, and its backoff limit. */
  public record JobCounts(
      int completions,
      int succeeded,
      int failed,
      int active,
      int backoffLimit,
      @Nullable String failedReason,
      @Nullable String failedMessage) {}

  /** A CronJob's schedule, time zone, suspension, last schedule and success, active Jobs. */
  public record CronJobSchedule(
      @Nullable String schedule,
      @Nullable String timeZone,
      boolean suspended,
      @Nullable String lastSchedule,
      @Nullable String lastSuccessful,
      int active) {}

  /** An object by kind and name in the workload's namespace. */
  public record OwnerLink(String kind, String name) {}

  /**
   * An object the workload owns: a Deployment's ReplicaSet (with its revision and
   * pod-template-hash) or a CronJob's Job; {@code current} for the Deployment's newest ReplicaSet.
   */
  public record OwnedObject(
      String kind,
      String name,
      String status,
      @Nullable String revision,
      @Nullable Integer desired,
      @Nullable Integer ready,
      @Nullable Instant createdAt,
      boolean current) {}

  /** A related object with its status and a one-line summary ({@code ClusterIP 80/TCP}). */
  public record RelatedToWorkload(
      String kind, String name, String status, @Nullable String summary) {}

  /**
   * A pod of the workload: status as the pod list shows it, its revision ({@code pod-template-hash}
   * or {@code controller-revision-hash}) and whether it belongs to the revision being rolled out.
   */
  public record WorkloadPod(
      String name,
      @Nullable String node,
      String status,
      String ready,
      int restarts,
      @Nullable String problem,
      @Nullable Instant createdAt,
      @Nullable String revision,
      boolean current) {}
}
