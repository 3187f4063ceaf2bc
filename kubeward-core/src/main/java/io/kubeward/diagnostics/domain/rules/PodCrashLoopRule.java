package io.kubeward.diagnostics.domain.rules;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.PodDiagnosis;
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
 * {@code pod.crash-loop}: a regular container waits in {@code CrashLoopBackOff}. The explanation
 * names the last exit code and what it usually means, and calls out {@code OOMKilled} (the fix is
 * then memory, not code). Init containers are {@code pod.init-failed}'s.
 */
public final class PodCrashLoopRule extends BaseRule {

  public PodCrashLoopRule() {
    super(
        "pod.crash-loop",
        Severity.CRITICAL,
        "Pod",
        Set.of("Event"),
        Bilingual.of("Container in a crash loop", "容器反复崩溃（CrashLoopBackOff）"));
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
    if (!(subject instanceof PodView pod) || pod.diagnosis() == null) {
      return List.of();
    }
    PodDiagnosis diagnosis = pod.diagnosis();
    List<ContainerState> looping = new ArrayList<>();
    for (ContainerState container : diagnosis.containers()) {
      if (container.waiting() && "CrashLoopBackOff".equals(container.reason())) {
        looping.add(container);
      }
    }
    if (looping.isEmpty()) {
      return List.of();
    }
    List<Evidence> evidence = new ArrayList<>();
    ContainerState first = looping.getFirst();
    boolean oom = false;
    for (ContainerState container : looping) {
      evidence.add(PodFacts.state("container ", container));
      if (container.last() != null) {
        evidence.add(PodFacts.lastState("container ", container));
        oom |= "OOMKilled".equals(container.last().reason());
      }
      evidence.add(PodFacts.restarts("container ", container));
    }
    PodFacts.events(evidence, pod, facts, Set.of("BackOff", "Unhealthy", "Killing"));
    String names = String.join(", ", looping.stream().map(ContainerState::name).toList());
    Bilingual explanation =
        Bilingual.of(
            "Container "
                + names
                + " keeps exiting and the kubelet waits longer before each restart ("
                + first.restarts()
                + " restarts so far).",
            "容器 " + names + " 反复退出，kubelet 每次重启前等待的时间越来越长（已重启 " + first.restarts() + " 次）。");
    Bilingual fix;
    if (oom) {
      long limit = memoryLimit(pod, first.name());
      String limitText = limit > 0 ? " (limit " + limit / (1024 * 1024) + "Mi)" : "";
      explanation =
          explanation.append(
              " ",
              Bilingual.of(
                  "Its last run was OOMKilled (exit code 137): it used more memory than its limit"
                      + limitText
                      + ".",
                  "上一次运行因 OOMKilled 终止（退出码 137）：内存用量超过了限制" + limitText + "。"));
      fix =
          Bilingual.of(
              "Raise the container's memory limit (resources.limits.memory) or reduce the"
                  + " application's memory use (heap size, caches); check its usage before it was"
                  + " killed.",
              "提高容器的内存限制（resources.limits.memory），或降低应用的内存占用（堆大小、缓存）；" + "查看其被终止前的内存用量。");
    } else {
      String[] meaning =
          first.last() == null ? null : PodFacts.exitMeaning(first.last().exitCode());
      if (first.last() != null) {
        explanation =
            explanation.append(
                " ",
                meaning != null
                    ? Bilingual.of("Last exit: " + meaning[0] + ".", "上次退出：" + meaning[1] + "。")
                    : Bilingual.of(
                        "Last exit code: " + first.last().exitCode() + ".",
                        "上次退出码：" + first.last().exitCode() + "。"));
      }
      fix =
          Bilingual.of(
              "Read the previous run's log (kubectl logs "
                  + pod.name()
                  + " -c "
                  + first.name()
                  + " --previous) and fix the cause: configuration, a missing dependency, the"
                  + " command, or a liveness probe that kills a healthy container.",
              "查看上一次运行的日志（kubectl logs "
                  + pod.name()
                  + " -c "
                  + first.name()
                  + " --previous）并修复原因：配置、缺失的依赖、启动命令，或错误杀死健康容器的存活探针。");
    }
    return finding(pod, explanation, evidence, fix);
  }

  static long memoryLimit(PodView pod, String container) {
    for (var resources : pod.containers()) {
      if (resources.name().equals(container)) {
        return resources.memoryLimit();
      }
    }
    return 0;
  }
}
