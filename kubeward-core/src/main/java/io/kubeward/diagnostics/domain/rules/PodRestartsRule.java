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
 * {@code pod.restarts-high}: a container that is not in a crash loop right now has restarted at
 * least {@code restart-threshold} times and last within {@code restart-window}: it recovers, but
 * keeps failing (crashes, liveness probe kills, OOM kills below the crash-loop back-off).
 */
public final class PodRestartsRule extends BaseRule {

  public PodRestartsRule() {
    super(
        "pod.restarts-high",
        Severity.WARNING,
        "Pod",
        Set.of(),
        Bilingual.of("Containers restarting often", "容器频繁重启"));
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
    if (!(subject instanceof PodView pod) || pod.diagnosis() == null) {
      return List.of();
    }
    for (ContainerState container : pod.diagnosis().containers()) {
      if (container.waiting() && "CrashLoopBackOff".equals(container.reason())) {
        return List.of();
      }
    }
    for (ContainerState container : pod.diagnosis().containers()) {
      if (container.restarts() < facts.settings().restartThreshold()
          || container.last() == null
          || container.last().finishedAt() == null
          || OpsFacts.lastedAtLeast(
              container.last().finishedAt(), facts.settings().restartWindow(), facts)) {
        continue;
      }
      List<Evidence> evidence = new ArrayList<>();
      evidence.add(PodFacts.restarts("container ", container));
      evidence.add(PodFacts.lastState("container ", container));
      evidence.add(PodFacts.state("container ", container));
      PodFacts.events(evidence, pod, facts, Set.of("Unhealthy", "Killing", "BackOff"));
      String reason = container.last().reason() == null ? "" : container.last().reason();
      return finding(
          pod,
          Bilingual.of(
              "Container "
                  + container.name()
                  + " has restarted "
                  + container.restarts()
                  + " times, the last time "
                  + OpsFacts.since(container.last().finishedAt(), facts)
                  + " ago ("
                  + reason
                  + ", exit code "
                  + container.last().exitCode()
                  + ").",
              "容器 "
                  + container.name()
                  + " 已重启 "
                  + container.restarts()
                  + " 次，最近一次在 "
                  + OpsFacts.since(container.last().finishedAt(), facts)
                  + " 前（"
                  + reason
                  + "，退出码 "
                  + container.last().exitCode()
                  + "）。"),
          evidence,
          Bilingual.of(
              "Read the previous run's log (kubectl logs "
                  + pod.name()
                  + " -c "
                  + container.name()
                  + " --previous); for exit code 137 check memory limits and the liveness probe's"
                  + " timeouts.",
              "查看上一次运行的日志（kubectl logs "
                  + pod.name()
                  + " -c "
                  + container.name()
                  + " --previous）；退出码 137 时检查内存限制和存活探针的超时设置。"));
    }
    return List.of();
  }
}
