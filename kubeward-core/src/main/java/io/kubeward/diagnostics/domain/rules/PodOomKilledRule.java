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
 * {@code pod.oom-killed}: a container was killed for exceeding its memory limit within the restart
 * window (now terminated OOMKilled, or its last run was) and is not in a crash loop (then {@code
 * pod.crash-loop} says it).
 */
public final class PodOomKilledRule extends BaseRule {

  public PodOomKilledRule() {
    super(
        "pod.oom-killed",
        Severity.WARNING,
        "Pod",
        Set.of(),
        Bilingual.of("Container killed for memory (OOMKilled)", "容器因内存超限被终止（OOMKilled）"));
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
    if (!(subject instanceof PodView pod) || pod.diagnosis() == null) {
      return List.of();
    }
    List<Evidence> evidence = new ArrayList<>();
    ContainerState killed = null;
    for (ContainerState container : pod.diagnosis().containers()) {
      if (container.waiting() && "CrashLoopBackOff".equals(container.reason())) {
        continue;
      }
      boolean now = container.terminated() && "OOMKilled".equals(container.reason());
      boolean recently =
          container.last() != null
              && "OOMKilled".equals(container.last().reason())
              && container.last().finishedAt() != null
              && !OpsFacts.lastedAtLeast(
                  container.last().finishedAt(), facts.settings().restartWindow(), facts);
      if (now || recently) {
        killed = killed == null ? container : killed;
        evidence.add(PodFacts.state("container ", container));
        if (container.last() != null) {
          evidence.add(PodFacts.lastState("container ", container));
        }
        evidence.add(PodFacts.restarts("container ", container));
      }
    }
    if (killed == null) {
      return List.of();
    }
    long limit = PodCrashLoopRule.memoryLimit(pod, killed.name());
    String limitText = limit > 0 ? " of " + limit / (1024 * 1024) + "Mi" : "";
    String limitZh = limit > 0 ? "（" + limit / (1024 * 1024) + "Mi）" : "";
    if (limit > 0) {
      evidence.add(
          Evidence.of(
              Evidence.FIELD,
              "container " + killed.name() + ": limits.memory",
              limit / (1024 * 1024) + "Mi"));
    }
    return finding(
        pod,
        Bilingual.of(
            "Container "
                + killed.name()
                + " was killed by the kernel for using more than its memory limit"
                + limitText
                + " (OOMKilled, exit code 137).",
            "容器 " + killed.name() + " 的内存用量超过其限制" + limitZh + "，被内核终止（OOMKilled，退出码 137）。"),
        evidence,
        Bilingual.of(
            "Raise resources.limits.memory (and requests) to what the container really needs, or"
                + " lower its memory use; a JVM's heap must leave room below the limit.",
            "将 resources.limits.memory（以及 requests）提高到容器实际所需，或降低其内存占用；" + "JVM 的堆大小须低于该限制并留有余量。"));
  }
}
