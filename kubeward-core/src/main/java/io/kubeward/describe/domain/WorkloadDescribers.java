package io.kubeward.describe.domain;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.kubeward.cluster.domain.KubeObjectView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs and CronJobs. */
final class WorkloadDescribers {

  private WorkloadDescribers() {}

  static Description deployment(Deployment d, DescribeContext context) {
    DescriptionBuilder b = DescriptionBuilder.of(d);
    var spec = d.getSpec();
    DeploymentStatus st = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
    int desired = spec.getReplicas() == null ? 1 : spec.getReplicas();
    b.status(n(st.getReadyReplicas()) + "/" + desired + " ready");
    DescriptionBuilder.SectionBuilder meta = b.metadata(d, context);
    meta.row("Selector", selector(spec.getSelector()));
    meta.row(
        "Replicas",
        desired
            + " desired | "
            + n(st.getUpdatedReplicas())
            + " updated | "
            + n(st.getReplicas())
            + " total | "
            + n(st.getAvailableReplicas())
            + " available | "
            + n(st.getUnavailableReplicas())
            + " unavailable");
    String strategy = spec.getStrategy() == null ? "RollingUpdate" : spec.getStrategy().getType();
    meta.row("StrategyType", strategy);
    meta.row("MinReadySeconds", n(spec.getMinReadySeconds()));
    if (spec.getStrategy() != null && spec.getStrategy().getRollingUpdate() != null) {
      var ru = spec.getStrategy().getRollingUpdate();
      meta.row(
          "RollingUpdateStrategy",
          Text.intOrString(ru.getMaxUnavailable())
              + " max unavailable, "
              + Text.intOrString(ru.getMaxSurge())
              + " max surge");
    }
    meta.rowIf("Paused", Boolean.TRUE.equals(spec.getPaused()) ? "true" : null);
    meta.done();
    PodSpecs.template(b, spec.getTemplate(), d.getMetadata().getNamespace());
    DescriptionBuilder.SectionBuilder conditions = b.section("Conditions");
    List<List<String>> rows = new ArrayList<>();
    if (st.getConditions() != null) {
      for (DeploymentCondition c : st.getConditions()) {
        rows.add(
            Describers.condition(
                c.getType(),
                c.getStatus(),
                c.getReason(),
                c.getMessage(),
                c.getLastTransitionTime()));
      }
    }
    conditions.table("Conditions", Describers.CONDITION_COLUMNS, rows);
    conditions.done();
    owned(b, "ReplicaSets", "replicaset", context.owned());
    Describers.pods(b, "Pods", context.pods());
    Describers.events(b, context);
    return b.build();
  }

  static Description statefulSet(StatefulSet s, DescribeContext context) {
    DescriptionBuilder b = DescriptionBuilder.of(s);
    var spec = s.getSpec();
    StatefulSetStatus st = s.getStatus() == null ? new StatefulSetStatus() : s.getStatus();
    int desired = spec.getReplicas() == null ? 1 : spec.getReplicas();
    b.status(n(st.getReadyReplicas()) + "/" + desired + " ready");
    DescriptionBuilder.SectionBuilder meta = b.metadata(s, context);
    meta.row("Selector", selector(spec.getSelector()));
    meta.row("Replicas", desired + " desired | " + n(st.getReplicas()) + " total");
    meta.row(
        "Update Strategy",
        spec.getUpdateStrategy() == null ? "RollingUpdate" : spec.getUpdateStrategy().getType());
    if (spec.getUpdateStrategy() != null
        && spec.getUpdateStrategy().getRollingUpdate() != null
        && spec.getUpdateStrategy().getRollingUpdate().getPartition() != null) {
      meta.row("Partition", spec.getUpdateStrategy().getRollingUpdate().getPartition());
    }
    meta.row("Pod Management Policy", spec.getPodManagementPolicy());
    meta.row(
        "Service",
        spec.getServiceName(),
        spec.getServiceName() == null
            ? null
            : new Description.ObjectLink(
                "Service", s.getMetadata().getNamespace(), spec.getServiceName()));
    meta.done();
    if (spec.getServiceName() != null && !spec.getServiceName().isEmpty()) {
      b.relate("service", "Service", s.getMetadata().getNamespace(), spec.getServiceName());
    }
    PodSpecs.template(b, spec.getTemplate(), s.getMetadata().getNamespace());
    DescriptionBuilder.SectionBuilder claims = b.section("Volume Claims");
    List<List<String>> rows = new ArrayList<>();
    if (spec.getVolumeClaimTemplates() != null) {
      for (PersistentVolumeClaim pvc : spec.getVolumeClaimTemplates()) {
        var ps = pvc.getSpec();
        rows.add(
            List.of(
                pvc.getMetadata().getName(),
                ps == null ? Text.NONE : Text.of(ps.getStorageClassName()),
                ps == null || ps.getResources() == null
                    ? Text.NONE
                    : Text.quantities(ps.getResources().getRequests()),
                ps == null ? Text.NONE : Text.accessModes(ps.getAccessModes())));
      }
    }
    claims.table(
        "Volume Claims", List.of("Name", "StorageClass", "Requests", "Access Modes"), rows);
    claims.done();
    Describers.pods(b, "Pods", context.pods());
    Describers.events(b, context);
    return b.build();
  }

  static Description daemonSet(DaemonSet d, DescribeContext context) {
    DescriptionBuilder b = DescriptionBuilder.of(d);
    var spec = d.getSpec();
    DaemonSetStatus st = d.getStatus() == null ? new DaemonSetStatus() : d.getStatus();
    b.status(n(st.getNumberReady()) + "/" + n(st.getDesiredNumberScheduled()) + " ready");
    DescriptionBuilder.SectionBuilder meta = b.metadata(d, context);
    meta.row("Selector", selector(spec.getSelector()));
    meta.row(
        "Node-Selector",
        Text.pairs(
            spec.getTemplate() == null || spec.getTemplate().getSpec() == null
                ? null
                : spec.getTemplate().getSpec().getNodeSelector()));
    meta.row("Desired Number of Nodes Scheduled", n(st.getDesiredNumberScheduled()));
    meta.row("Current Number of Nodes Scheduled", n(st.getCurrentNumberScheduled()));
    meta.row("Number of Nodes Scheduled with Up-to-date Pods", n(st.getUpdatedNumberScheduled()));
    meta.row("Number of Nodes Scheduled with Available Pods", n(st.getNumberAvailable()));
    meta.row("Number of Nodes Misscheduled", n(st.getNumberMisscheduled()));
    meta.row(
        "Update Strategy",
        spec.getUpdateStrategy() == null ? "RollingUpdate" : spec.getUpdateStrategy().getType());
    meta.done();
    PodSpecs.template(b, spec.getTemplate(), d.getMetadata().getNamespace());
    Describers.pods(b, "Pods", context.pods());
    Describers.events(b, context);
    return b.build();
  }

  static Description replicaSet(ReplicaSet r, DescribeContext context) {
    DescriptionBuilder b = DescriptionBuilder.of(r);
    var spec = r.getSpec();
    var st = r.getStatus();
    int desired = spec.getReplicas() == null ? 1 : spec.getReplicas();
    int current = st == null ? 0 : n(st.getReplicas());
    b.status((st == null ? 0 : n(st.getReadyReplicas())) + "/" + desired + " ready");
    DescriptionBuilder.SectionBuilder meta = b.metadata(r, context);
    meta.row("Selector", selector(spec.getSelector()));
    meta.row("Replicas", current + " current / " + desired + " desired");
    meta.done();
    PodSpecs.template(b, spec.getTemplate(), r.getMetadata().getNamespace());
    Describers.pods(b, "Pods", context.pods());
    Describers.events(b, context);
    return b.build();
  }

  static Description job(Job j, DescribeContext context) {
    DescriptionBuilder b = DescriptionBuilder.of(j);
    var spec = j.getSpec();
    JobStatus st = j.getStatus() == null ? new JobStatus() : j.getStatus();
    DescriptionBuilder.SectionBuilder meta = b.metadata(j, context);
    meta.row("Selector", selector(spec.getSelector()));
    meta.row("Parallelism", spec.getParallelism());
    meta.row("Completions", spec.getCompletions() == null ? Text.UNSET : spec.getCompletions());
    meta.row("Completion Mode", spec.getCompletionMode());
    meta.row("Suspend", Text.bool(spec.getSuspend()));
    meta.row("Backoff Limit", spec.getBackoffLimit());
    meta.rowIf("Active Deadline Seconds", spec.getActiveDeadlineSeconds());
    meta.rowIf("TTL Seconds After Finished", spec.getTtlSecondsAfterFinished());
    meta.row("Start Time", st.getStartTime());
    meta.rowIf("Completed At", st.getCompletionTime());
    if (st.getStartTime() != null && st.getCompletionTime() != null) {
      meta.row(
          "Duration",
          Text.age(
              Duration.between(
                  Instant.parse(st.getStartTime()), Instant.parse(st.getCompletionTime()))));
    }
    meta.row(
        "Pods Statuses",
        n(st.getActive())
            + " Active ("
            + n(st.getReady())
            + " Ready) / "
            + n(st.getSucceeded())
            + " Succeeded / "
            + n(st.getFailed())
            + " Failed");
    meta.done();
    String status = "Running";
    List<List<String>> rows = new ArrayList<>();
    if (st.getConditions() != null) {
      for (JobCondition c : st.getConditions()) {
        rows.add(
            Describers.condition(
                c.getType(),
                c.getStatus(),
                c.getReason(),
                c.getMessage(),
                c.getLastTransitionTime()));
        if ("True".equals(c.getStatus())
            && ("Complete".equals(c.getType()) || "Failed".equals(c.getType()))) {
          status = c.getType();
        }
      }
    }
    if (Boolean.TRUE.equals(spec.getSuspend())) {
      status = "Suspended";
    }
    b.status(status);
    PodSpecs.template(b, spec.getTemplate(), j.getMetadata().getNamespace());
    DescriptionBuilder.SectionBuilder conditions = b.section("Conditions");
    conditions.table("Conditions", Describers.CONDITION_COLUMNS, rows);
    conditions.done();
    Describers.pods(b, "Pods", context.pods());
    Describers.events(b, context);
    return b.build();
  }

  static Description cronJob(CronJob c, DescribeContext context) {
    DescriptionBuilder b = DescriptionBuilder.of(c);
    var spec = c.getSpec();
    var st = c.getStatus();
    b.status(Boolean.TRUE.equals(spec.getSuspend()) ? "Suspended" : "Scheduled");
    DescriptionBuilder.SectionBuilder meta = b.metadata(c, context);
    meta.row("Schedule", spec.getSchedule());
    meta.rowIf("Time Zone", spec.getTimeZone());
    meta.row("Concurrency Policy", spec.getConcurrencyPolicy());
    meta.row("Suspend", Text.bool(spec.getSuspend()));
    meta.row("Successful Job History Limit", spec.getSuccessfulJobsHistoryLimit());
    meta.row("Failed Job History Limit", spec.getFailedJobsHistoryLimit());
    meta.row(
        "Starting Deadline Seconds",
        spec.getStartingDeadlineSeconds() == null ? Text.UNSET : spec.getStartingDeadlineSeconds());
    meta.row("Last Schedule Time", st == null ? null : st.getLastScheduleTime());
    meta.row("Last Successful Time", st == null ? null : st.getLastSuccessfulTime());
    List<String> active = new ArrayList<>();
    if (st != null && st.getActive() != null) {
      st.getActive().forEach(a -> active.add(a.getName()));
    }
    meta.row("Active Jobs", Text.list(active));
    meta.done();
    if (spec.getJobTemplate() != null && spec.getJobTemplate().getSpec() != null) {
      PodSpecs.template(
          b, spec.getJobTemplate().getSpec().getTemplate(), c.getMetadata().getNamespace());
    }
    owned(b, "Jobs", "job", context.owned());
    Describers.events(b, context);
    return b.build();
  }

  /** Owned objects (a Deployment's ReplicaSets, a CronJob's Jobs) as a table and related. */
  private static void owned(
      DescriptionBuilder b, String title, String relation, List<KubeObjectView> owned) {
    DescriptionBuilder.SectionBuilder section = b.section(title);
    List<List<String>> rows = new ArrayList<>();
    for (KubeObjectView view : owned) {
      rows.add(List.of(view.name(), Text.of(view.status()), Text.of(view.createdAt())));
      b.relate(relation, kindOf(relation), view.namespace(), view.name(), view.status());
    }
    section.table(title, List.of("Name", "Status", "Created"), rows);
    section.done();
  }

  private static String kindOf(String relation) {
    return switch (relation) {
      case "replicaset" -> "ReplicaSet";
      case "job" -> "Job";
      default -> relation;
    };
  }

  private static int n(@Nullable Integer value) {
    return value == null ? 0 : value;
  }

  /** A label selector as kubectl writes it: {@code app=web,tier in (a,b)}. */
  static String selector(@Nullable LabelSelector selector) {
    if (selector == null) {
      return Text.NONE;
    }
    List<String> parts = new ArrayList<>();
    if (selector.getMatchLabels() != null) {
      new java.util.TreeMap<>(selector.getMatchLabels()).forEach((k, v) -> parts.add(k + "=" + v));
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        String values = r.getValues() == null ? "" : String.join(",", r.getValues());
        parts.add(
            switch (r.getOperator()) {
              case "In" -> r.getKey() + " in (" + values + ")";
              case "NotIn" -> r.getKey() + " notin (" + values + ")";
              case "Exists" -> r.getKey();
              case "DoesNotExist" -> "!" + r.getKey();
              default -> r.getKey() + " " + r.getOperator() + " (" + values + ")";
            });
      }
    }
    return parts.isEmpty() ? Text.NONE : String.join(",", parts);
  }
}
