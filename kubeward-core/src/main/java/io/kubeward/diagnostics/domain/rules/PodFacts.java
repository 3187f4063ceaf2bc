package io.kubeward.diagnostics.domain.rules;

import io.kubeward.cluster.domain.PodDiagnosis;
import io.kubeward.cluster.domain.PodDiagnosis.ContainerState;
import io.kubeward.cluster.domain.PodDiagnosis.Termination;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.ObjectRef;
import java.util.List;
import java.util.Set;

/**
 * Helpers of the pod rules: evidence as {@code kubectl describe pod} shows it, exit codes, ages.
 */
final class PodFacts {

  /** Warning events quoted per finding at most. */
  static final int MAX_EVENTS = 5;

  private PodFacts() {}

  static ObjectRef ref(PodView pod) {
    return ObjectRef.of("Pod", pod.namespace(), pod.name());
  }

  /** {@code Waiting: CrashLoopBackOff — back-off 40s ...} as describe's State line reads. */
  static Evidence state(String prefix, ContainerState container) {
    StringBuilder value = new StringBuilder(capitalize(container.state()));
    if (container.reason() != null) {
      value.append(": ").append(container.reason());
    }
    if (container.exitCode() != null) {
      value.append(" (exit code ").append(container.exitCode()).append(')');
    }
    if (container.message() != null) {
      value.append(" — ").append(container.message());
    }
    return Evidence.of(Evidence.CONTAINER_STATE, prefix + container.name() + ": state", value);
  }

  static Evidence lastState(String prefix, ContainerState container) {
    Termination last = container.last();
    StringBuilder value = new StringBuilder("Terminated");
    if (last.reason() != null) {
      value.append(": ").append(last.reason());
    }
    value.append(" (exit code ").append(last.exitCode()).append(')');
    if (last.finishedAt() != null) {
      value.append(" at ").append(last.finishedAt());
    }
    if (last.message() != null) {
      value.append(" — ").append(last.message());
    }
    return Evidence.of(Evidence.CONTAINER_STATE, prefix + container.name() + ": last state", value);
  }

  static Evidence restarts(String prefix, ContainerState container) {
    return Evidence.of(
        Evidence.CONTAINER_STATE,
        prefix + container.name() + ": restart count",
        container.restarts());
  }

  /**
   * The pod's newest Warning events (or of the given reasons, any type), as evidence, labelled like
   * every rule's events ({@link OpsFacts#event}).
   */
  static void events(List<Evidence> out, PodView pod, ClusterFacts facts, Set<String> reasons) {
    out.addAll(
        reasons.isEmpty()
            ? OpsFacts.warningEvents(facts, ref(pod), MAX_EVENTS)
            : OpsFacts.eventsWithReason(facts, ref(pod), reasons, MAX_EVENTS));
  }

  /** What an exit code usually means, in both languages, or {@code null}. */
  static String[] exitMeaning(int code) {
    return switch (code) {
      case 0 ->
          new String[] {
            "it exited normally (0) but is expected to keep running", "它正常退出（0），但它应当持续运行"
          };
      case 1 ->
          new String[] {
            "the application failed (exit code 1): read its logs", "应用出错退出（退出码 1）：请查看其日志"
          };
      case 2 ->
          new String[] {
            "the command was misused (exit code 2): check the command and arguments",
            "命令用法错误（退出码 2）：请检查 command 和 args"
          };
      case 126 -> new String[] {"the command is not executable (exit code 126)", "命令不可执行（退出码 126）"};
      case 127 ->
          new String[] {
            "the command was not found in the image (exit code 127)", "镜像中找不到该命令（退出码 127）"
          };
      case 134 ->
          new String[] {"the process aborted (SIGABRT, exit code 134)", "进程异常中止（SIGABRT，退出码 134）"};
      case 137 ->
          new String[] {
            "the process was killed (SIGKILL, exit code 137): out of memory or a failed liveness probe",
            "进程被强制终止（SIGKILL，退出码 137）：内存不足或存活探针失败"
          };
      case 139 ->
          new String[] {
            "the process crashed with a segmentation fault (exit code 139)", "进程因段错误崩溃（退出码 139）"
          };
      case 143 ->
          new String[] {
            "the process was stopped (SIGTERM, exit code 143), e.g. after a failed liveness probe",
            "进程被终止（SIGTERM，退出码 143），例如存活探针失败后"
          };
      default -> null;
    };
  }

  static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  static PodDiagnosis diagnosis(PodView pod) {
    return pod.diagnosis();
  }
}
