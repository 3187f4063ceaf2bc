package io.kubeward.diagnostics.domain.rules;

import static io.kubeward.diagnostics.domain.rules.OpsFacts.MAX_EVENTS;
import static io.kubeward.diagnostics.domain.rules.OpsFacts.MAX_PODS;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.diagnostics.domain.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code statefulset.not-ready} and {@code daemonset.not-ready}: fewer pods are ready than the
 * controller wants, and it has been so for at least {@code grace} (a pod unready that long, or pods
 * missing from a controller older than that). For DaemonSets, the nodes left without a pod (current
 * &lt; desired) and misscheduled pods are named. Critical when no pod at all is ready.
 */
public final class WorkloadNotReadyRule extends BaseRule {

  public static final Duration DEFAULT_GRACE = Duration.ofMinutes(5);

  /** Nodes named as evidence at most. */
  static final int MAX_NODES = 5;

  private final Duration grace;

  private WorkloadNotReadyRule(String id, String kind, Bilingual title, Duration grace) {
    super(id, Severity.WARNING, kind, Set.of("Pod", "Event", "Node"), title);
    this.grace = grace;
  }

  public static WorkloadNotReadyRule statefulSets() {
    return statefulSets(DEFAULT_GRACE);
  }

  public static WorkloadNotReadyRule statefulSets(Duration grace) {
    return new WorkloadNotReadyRule(
        "statefulset.not-ready",
        "StatefulSet",
        Bilingual.of("StatefulSet not ready", "StatefulSet 未就绪"),
        grace);
  }

  public static WorkloadNotReadyRule daemonSets() {
    return daemonSets(DEFAULT_GRACE);
  }

  public static WorkloadNotReadyRule daemonSets(Duration grace) {
    return new WorkloadNotReadyRule(
        "daemonset.not-ready",
        "DaemonSet",
        Bilingual.of("DaemonSet not ready or missing on some nodes", "DaemonSet 未就绪或部分节点上缺少 Pod"),
        grace);
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
    int desired = OpsFacts.intField(subject, "desired");
    int ready = OpsFacts.intField(subject, "ready");
    boolean daemonSet = "DaemonSet".equals(subjectKind());
    int scheduled = daemonSet ? OpsFacts.intField(subject, "scheduled") : desired;
    int misscheduled = daemonSet ? OpsFacts.intField(subject, "misscheduled") : 0;
    if (desired == 0 || (ready >= desired && scheduled >= desired && misscheduled == 0)) {
      return List.of();
    }
    List<PodView> pods = OpsFacts.podsOf(facts, subjectKind(), subject.namespace(), subject.name());
    List<PodView> unready = new ArrayList<>();
    boolean longEnough = false;
    for (PodView pod : pods) {
      if (!OpsFacts.ready(pod)) {
        unready.add(pod);
        Instant since =
            pod.diagnosis() != null && pod.diagnosis().notReadySince() != null
                ? pod.diagnosis().notReadySince()
                : pod.createdAt();
        longEnough |= OpsFacts.lastedAtLeast(since, grace, facts);
      }
    }
    boolean missing = pods.size() < desired || scheduled < desired || misscheduled > 0;
    longEnough |= missing && OpsFacts.age(subject, facts).compareTo(grace) >= 0;
    if (!longEnough) {
      return List.of();
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(
        Evidence.of(
            Evidence.FIELD,
            daemonSet
                ? "pods (desired | scheduled | ready | misscheduled)"
                : "replicas (desired | current | ready)",
            daemonSet
                ? desired + " | " + scheduled + " | " + ready + " | " + misscheduled
                : desired + " | " + OpsFacts.intField(subject, "current") + " | " + ready));
    for (int i = 0; i < Math.min(MAX_PODS, unready.size()); i++) {
      evidence.add(OpsFacts.pod(unready.get(i)));
    }
    List<String> uncovered = new ArrayList<>();
    if (daemonSet && scheduled < desired) {
      Set<String> covered = new HashSet<>();
      pods.forEach(p -> covered.add(p.nodeName()));
      for (KubeObjectView node : facts.list("Node", null)) {
        if (node instanceof NodeView view
            && view.ready()
            && !view.unschedulable()
            && !covered.contains(view.name())
            && uncovered.size() < MAX_NODES) {
          uncovered.add(view.name());
          evidence.add(
              Evidence.related(
                  "node without a pod",
                  view.name() + (view.taints().isEmpty() ? "" : ", taints " + view.taints()),
                  ObjectRef.of("Node", null, view.name())));
        }
      }
    }
    evidence.addAll(OpsFacts.warningEvents(facts, ref(subject), MAX_EVENTS));
    Severity severity = ready == 0 ? Severity.CRITICAL : Severity.WARNING;
    String kind = subjectKind();
    String problem = DeploymentProgressDeadlineRule.firstProblem(unready);
    Bilingual explanation =
        Bilingual.of(
            kind
                + " "
                + subject.name()
                + " has "
                + ready
                + " of "
                + desired
                + " pods ready"
                + (daemonSet && scheduled < desired
                    ? "; " + (desired - scheduled) + " node(s) that should run it have no pod"
                    : "")
                + (misscheduled > 0
                    ? "; " + misscheduled + " pod(s) run on nodes they should not"
                    : "")
                + (!daemonSet && pods.size() < desired
                    ? "; only "
                        + pods.size()
                        + " pod(s) exist (a StatefulSet creates them one by one, so one stuck pod stops the rest)"
                    : "")
                + "."
                + (problem == null ? "" : " Its pods show " + problem + "."),
            kind
                + " "
                + subject.name()
                + " 仅有 "
                + ready
                + "/"
                + desired
                + " 个 Pod 就绪"
                + (daemonSet && scheduled < desired
                    ? "；有 " + (desired - scheduled) + " 个应运行它的节点上没有 Pod"
                    : "")
                + (misscheduled > 0 ? "；有 " + misscheduled + " 个 Pod 运行在不应运行的节点上" : "")
                + (!daemonSet && pods.size() < desired
                    ? "；只存在 " + pods.size() + " 个 Pod（StatefulSet 逐个创建 Pod，一个卡住的 Pod 会阻止后续 Pod）"
                    : "")
                + "。"
                + (problem == null ? "" : "其 Pod 的状态为 " + problem + "。"));
    Bilingual fix =
        daemonSet
            ? Bilingual.of(
                "Read the unready pods' findings and events; for nodes without a pod, check the"
                    + " DaemonSet's tolerations against the nodes' taints, its nodeSelector/affinity,"
                    + " and whether the node has room for the pod.",
                "查看未就绪 Pod 的诊断和事件；对于没有 Pod 的节点，核对 DaemonSet 的容忍度与节点污点、其 nodeSelector/亲和性，以及节点是否有足够资源。")
            : Bilingual.of(
                "Read the first unready pod's findings and events (a StatefulSet waits for each"
                    + " pod in order); check its PersistentVolumeClaims are Bound and its"
                    + " headless Service exists.",
                "查看第一个未就绪 Pod 的诊断和事件（StatefulSet 按顺序等待每个 Pod）；确认其 PersistentVolumeClaim 已绑定，且 headless Service 存在。");
    return finding(subject, severity, explanation, evidence, fix);
  }
}
