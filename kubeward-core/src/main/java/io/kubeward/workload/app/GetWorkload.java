package io.kubeward.workload.app;

import io.kubeward.access.app.Caller;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ConditionView;
import io.kubeward.cluster.domain.DeploymentView;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.IngressBackendView;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.LabelSelector;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.cluster.domain.PodTemplateFacts;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.ServiceView;
import io.kubeward.workload.domain.RolloutStatus;
import io.kubeward.workload.domain.WorkloadDetail;
import io.kubeward.workload.domain.WorkloadDetail.CronJobSchedule;
import io.kubeward.workload.domain.WorkloadDetail.JobCounts;
import io.kubeward.workload.domain.WorkloadDetail.OwnedObject;
import io.kubeward.workload.domain.WorkloadDetail.OwnerLink;
import io.kubeward.workload.domain.WorkloadDetail.RelatedToWorkload;
import io.kubeward.workload.domain.WorkloadDetail.WorkloadPod;
import io.kubeward.workload.domain.WorkloadKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Use case: a workload's page, read from the shared cache for the caller (see {@link
 * WorkloadDetail}). The caller must be allowed to list the workload's kind in its namespace; pods,
 * ReplicaSets, Jobs, Services, Ingresses, autoscalers and budgets appear only where the caller may
 * list them too.
 */
public final class GetWorkload {

  private final WorkloadObjects objects;
  private final TrackRollout rollouts;

  public GetWorkload(ClusterReads reads, TrackRollout rollouts) {
    this.objects = new WorkloadObjects(reads);
    this.rollouts = rollouts;
  }

  /**
   * @throws WorkloadRequestException for an unknown kind
   * @throws WorkloadNotFoundException if there is no such workload
   * @throws io.kubeward.access.app.AccessDeniedException if the caller may not list its kind there
   */
  public WorkloadDetail get(
      Caller caller, String cluster, String kind, String namespace, String name) {
    WorkloadKind workloadKind = WorkloadObjects.kind(kind);
    WorkloadObjects.Target target = objects.find(caller, cluster, workloadKind, namespace, name);
    KubeObjectView view = target.view();
    PodTemplateFacts template = WorkloadObjects.template(view);
    List<String> hidden = new ArrayList<>();

    List<OwnedObject> owned = owned(target, hidden);
    List<WorkloadPod> pods = new ArrayList<>();
    int podCount = 0;
    if (objects.sees(target, CachedKind.PODS)) {
      ObjectView newest =
          workloadKind == WorkloadKind.DEPLOYMENT
              ? WorkloadObjects.newestReplicaSet(WorkloadObjects.replicaSets(target))
              : null;
      List<PodView> all = WorkloadObjects.pods(target);
      podCount = all.size();
      for (PodView pod : all) {
        if (pods.size() >= WorkloadDetail.MAX_PODS) {
          break;
        }
        pods.add(
            new WorkloadPod(
                pod.name(),
                pod.nodeName(),
                pod.status(),
                pod.ready(),
                pod.restarts(),
                pod.problem() == null ? null : pod.problem().reason(),
                pod.createdAt(),
                WorkloadObjects.podRevision(workloadKind, pod),
                WorkloadObjects.current(target, newest, pod)));
      }
    } else {
      hidden.add(CachedKind.PODS.plural());
    }

    Map<String, String> podLabels = template.labels();
    List<RelatedToWorkload> services = new ArrayList<>();
    Set<String> serviceNames = new HashSet<>();
    if (objects.sees(target, CachedKind.SERVICES)) {
      for (ServiceView service :
          this.<ServiceView>inNamespace(target.cluster(), CachedKind.SERVICES, namespace)) {
        if (selects(service.selector(), podLabels)) {
          serviceNames.add(service.name());
          services.add(
              new RelatedToWorkload(
                  "Service",
                  service.name(),
                  service.status(),
                  (service.clusterIP() == null ? "" : service.clusterIP() + " ")
                      + service.ports()));
        }
      }
    } else {
      hidden.add(CachedKind.SERVICES.plural());
    }
    List<RelatedToWorkload> ingresses = new ArrayList<>();
    if (objects.sees(target, CachedKind.INGRESSES)) {
      for (ObjectView ingress :
          this.<ObjectView>inNamespace(target.cluster(), CachedKind.INGRESSES, namespace)) {
        List<String> routes = new ArrayList<>();
        if (ingress.fields().get("backends") instanceof List<?> backends) {
          for (Object each : backends) {
            if (each instanceof IngressBackendView backend
                && serviceNames.contains(backend.service())) {
              routes.add(backend.where() + " → " + backend.service() + ":" + backend.port());
            }
          }
        }
        if (!routes.isEmpty()) {
          ingresses.add(
              new RelatedToWorkload(
                  "Ingress", ingress.name(), ingress.status(), String.join(", ", routes)));
        }
      }
    } else {
      hidden.add(CachedKind.INGRESSES.plural());
    }
    List<RelatedToWorkload> autoscalers = new ArrayList<>();
    if (objects.sees(target, CachedKind.HORIZONTALPODAUTOSCALERS)) {
      String wanted = workloadKind.kind() + "/" + name;
      for (ObjectView hpa :
          this.<ObjectView>inNamespace(
              target.cluster(), CachedKind.HORIZONTALPODAUTOSCALERS, namespace)) {
        if (wanted.equals(hpa.fields().get("target"))) {
          autoscalers.add(
              new RelatedToWorkload(
                  "HorizontalPodAutoscaler",
                  hpa.name(),
                  hpa.status(),
                  hpa.fields().get("minReplicas")
                      + "–"
                      + hpa.fields().get("maxReplicas")
                      + ", "
                      + hpa.fields().get("currentReplicas")
                      + " → "
                      + hpa.fields().get("desiredReplicas")));
        }
      }
    } else {
      hidden.add(CachedKind.HORIZONTALPODAUTOSCALERS.plural());
    }
    List<RelatedToWorkload> budgets = new ArrayList<>();
    if (objects.sees(target, CachedKind.PODDISRUPTIONBUDGETS)) {
      for (ObjectView pdb :
          this.<ObjectView>inNamespace(
              target.cluster(), CachedKind.PODDISRUPTIONBUDGETS, namespace)) {
        if (!podLabels.isEmpty()
            && pdb.fields().get("selector") instanceof String selector
            && !selector.isEmpty()
            && matches(selector, podLabels)) {
          budgets.add(
              new RelatedToWorkload(
                  "PodDisruptionBudget",
                  pdb.name(),
                  pdb.status(),
                  pdb.fields().get("currentHealthy")
                      + "/"
                      + pdb.fields().get("desiredHealthy")
                      + ", "
                      + pdb.fields().get("disruptionsAllowed")));
        }
      }
    } else {
      hidden.add(CachedKind.PODDISRUPTIONBUDGETS.plural());
    }

    RolloutStatus rollout = workloadKind == WorkloadKind.CRONJOB ? null : rollouts.status(target);
    return new WorkloadDetail(
        workloadKind,
        namespace,
        name,
        view.uid(),
        view.createdAt(),
        view.labels(),
        view.status(),
        count(view, workloadKind, "desired"),
        count(view, workloadKind, "ready"),
        count(view, workloadKind, "updated"),
        count(view, workloadKind, "available"),
        workloadKind == WorkloadKind.JOB ? jobCounts(view) : null,
        workloadKind == WorkloadKind.CRONJOB ? schedule(view) : null,
        view instanceof DeploymentView d && d.paused(),
        conditions(view, workloadKind),
        template.images(),
        podLabels,
        owners(target.cluster(), view),
        owned,
        services,
        ingresses,
        autoscalers,
        budgets,
        List.copyOf(pods),
        podCount,
        List.copyOf(hidden),
        rollout);
  }

  private List<OwnedObject> owned(WorkloadObjects.Target target, List<String> hidden) {
    List<OwnedObject> owned = new ArrayList<>();
    if (target.kind() == WorkloadKind.DEPLOYMENT) {
      if (!objects.sees(target, CachedKind.REPLICASETS)) {
        hidden.add(CachedKind.REPLICASETS.plural());
        return owned;
      }
      List<ObjectView> replicaSets = WorkloadObjects.replicaSets(target);
      ObjectView newest = WorkloadObjects.newestReplicaSet(replicaSets);
      for (ObjectView rs : replicaSets) {
        owned.add(
            new OwnedObject(
                "ReplicaSet",
                rs.name(),
                rs.status(),
                WorkloadObjects.text(rs, "revision"),
                WorkloadObjects.integer(rs, "desired"),
                WorkloadObjects.integer(rs, "ready"),
                rs.createdAt(),
                rs == newest));
      }
      owned.sort(
          java.util.Comparator.comparingLong(
                  (OwnedObject o) -> -WorkloadObjects.number(o.revision()))
              .thenComparing(OwnedObject::name));
    } else if (target.kind() == WorkloadKind.CRONJOB) {
      if (!objects.sees(target, CachedKind.JOBS)) {
        hidden.add(CachedKind.JOBS.plural());
        return owned;
      }
      for (ObjectView job :
          WorkloadObjects.<ObjectView>owned(
              target.cluster(), CachedKind.JOBS, target.namespace(), "CronJob", target.name())) {
        owned.add(
            new OwnedObject(
                "Job",
                job.name(),
                job.status(),
                null,
                WorkloadObjects.integer(job, "completions"),
                WorkloadObjects.integer(job, "succeeded"),
                job.createdAt(),
                false));
      }
      owned.sort(
          java.util.Comparator.comparing(
                  (OwnedObject o) -> o.createdAt() == null ? Instant.EPOCH : o.createdAt())
              .reversed());
    }
    return owned;
  }

  /** The owner chain upwards, as far as the cache knows the owners (at most 5 links). */
  private static List<OwnerLink> owners(ManagedCluster cluster, KubeObjectView view) {
    List<OwnerLink> chain = new ArrayList<>();
    KubeObjectView current = view;
    while (current != null && current.owner() != null && chain.size() < 5) {
      OwnerRef owner = current.owner();
      chain.add(new OwnerLink(owner.kind(), owner.name()));
      CachedKind kind = null;
      for (CachedKind candidate : CachedKind.values()) {
        if (candidate.kind().equals(owner.kind()) && candidate.namespaced()) {
          kind = candidate;
        }
      }
      current =
          kind == null ? null : cluster.views(kind).view(view.namespace() + "/" + owner.name());
    }
    return List.copyOf(chain);
  }

  @SuppressWarnings("unchecked")
  private <V extends KubeObjectView> List<V> inNamespace(
      ManagedCluster cluster, CachedKind kind, String namespace) {
    IndexedViews<V> views = (IndexedViews<V>) cluster.views(kind);
    List<V> out = new ArrayList<>();
    for (String key : views.keys(Indexes.NAMESPACE, namespace)) {
      V view = views.view(key);
      if (view != null) {
        out.add(view);
      }
    }
    out.sort(java.util.Comparator.comparing(KubeObjectView::name));
    return out;
  }

  /** Whether a Service's selector (non-empty) selects pods with {@code labels}. */
  static boolean selects(Map<String, String> selector, Map<String, String> labels) {
    if (selector.isEmpty() || labels.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, String> entry : selector.entrySet()) {
      if (!entry.getValue().equals(labels.get(entry.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(String selector, Map<String, String> labels) {
    try {
      return LabelSelector.parse(selector).matches(labels);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Integer count(KubeObjectView view, WorkloadKind kind, String what) {
    if (view instanceof DeploymentView d) {
      return switch (what) {
        case "desired" -> d.desired();
        case "ready" -> d.ready();
        case "updated" -> d.updated();
        default -> d.available();
      };
    }
    if (kind == WorkloadKind.JOB || kind == WorkloadKind.CRONJOB) {
      return null;
    }
    Object value = WorkloadObjects.field(view, what);
    return value instanceof Number n ? n.intValue() : null;
  }

  private static JobCounts jobCounts(KubeObjectView view) {
    return new JobCounts(
        WorkloadObjects.integer(view, "completions"),
        WorkloadObjects.integer(view, "succeeded"),
        WorkloadObjects.integer(view, "failed"),
        WorkloadObjects.integer(view, "active"),
        WorkloadObjects.integer(view, "backoffLimit"),
        WorkloadObjects.text(view, "failedReason"),
        WorkloadObjects.text(view, "failedMessage"));
  }

  private static CronJobSchedule schedule(KubeObjectView view) {
    return new CronJobSchedule(
        WorkloadObjects.text(view, "schedule"),
        WorkloadObjects.text(view, "timeZone"),
        "Suspended".equals(view.status()),
        WorkloadObjects.text(view, "lastSchedule"),
        WorkloadObjects.text(view, "lastSuccessful"),
        WorkloadObjects.integer(view, "active"));
  }

  private static List<ConditionView> conditions(KubeObjectView view, WorkloadKind kind) {
    if (view instanceof DeploymentView d) {
      return d.conditions();
    }
    if (kind == WorkloadKind.JOB && WorkloadObjects.field(view, "failedReason") != null) {
      Object since = WorkloadObjects.field(view, "failedSince");
      return List.of(
          new ConditionView(
              "Failed",
              "True",
              WorkloadObjects.text(view, "failedReason"),
              WorkloadObjects.text(view, "failedMessage"),
              since instanceof Instant instant ? instant : null));
    }
    if (kind == WorkloadKind.JOB && "Complete".equals(view.status())) {
      return List.of(new ConditionView("Complete", "True", null, null, null));
    }
    return List.of();
  }
}
