package io.kubeward.workload.app;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.DeploymentView;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.PodDiagnosis;
import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodTemplateFacts;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.workload.domain.PodFinding;
import io.kubeward.workload.domain.RolloutObservation;
import io.kubeward.workload.domain.RolloutPod;
import io.kubeward.workload.domain.WorkloadKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads one workload and what belongs to it from the shared cache, for the caller: the workload
 * (the caller must be allowed to list its kind in its namespace), its ReplicaSets or Jobs, its pods
 * (through the cache's owner index) and which of them belong to the revision being rolled out.
 */
final class WorkloadObjects {

  static final String POD_TEMPLATE_HASH = "pod-template-hash";
  static final String CONTROLLER_REVISION_HASH = "controller-revision-hash";
  static final String POD_TEMPLATE_GENERATION = "pod-template-generation";

  private final ClusterReads reads;

  WorkloadObjects(ClusterReads reads) {
    this.reads = reads;
  }

  /** The workload found, with its cluster. */
  record Target(
      Caller caller,
      ManagedCluster cluster,
      WorkloadKind kind,
      String namespace,
      String name,
      KubeObjectView view) {}

  static WorkloadKind kind(String plural) {
    return WorkloadKind.parse(plural)
        .orElseThrow(() -> WorkloadRequestException.unknownKind(plural));
  }

  static CachedKind cached(WorkloadKind kind) {
    return CachedKind.byPlural(kind.plural()).orElseThrow();
  }

  /**
   * @throws WorkloadNotFoundException if the cache holds no such workload
   * @throws AccessDeniedException if the caller may not list its kind in its namespace
   */
  Target find(Caller caller, String cluster, WorkloadKind kind, String namespace, String name) {
    CachedKind cachedKind = cached(kind);
    ManagedCluster managed =
        reads.ready(cluster, EnumSet.of(cachedKind, CachedKind.PODS, CachedKind.REPLICASETS));
    if (!reads.visible(caller, managed, cachedKind).includes(namespace)) {
      throw new AccessDeniedException(caller.username(), Verb.READ, cluster, namespace);
    }
    KubeObjectView view = managed.views(cachedKind).view(namespace + "/" + name);
    if (view == null) {
      throw new WorkloadNotFoundException(cluster, kind, namespace, name);
    }
    return new Target(caller, managed, kind, namespace, name, view);
  }

  ManagedCluster cluster(String name) {
    return reads.known(name);
  }

  boolean sees(Target target, CachedKind kind) {
    return reads.visible(target.caller(), target.cluster(), kind).includes(target.namespace());
  }

  /** The objects of {@code kind} controlled by {@code ownerKind/ownerName}. */
  @SuppressWarnings("unchecked")
  static <V extends KubeObjectView> List<V> owned(
      ManagedCluster cluster, CachedKind kind, String namespace, String ownerKind, String owner) {
    IndexedViews<V> views = (IndexedViews<V>) cluster.views(kind);
    List<V> out = new ArrayList<>();
    for (String key : views.keys(Indexes.OWNER, namespace + "/" + ownerKind + "/" + owner)) {
      V view = views.view(key);
      if (view != null) {
        out.add(view);
      }
    }
    out.sort(Comparator.comparing(KubeObjectView::name));
    return out;
  }

  /** A Deployment's ReplicaSets. */
  static List<ObjectView> replicaSets(Target target) {
    return owned(
        target.cluster(), CachedKind.REPLICASETS, target.namespace(), "Deployment", target.name());
  }

  /** The Deployment's newest ReplicaSet: the highest revision (the controller numbers them). */
  static @Nullable ObjectView newestReplicaSet(List<ObjectView> replicaSets) {
    ObjectView newest = null;
    long best = -1;
    for (ObjectView replicaSet : replicaSets) {
      long revision = number(replicaSet.fields().get("revision"));
      if (revision > best) {
        best = revision;
        newest = replicaSet;
      }
    }
    return newest;
  }

  /** Every pod of the workload (a Deployment's through its ReplicaSets, a CronJob's Jobs'). */
  static List<PodView> pods(Target target) {
    ManagedCluster cluster = target.cluster();
    String ns = target.namespace();
    List<PodView> pods = new ArrayList<>();
    switch (target.kind()) {
      case DEPLOYMENT -> {
        for (ObjectView replicaSet : replicaSets(target)) {
          pods.addAll(owned(cluster, CachedKind.PODS, ns, "ReplicaSet", replicaSet.name()));
        }
      }
      case CRONJOB -> {
        for (ObjectView job :
            WorkloadObjects.<ObjectView>owned(
                cluster, CachedKind.JOBS, ns, "CronJob", target.name())) {
          pods.addAll(owned(cluster, CachedKind.PODS, ns, "Job", job.name()));
        }
      }
      default ->
          pods.addAll(owned(cluster, CachedKind.PODS, ns, target.kind().kind(), target.name()));
    }
    pods.sort(Comparator.comparing(PodView::name));
    return pods;
  }

  /** The label value naming a pod's revision, by kind. */
  static @Nullable String podRevision(WorkloadKind kind, PodView pod) {
    return switch (kind) {
      case DEPLOYMENT, REPLICASET -> pod.labels().get(POD_TEMPLATE_HASH);
      case STATEFULSET -> pod.labels().get(CONTROLLER_REVISION_HASH);
      case DAEMONSET -> pod.labels().get(POD_TEMPLATE_GENERATION);
      default -> null;
    };
  }

  /**
   * Whether {@code pod} belongs to the revision being rolled out: the newest ReplicaSet's pods, the
   * StatefulSet's update revision, the DaemonSet's template generation; every pod of the others.
   */
  static boolean current(Target target, @Nullable ObjectView newestReplicaSet, PodView pod) {
    return switch (target.kind()) {
      case DEPLOYMENT ->
          newestReplicaSet != null
              && pod.owner() != null
              && newestReplicaSet.name().equals(pod.owner().name());
      case STATEFULSET -> {
        Object revision = field(target.view(), "updateRevision");
        yield revision == null || revision.equals(pod.labels().get(CONTROLLER_REVISION_HASH));
      }
      case DAEMONSET -> {
        Object generation = field(target.view(), "templateGeneration");
        yield generation == null || generation.equals(pod.labels().get(POD_TEMPLATE_GENERATION));
      }
      default -> true;
    };
  }

  /** Whether a pod counts as not ready: not finished and not running with all containers ready. */
  static boolean notReady(PodView pod) {
    if (pod.phase() == PodPhase.SUCCEEDED) {
      return false;
    }
    if (pod.phase() != PodPhase.RUNNING || pod.problem() != null) {
      return true;
    }
    String ready = pod.ready();
    int slash = ready == null ? -1 : ready.indexOf('/');
    return slash < 0 || !ready.substring(0, slash).equals(ready.substring(slash + 1));
  }

  /** A not-ready pod with why, and the findings about it. */
  static RolloutPod rolloutPod(PodView pod, List<PodFinding> findings) {
    String reason = null;
    String message = null;
    PodDiagnosis diagnosis = pod.diagnosis();
    Instant notReadySince = null;
    if (diagnosis != null) {
      notReadySince = diagnosis.notReadySince();
      if (diagnosis.scheduledReason() != null) {
        reason = diagnosis.scheduledReason();
        message = diagnosis.scheduledMessage();
      }
      if (reason == null) {
        for (PodDiagnosis.ContainerState state : concat(diagnosis)) {
          if (!state.ready() && state.reason() != null) {
            reason = state.reason();
            message = state.message();
            break;
          }
        }
      }
      if (reason == null && diagnosis.reason() != null) {
        reason = diagnosis.reason();
        message = diagnosis.message();
      }
    }
    return new RolloutPod(
        pod.name(),
        pod.nodeName(),
        pod.phase() == null ? PodPhase.UNKNOWN.kubernetesName() : pod.phase().kubernetesName(),
        pod.ready(),
        pod.restarts(),
        pod.problem() == null ? null : pod.problem().reason(),
        reason,
        message,
        pod.createdAt(),
        notReadySince,
        findings);
  }

  private static List<PodDiagnosis.ContainerState> concat(PodDiagnosis diagnosis) {
    List<PodDiagnosis.ContainerState> all = new ArrayList<>(diagnosis.initContainers());
    all.addAll(diagnosis.containers());
    return all;
  }

  /** What rollout tracking reads of the workload (pods: the current revision's not-ready ones). */
  static RolloutObservation observe(
      Target target, List<RolloutPod> notReady, @Nullable Instant lastProgress) {
    KubeObjectView view = target.view();
    String ns = target.namespace();
    String name = target.name();
    return switch (target.kind()) {
      case DEPLOYMENT -> {
        DeploymentView d = (DeploymentView) view;
        var progressing = d.condition("Progressing");
        yield new RolloutObservation(
            target.kind(),
            ns,
            name,
            d.desired(),
            d.updated(),
            d.ready(),
            d.available(),
            d.replicas(),
            d.generation(),
            d.observedGeneration(),
            d.paused(),
            null,
            null,
            d.revision(),
            null,
            progressing == null ? null : progressing.reason(),
            progressing == null ? null : progressing.message(),
            null,
            lastProgress,
            notReady);
      }
      case STATEFULSET ->
          new RolloutObservation(
              target.kind(),
              ns,
              name,
              integer(view, "desired"),
              integer(view, "updated"),
              integer(view, "ready"),
              integer(view, "available"),
              integer(view, "current"),
              number(field(view, "generation")),
              number(field(view, "observedGeneration")),
              false,
              text(view, "updateStrategy"),
              field(view, "partition") == null ? null : integer(view, "partition"),
              text(view, "updateRevision"),
              text(view, "currentRevision"),
              null,
              null,
              null,
              lastProgress,
              notReady);
      case DAEMONSET ->
          new RolloutObservation(
              target.kind(),
              ns,
              name,
              integer(view, "desired"),
              integer(view, "updated"),
              integer(view, "ready"),
              integer(view, "available"),
              integer(view, "scheduled"),
              number(field(view, "generation")),
              number(field(view, "observedGeneration")),
              false,
              text(view, "updateStrategy"),
              null,
              text(view, "templateGeneration"),
              null,
              null,
              null,
              null,
              lastProgress,
              notReady);
      case REPLICASET ->
          new RolloutObservation(
              target.kind(),
              ns,
              name,
              integer(view, "desired"),
              integer(view, "ready"),
              integer(view, "ready"),
              integer(view, "available"),
              integer(view, "desired"),
              0,
              0,
              false,
              null,
              null,
              text(view, "revision"),
              null,
              null,
              null,
              null,
              lastProgress,
              notReady);
      case JOB ->
          new RolloutObservation(
              target.kind(),
              ns,
              name,
              integer(view, "completions"),
              integer(view, "succeeded"),
              integer(view, "active"),
              integer(view, "succeeded"),
              integer(view, "active") + integer(view, "succeeded") + integer(view, "failed"),
              0,
              0,
              false,
              null,
              null,
              null,
              null,
              null,
              text(view, "failedMessage"),
              view.status(),
              lastProgress,
              notReady);
      case CRONJOB -> throw WorkloadRequestException.noRollout(target.kind().kind());
    };
  }

  /** The pod template facts of the workload (labels and images included). */
  static PodTemplateFacts template(KubeObjectView view) {
    if (view instanceof DeploymentView d) {
      return d.template();
    }
    return field(view, "template") instanceof PodTemplateFacts facts
        ? facts
        : PodTemplateFacts.NONE;
  }

  static @Nullable Object field(KubeObjectView view, String key) {
    return view instanceof ObjectView o ? o.fields().get(key) : null;
  }

  static int integer(KubeObjectView view, String key) {
    return (int) number(field(view, key));
  }

  static @Nullable String text(KubeObjectView view, String key) {
    Object value = field(view, key);
    return value == null ? null : value.toString();
  }

  static long number(@Nullable Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return 0;
  }

  static final Set<CachedKind> RELATED =
      EnumSet.of(
          CachedKind.SERVICES,
          CachedKind.INGRESSES,
          CachedKind.HORIZONTALPODAUTOSCALERS,
          CachedKind.PODDISRUPTIONBUDGETS);

  static Map<String, String> labels(KubeObjectView view) {
    return template(view).labels();
  }
}
