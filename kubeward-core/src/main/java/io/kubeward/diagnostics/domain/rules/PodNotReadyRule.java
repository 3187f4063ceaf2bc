package io.kubeward.diagnostics.domain.rules;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.PodDiagnosis;
import io.kubeward.cluster.domain.PodDiagnosis.ContainerState;
import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code pod.not-ready}: a Running pod whose Ready condition has been False for longer than {@code
 * readiness-grace}, while none of its containers is in a state another pod rule reports (crash
 * loop, image pull, configuration): its readiness probe fails, so Services send it no traffic.
 */
public final class PodNotReadyRule extends BaseRule {

  public PodNotReadyRule() {
    super(
        "pod.not-ready",
        Severity.WARNING,
        "Pod",
        Set.of("Event"),
        Bilingual.of("Pod not ready for long", "Pod 长时间未就绪"));
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
    if (!(subject instanceof PodView pod)
        || pod.diagnosis() == null
        || pod.phase() != PodPhase.RUNNING) {
      return List.of();
    }
    PodDiagnosis diagnosis = pod.diagnosis();
    if (!OpsFacts.lastedAtLeast(
        diagnosis.notReadySince(), facts.settings().readinessGrace(), facts)) {
      return List.of();
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(
        Evidence.of(
            Evidence.CONDITION,
            "Ready=False since",
            diagnosis.notReadySince()
                + " ("
                + OpsFacts.since(diagnosis.notReadySince(), facts)
                + ")"));
    List<String> unready = new ArrayList<>();
    for (ContainerState container : diagnosis.containers()) {
      if (container.waiting()) {
        return List.of(); // a waiting container is another rule's finding
      }
      if (!container.ready()) {
        unready.add(container.name());
        evidence.add(PodFacts.state("container ", container));
        evidence.add(
            Evidence.of(
                Evidence.CONTAINER_STATE, "container " + container.name() + ": ready", "false"));
      }
    }
    PodFacts.events(evidence, pod, facts, Set.of("Unhealthy"));
    String names = unready.isEmpty() ? "?" : String.join(", ", unready);
    return finding(
        pod,
        Bilingual.of(
            "The pod has been running but not ready for "
                + OpsFacts.since(diagnosis.notReadySince(), facts)
                + " (container "
                + names
                + "): its readiness probe fails, so Services do not send it traffic.",
            "Pod 已运行但未就绪 "
                + OpsFacts.since(diagnosis.notReadySince(), facts)
                + "（容器 "
                + names
                + "）：就绪探针失败，Service 不会向其转发流量。"),
        evidence,
        Bilingual.of(
            "Read the Unhealthy events for the probe's error; check the probe's path, port and"
                + " timeouts against the application, and the dependencies the application waits"
                + " for (database, other Services).",
            "查看 Unhealthy 事件中的探针错误；对照应用检查探针的路径、端口和超时，以及应用所依赖的服务（数据库、其他 Service）。"));
  }
}
