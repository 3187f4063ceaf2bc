package io.kubeward.diagnostics.domain.rules;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.PodDiagnosis.ContainerState;
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
 * {@code pod.init-failed}: an init container crash-loops ({@code Init:CrashLoopBackOff}) or has
 * terminated with a non-zero exit code, so the pod's containers never start.
 */
public final class PodInitFailedRule extends BaseRule {

  public PodInitFailedRule() {
    super(
        "pod.init-failed",
        Severity.CRITICAL,
        "Pod",
        Set.of("Event"),
        Bilingual.of("Init container failing", "Init 容器失败"));
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
    if (!(subject instanceof PodView pod) || pod.diagnosis() == null) {
      return List.of();
    }
    for (ContainerState container : pod.diagnosis().initContainers()) {
      boolean looping = container.waiting() && "CrashLoopBackOff".equals(container.reason());
      boolean failed =
          container.terminated()
              && container.exitCode() != null
              && container.exitCode() != 0
              && !PodConfigErrorRule.TERMINATED.contains(container.reason());
      if (!looping && !failed) {
        continue;
      }
      List<Evidence> evidence = new ArrayList<>();
      evidence.add(PodFacts.state("init container ", container));
      if (container.last() != null) {
        evidence.add(PodFacts.lastState("init container ", container));
      }
      evidence.add(PodFacts.restarts("init container ", container));
      PodFacts.events(evidence, pod, facts, Set.of("BackOff", "Failed"));
      Integer code =
          container.exitCode() != null
              ? container.exitCode()
              : container.last() == null ? null : container.last().exitCode();
      String[] meaning = code == null ? null : PodFacts.exitMeaning(code);
      Bilingual explanation =
          Bilingual.of(
              "Init container "
                  + container.name()
                  + " fails"
                  + (code == null ? "" : " (exit code " + code + ")")
                  + ", so the pod's containers never start.",
              "Init 容器 "
                  + container.name()
                  + " 失败"
                  + (code == null ? "" : "（退出码 " + code + "）")
                  + "，Pod 的容器因此无法启动。");
      if (meaning != null) {
        explanation = explanation.append(" ", Bilingual.of(meaning[0] + ".", meaning[1] + "。"));
      }
      return finding(
          pod,
          explanation,
          evidence,
          Bilingual.of(
              "Read its log (kubectl logs "
                  + pod.name()
                  + " -c "
                  + container.name()
                  + " --previous) and fix what it waits for or does: a migration, a dependency"
                  + " that is not reachable yet, a permission.",
              "查看其日志（kubectl logs "
                  + pod.name()
                  + " -c "
                  + container.name()
                  + " --previous），修复它所等待或执行的内容：数据迁移、尚不可达的依赖、权限。"));
    }
    return List.of();
  }
}
