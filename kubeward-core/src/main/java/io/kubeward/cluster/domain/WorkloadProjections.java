package io.kubeward.cluster.domain;

import static io.kubeward.cluster.domain.ProjectionSupport.createdAt;
import static io.kubeward.cluster.domain.ProjectionSupport.fields;
import static io.kubeward.cluster.domain.ProjectionSupport.instant;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
        status == null ? 0 : zeroIfNull(status.getUpdatedReplicas()),
        spec != null && Boolean.TRUE.equals(spec.getPaused()),
        status == null || status.getConditions() == null
            ? List.of()
            : conditions(
                status.getConditions(),
                c ->
                    condition(
                        c.getType(),
                        c.getStatus(),
                        c.getReason(),
                        c.getMessage(),
                        c.getLastTransitionTime())),
        spec == null ? PodTemplateFacts.NONE : PodTemplates.facts(spec.getTemplate()),
        status == null ? 0 : zeroIfNull(status.getReplicas()),
        meta.getGeneration() == null ? 0 : meta.getGeneration(),
        status == null || status.getObservedGeneration() == null
            ? 0
            : status.getObservedGeneration(),
        intern(annotation(meta, REVISION)));
  }

  /** The revision annotation of Deployments and their ReplicaSets. */
  static final String REVISION = "deployment.kubernetes.io/revision";

  /**
   * The DaemonSet's template generation, which its pods carry as {@code pod-template-generation}.
   */
  static final String TEMPLATE_GENERATION = "deprecated.daemonset.template.generation";

  private static String annotation(ObjectMeta meta, String key) {
    return meta.getAnnotations() == null ? null : meta.getAnnotations().get(key);
  }

  private static Long generation(ObjectMeta meta) {
    return meta.getGeneration();
  }

  /** The conditions, each projected; an empty list stays the shared empty list. */
  static <C> List<ConditionView> conditions(List<C> conditions, Function<C, ConditionView> each) {
    if (conditions == null || conditions.isEmpty()) {
      return List.of();
    }
    List<ConditionView> out = new ArrayList<>(conditions.size());
    for (C condition : conditions) {
      ConditionView view = each.apply(condition);
      if (view != null) {
        out.add(view);
      }
    }
    return List.copyOf(out);
  }

  static ConditionView condition(
      String type, String status, String reason, String message, String since) {
    if (type == null) {
      return null;
    }
    return new ConditionView(
        intern(type),
        intern(status == null ? "Unknown" : status),
        intern(reason),
        message,
        instant(since));
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
        fields(
            "desired",
            desired,
            "ready",
            ready,
            "available",
            available,
            "revision",
            intern(annotation(object.getMetadata(), REVISION))));
  }

  public static ObjectView statefulSet(StatefulSet object) {
    var spec = object.getSpec();
    var status = object.getStatus();
    int desired = spec == null || spec.getReplicas() == null ? 1 : spec.getReplicas();
    int ready = status == null ? 0 : zeroIfNull(status.getReadyReplicas());
    int updated = status == null ? 0 : zeroIfNull(status.getUpdatedReplicas());
    int current = status == null ? 0 : zeroIfNull(status.getReplicas());
    int available = status == null ? 0 : zeroIfNull(status.getAvailableReplicas());
    return view(
        object,
        ready >= desired ? "Ready" : "Progressing",
        fields(
            "desired",
            desired,
            "ready",
            ready,
            "updated",
            updated,
            "current",
            current,
            "available",
            available,
            "generation",
            generation(object.getMetadata()),
            "observedGeneration",
            status == null ? null : status.getObservedGeneration(),
            "updateRevision",
            status == null ? null : status.getUpdateRevision(),
            "currentRevision",
            status == null ? null : status.getCurrentRevision(),
            "updateStrategy",
            spec == null || spec.getUpdateStrategy() == null
                ? null
                : intern(spec.getUpdateStrategy().getType()),
            "partition",
            spec == null
                    || spec.getUpdateStrategy() == null
                    || spec.getUpdateStrategy().getRollingUpdate() == null
                ? null
                : spec.getUpdateStrategy().getRollingUpdate().getPartition(),
            "claimTemplates",
            spec == null || spec.getVolumeClaimTemplates() == null
                ? null
                : spec.getVolumeClaimTemplates().stream()
                    .map(t -> intern(t.getMetadata() == null ? null : t.getMetadata().getName()))
                    .filter(java.util.Objects::nonNull)
                    .toList(),
            "template",
            template(spec == null ? null : spec.getTemplate())));
  }

  public static ObjectView daemonSet(DaemonSet object) {
    var status = object.getStatus();
    int desired = status == null ? 0 : zeroIfNull(status.getDesiredNumberScheduled());
    int ready = status == null ? 0 : zeroIfNull(status.getNumberReady());
    int available = status == null ? 0 : zeroIfNull(status.getNumberAvailable());
    int updated = status == null ? 0 : zeroIfNull(status.getUpdatedNumberScheduled());
    int scheduled = status == null ? 0 : zeroIfNull(status.getCurrentNumberScheduled());
    int unavailable = status == null ? 0 : zeroIfNull(status.getNumberUnavailable());
    int misscheduled = status == null ? 0 : zeroIfNull(status.getNumberMisscheduled());
    var spec = object.getSpec();
    return view(
        object,
        ready >= desired ? "Ready" : "Progressing",
        fields(
            "desired",
            desired,
            "ready",
            ready,
            "available",
            available,
            "updated",
            updated,
            "scheduled",
            scheduled,
            "unavailable",
            unavailable,
            "misscheduled",
            misscheduled,
            "generation",
            generation(object.getMetadata()),
            "observedGeneration",
            status == null ? null : status.getObservedGeneration(),
            "templateGeneration",
            intern(annotation(object.getMetadata(), TEMPLATE_GENERATION)),
            "updateStrategy",
            spec == null || spec.getUpdateStrategy() == null
                ? null
                : intern(spec.getUpdateStrategy().getType()),
            "template",
            template(spec == null ? null : spec.getTemplate())));
  }

  public static ObjectView job(Job object) {
    var spec = object.getSpec();
    var status = object.getStatus();
    String state = "Running";
    JobCondition failed = null;
    if (status != null && status.getConditions() != null) {
      for (JobCondition condition : status.getConditions()) {
        if ("True".equals(condition.getStatus())
            && ("Complete".equals(condition.getType()) || "Failed".equals(condition.getType()))) {
          state = condition.getType();
          if ("Failed".equals(condition.getType())) {
            failed = condition;
          }
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
            status == null ? 0 : zeroIfNull(status.getActive()),
            "backoffLimit",
            spec == null || spec.getBackoffLimit() == null ? 6 : spec.getBackoffLimit(),
            "failedReason",
            failed == null ? null : intern(failed.getReason()),
            "failedMessage",
            failed == null ? null : failed.getMessage(),
            "failedSince",
            failed == null ? null : instant(failed.getLastTransitionTime()),
            "template",
            spec == null
                    || object.getMetadata().getOwnerReferences() != null
                        && !object.getMetadata().getOwnerReferences().isEmpty()
                ? null
                : template(spec.getTemplate())));
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
            status == null ? null : status.getLastScheduleTime(),
            "lastSuccessful",
            status == null ? null : status.getLastSuccessfulTime(),
            "timeZone",
            spec == null ? null : intern(spec.getTimeZone()),
            "startingDeadlineSeconds",
            spec == null ? null : spec.getStartingDeadlineSeconds(),
            "template",
            spec == null || spec.getJobTemplate() == null || spec.getJobTemplate().getSpec() == null
                ? null
                : template(spec.getJobTemplate().getSpec().getTemplate())));
  }

  /** The facts of a pod template, {@code null} when it references nothing and declares no port. */
  private static PodTemplateFacts template(io.fabric8.kubernetes.api.model.PodTemplateSpec spec) {
    PodTemplateFacts facts = PodTemplates.facts(spec);
    return facts == PodTemplateFacts.NONE ? null : facts;
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
            desired,
            "conditions",
            status == null
                ? null
                : conditions(
                    status.getConditions(),
                    c ->
                        condition(
                            c.getType(),
                            c.getStatus(),
                            c.getReason(),
                            c.getMessage(),
                            c.getLastTransitionTime()))));
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
            allowed,
            "expectedPods",
            status == null ? 0 : zeroIfNull(status.getExpectedPods()),
            "selector",
            spec == null ? null : selectorText(spec.getSelector())));
  }

  /**
   * A structured selector in the {@code kubectl -l} syntax that {@link LabelSelector#parse} reads
   * back ({@code null} for none, {@code ""} for one selecting everything).
   */
  static String selectorText(io.fabric8.kubernetes.api.model.LabelSelector selector) {
    if (selector == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (selector.getMatchLabels() != null) {
      selector.getMatchLabels().entrySet().stream()
          .sorted(java.util.Map.Entry.comparingByKey())
          .forEach(e -> parts.add(e.getKey() + "=" + e.getValue()));
    }
    if (selector.getMatchExpressions() != null) {
      for (var expression : selector.getMatchExpressions()) {
        String values =
            expression.getValues() == null ? "" : String.join(",", expression.getValues());
        switch (expression.getOperator() == null ? "" : expression.getOperator()) {
          case "In" -> parts.add(expression.getKey() + " in (" + values + ")");
          case "NotIn" -> parts.add(expression.getKey() + " notin (" + values + ")");
          case "Exists" -> parts.add(expression.getKey());
          case "DoesNotExist" -> parts.add("!" + expression.getKey());
          default -> {}
        }
      }
    }
    return intern(String.join(",", parts));
  }
}
