package io.kubeward.diagnostics.domain.rules;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.PodDiagnosis.ContainerState;
import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.diagnostics.domain.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code pod.pending-long}: a pod scheduled to a node has been Pending for longer than {@code
 * pending-grace} with no container in a state another rule reports: usually stuck in
 * ContainerCreating (volume mounts, sandbox/network set-up), which its Warning events explain.
 */
public final class PodPendingRule extends BaseRule {

  public PodPendingRule() {
    super(
        "pod.pending-long",
        Severity.WARNING,
        "Pod",
        Set.of("Event"),
        Bilingual.of("Pod stuck starting", "Pod 长时间处于启动中"));
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
    if (!(subject instanceof PodView pod)
        || pod.diagnosis() == null
        || pod.phase() != PodPhase.PENDING
        || pod.nodeName() == null
        || pod.problem() != null) {
      return List.of();
    }
    Instant since =
        pod.diagnosis().startedAt() != null ? pod.diagnosis().startedAt() : pod.createdAt();
    if (!OpsFacts.lastedAtLeast(since, facts.settings().pendingGrace(), facts)) {
      return List.of();
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(Evidence.of(Evidence.FIELD, "status.phase", "Pending since " + since));
    evidence.add(
        Evidence.related("node", pod.nodeName(), ObjectRef.of("Node", null, pod.nodeName())));
    List<ContainerState> all = new ArrayList<>(pod.diagnosis().initContainers());
    all.addAll(pod.diagnosis().containers());
    for (ContainerState container : all) {
      if (container.waiting()
          && (PodConfigErrorRule.WAITING.contains(container.reason())
              || PodImagePullRule.REASONS.contains(container.reason())
              || "CrashLoopBackOff".equals(container.reason()))) {
        return List.of();
      }
      evidence.add(PodFacts.state("container ", container));
    }
    if (PodConfigErrorRule.missesReferences(pod, facts)) {
      return List.of(); // pod.config-error names what is missing
    }
    PodFacts.events(evidence, pod, facts, Set.of());
    return finding(
        pod,
        Bilingual.of(
            "The pod was placed on node "
                + pod.nodeName()
                + " "
                + OpsFacts.since(since, facts)
                + " ago but its containers have not started yet.",
            "Pod 已在 "
                + OpsFacts.since(since, facts)
                + " 前被调度到节点 "
                + pod.nodeName()
                + "，但其容器至今尚未启动。"),
        evidence,
        Bilingual.of(
            "Read the pod's Warning events (FailedMount, FailedCreatePodSandBox, FailedAttachVolume)"
                + " and the node's kubelet: volumes that cannot mount and network plugins that"
                + " cannot set up the sandbox are the usual causes.",
            "查看 Pod 的 Warning 事件（FailedMount、FailedCreatePodSandBox、FailedAttachVolume）和节点的 kubelet："
                + "常见原因是存储卷无法挂载，或网络插件无法创建沙箱。"));
  }
}
