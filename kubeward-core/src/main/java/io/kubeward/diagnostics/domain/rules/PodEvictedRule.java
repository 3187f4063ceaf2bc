package io.kubeward.diagnostics.domain.rules;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.diagnostics.domain.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code pod.evicted}: the kubelet evicted the pod for node pressure (phase Failed, reason {@code
 * Evicted}); the message names the resource. Evicted pods stay until deleted.
 */
public final class PodEvictedRule extends BaseRule {

  public PodEvictedRule() {
    super(
        "pod.evicted",
        Severity.WARNING,
        "Pod",
        Set.of(),
        Bilingual.of("Pod evicted by the kubelet", "Pod 被 kubelet 驱逐"));
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
    if (!(subject instanceof PodView pod)
        || pod.diagnosis() == null
        || !"Evicted".equals(pod.diagnosis().reason())) {
      return List.of();
    }
    String message = pod.diagnosis().message() == null ? "" : pod.diagnosis().message();
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(Evidence.of(Evidence.FIELD, "status.reason", "Evicted"));
    evidence.add(Evidence.of(Evidence.FIELD, "status.message", message));
    if (pod.nodeName() != null) {
      evidence.add(
          Evidence.related("node", pod.nodeName(), ObjectRef.of("Node", null, pod.nodeName())));
    }
    PodFacts.events(evidence, pod, facts, Set.of("Evicted"));
    String node = pod.nodeName() == null ? "its node" : "node " + pod.nodeName();
    String nodeZh = pod.nodeName() == null ? "所在节点" : "节点 " + pod.nodeName();
    return finding(
        pod,
        Bilingual.of(
            "The kubelet of "
                + node
                + " evicted the pod because the node ran short of a resource: "
                + message,
            nodeZh + " 的 kubelet 因节点资源紧张驱逐了该 Pod：" + message),
        evidence,
        Bilingual.of(
            "Give the pod requests close to its real use (memory, ephemeral-storage) so the"
                + " scheduler places it where it fits; look at the node's pressure; delete the"
                + " evicted pod (kubectl delete pod "
                + pod.name()
                + " -n "
                + pod.namespace()
                + ") once understood.",
            "为 Pod 设置接近实际用量的资源请求（内存、临时存储），使调度器将其放到合适的节点；检查节点的资源压力；"
                + "查明原因后删除被驱逐的 Pod（kubectl delete pod "
                + pod.name()
                + " -n "
                + pod.namespace()
                + "）。"));
  }
}
