package io.kubeward.diagnostics.domain.rules;

import io.kubeward.cluster.domain.KubeObjectView;
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
 * {@code pod.failed}: a pod in phase Failed that was not evicted ({@code pod.evicted}) and is not a
 * Job's (the Job rules judge those): a container ended with a non-zero exit code (restartPolicy
 * Never/OnFailure) or the pod hit its {@code activeDeadlineSeconds}. Nothing restarts it.
 */
public final class PodFailedRule extends BaseRule {

  public PodFailedRule() {
    super("pod.failed", Severity.WARNING, "Pod", Set.of(), Bilingual.of("Pod failed", "Pod 运行失败"));
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
    if (!(subject instanceof PodView pod)
        || pod.phase() != PodPhase.FAILED
        || pod.diagnosis() == null
        || "Evicted".equals(pod.diagnosis().reason())
        || (pod.owner() != null && "Job".equals(pod.owner().kind()))) {
      return List.of();
    }
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(Evidence.of(Evidence.FIELD, "status.phase", "Failed"));
    if (pod.diagnosis().reason() != null) {
      evidence.add(Evidence.of(Evidence.FIELD, "status.reason", pod.diagnosis().reason()));
    }
    if (pod.diagnosis().message() != null) {
      evidence.add(Evidence.of(Evidence.FIELD, "status.message", pod.diagnosis().message()));
    }
    ContainerState failed = null;
    List<ContainerState> all = new ArrayList<>(pod.diagnosis().initContainers());
    all.addAll(pod.diagnosis().containers());
    for (ContainerState container : all) {
      if (container.terminated() && container.exitCode() != null && container.exitCode() != 0) {
        failed = failed == null ? container : failed;
        evidence.add(PodFacts.state("container ", container));
      }
    }
    Bilingual explanation;
    if (failed != null) {
      String[] meaning = PodFacts.exitMeaning(failed.exitCode());
      explanation =
          Bilingual.of(
              "The pod has failed and will not be restarted: container "
                  + failed.name()
                  + " exited with code "
                  + failed.exitCode()
                  + (failed.reason() == null ? "" : " (" + failed.reason() + ")")
                  + (meaning == null ? "." : "; " + meaning[0] + "."),
              "Pod 已失败且不会被重启：容器 "
                  + failed.name()
                  + " 以退出码 "
                  + failed.exitCode()
                  + " 结束"
                  + (failed.reason() == null ? "" : "（" + failed.reason() + "）")
                  + (meaning == null ? "。" : "；" + meaning[1] + "。"));
    } else {
      String reason = pod.diagnosis().reason() == null ? "" : " (" + pod.diagnosis().reason() + ")";
      explanation =
          Bilingual.of(
              "The pod has failed" + reason + " and will not be restarted.",
              "Pod 已失败" + reason + "，且不会被重启。");
    }
    PodFacts.events(evidence, pod, facts, Set.of());
    return finding(
        pod,
        explanation,
        evidence,
        Bilingual.of(
            "Read its log (kubectl logs "
                + pod.name()
                + " -n "
                + pod.namespace()
                + "), fix the cause, and run it again from a controller (a Deployment or a Job)"
                + " rather than as a bare pod; delete the failed pod once understood.",
            "查看其日志（kubectl logs "
                + pod.name()
                + " -n "
                + pod.namespace()
                + "），修复原因后通过控制器（Deployment 或 Job）重新运行，而不是使用裸 Pod；"
                + "查明原因后删除失败的 Pod。"));
  }
}
