package io.kubeward.diagnostics.domain.rules;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.PodDiagnosis.ContainerState;
import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodReferences;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pod.config-error}: a container cannot be created or started for a configuration reason:
 * waiting in {@code CreateContainerConfigError} (a ConfigMap, Secret or key it reads is missing),
 * {@code CreateContainerError} or {@code RunContainerError}, or terminated with {@code StartError}
 * / {@code ContainerCannotRun}. For a pod that is not running, required ConfigMaps, Secrets and
 * PVCs it references that do not exist are named as evidence (a volume of a missing ConfigMap keeps
 * the pod in ContainerCreating with {@code FailedMount} events).
 */
public final class PodConfigErrorRule extends BaseRule {

  static final Set<String> WAITING =
      Set.of("CreateContainerConfigError", "CreateContainerError", "RunContainerError");
  static final Set<String> TERMINATED = Set.of("StartError", "ContainerCannotRun");
  private static final Pattern MISSING =
      Pattern.compile("(configmap|secret) \"([^\"]+)\" not found", Pattern.CASE_INSENSITIVE);
  private static final Pattern MISSING_KEY =
      Pattern.compile("couldn't find key (\\S+) in (ConfigMap|Secret) ([^/\\s]+)/(\\S+)");

  public PodConfigErrorRule() {
    super(
        "pod.config-error",
        Severity.CRITICAL,
        "Pod",
        Set.of("ConfigMap", "Secret", "PersistentVolumeClaim", "Event"),
        Bilingual.of("Container cannot start: configuration", "容器因配置问题无法启动"));
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
    if (!(subject instanceof PodView pod) || pod.diagnosis() == null) {
      return List.of();
    }
    List<Evidence> evidence = new ArrayList<>();
    ContainerState failing = null;
    List<ContainerState> all = new ArrayList<>(pod.diagnosis().initContainers());
    all.addAll(pod.diagnosis().containers());
    for (ContainerState container : all) {
      boolean waiting = container.waiting() && WAITING.contains(container.reason());
      boolean terminated = container.terminated() && TERMINATED.contains(container.reason());
      boolean lastStart =
          container.last() != null
              && TERMINATED.contains(container.last().reason())
              && container.waiting();
      if (waiting || terminated || lastStart) {
        failing = failing == null ? container : failing;
        evidence.add(PodFacts.state("container ", container));
        if (lastStart) {
          evidence.add(PodFacts.lastState("container ", container));
        }
      }
    }
    List<String> missing = new ArrayList<>();
    boolean notRunning = pod.phase() == PodPhase.PENDING || failing != null;
    if (notRunning && pod.nodeName() != null) {
      missing(pod, facts, evidence, missing);
    }
    if (failing == null && missing.isEmpty()) {
      return List.of();
    }
    PodFacts.events(evidence, pod, facts, Set.of("Failed", "FailedMount"));
    String message = failing == null || failing.message() == null ? "" : failing.message();
    if (failing == null
        && pod.diagnosis().startedAt() != null
        && !OpsFacts.lastedAtLeast(
            pod.diagnosis().startedAt(), java.time.Duration.ofMinutes(1), facts)) {
      // a missing volume source only counts once the pod has been waiting a minute
      return List.of();
    }
    Bilingual explanation;
    Bilingual fix;
    Matcher key = MISSING_KEY.matcher(message);
    Matcher object = MISSING.matcher(message);
    if (key.find()) {
      explanation =
          Bilingual.of(
              "Container "
                  + failing.name()
                  + " cannot be created: key "
                  + key.group(1)
                  + " is missing in "
                  + key.group(2)
                  + " "
                  + key.group(4)
                  + ".",
              "无法创建容器 "
                  + failing.name()
                  + "："
                  + key.group(2)
                  + " "
                  + key.group(4)
                  + " 中缺少键 "
                  + key.group(1)
                  + "。");
      fix =
          Bilingual.of(
              "Add the key to "
                  + key.group(2)
                  + " "
                  + key.group(4)
                  + " or correct the key name in the pod's env (or mark it optional).",
              "在 "
                  + key.group(2)
                  + " "
                  + key.group(4)
                  + " 中添加该键，或修正 Pod env 中的键名（或将其标记为 optional）。");
    } else if (object.find()) {
      String kind = object.group(1).equalsIgnoreCase("configmap") ? "ConfigMap" : "Secret";
      explanation =
          Bilingual.of(
              "Container "
                  + failing.name()
                  + " cannot be created: "
                  + kind
                  + " "
                  + object.group(2)
                  + " it reads does not exist.",
              "无法创建容器 " + failing.name() + "：其引用的 " + kind + " " + object.group(2) + " 不存在。");
      fix = createIt(kind, object.group(2), pod);
    } else if (failing != null) {
      explanation =
          Bilingual.of(
              "Container "
                  + failing.name()
                  + " cannot be created or started ("
                  + failing.reason()
                  + ")"
                  + (message.isEmpty() ? "." : ": " + message),
              "无法创建或启动容器 "
                  + failing.name()
                  + "（"
                  + failing.reason()
                  + "）"
                  + (message.isEmpty() ? "。" : "：" + message));
      fix =
          Bilingual.of(
              "Check the container's command, working directory, volume mounts, security context"
                  + " and env references against the message; fix the workload's template.",
              "对照消息检查容器的启动命令、工作目录、卷挂载、安全上下文和环境变量引用；修正工作负载模板。");
    } else {
      explanation =
          Bilingual.of(
              "The pod cannot start: it references "
                  + String.join(", ", missing)
                  + ", which do(es) not exist.",
              "Pod 无法启动：其引用的 " + String.join("、", missing) + " 不存在。");
      fix =
          Bilingual.of(
              "Create the missing objects in namespace "
                  + pod.namespace()
                  + " or correct the names in the pod's volumes and env.",
              "在命名空间 " + pod.namespace() + " 中创建缺失的对象，或修正 Pod 的卷和环境变量中的名称。");
    }
    return finding(pod, explanation, evidence, fix);
  }

  private static Bilingual createIt(String kind, String name, PodView pod) {
    String command =
        kind.equals("ConfigMap")
            ? "kubectl create configmap "
                + name
                + " -n "
                + pod.namespace()
                + " --from-literal=KEY=VALUE"
            : "kubectl create secret generic "
                + name
                + " -n "
                + pod.namespace()
                + " --from-literal=KEY=VALUE";
    return Bilingual.of(
        "Create "
            + kind
            + " "
            + name
            + " ("
            + command
            + ") or correct the name in the pod's env/envFrom/volumes; the kubelet retries on its own.",
        "创建 "
            + kind
            + " "
            + name
            + "（"
            + command
            + "），或修正 Pod 的 env/envFrom/volumes 中的名称；kubelet 会自动重试。");
  }

  /** Whether a required ConfigMap, Secret or PVC the pod references is not in the cache. */
  static boolean missesReferences(PodView pod, ClusterFacts facts) {
    List<String> missing = new ArrayList<>();
    missing(pod, facts, new ArrayList<>(), missing);
    return !missing.isEmpty();
  }

  private static void missing(
      PodView pod, ClusterFacts facts, List<Evidence> evidence, List<String> missing) {
    PodReferences refs = pod.references();
    check("ConfigMap", refs.configMaps(), refs, pod, facts, evidence, missing);
    check("Secret", refs.secrets(), refs, pod, facts, evidence, missing);
    check("PersistentVolumeClaim", refs.claims(), refs, pod, facts, evidence, missing);
  }

  private static void check(
      String kind,
      List<String> names,
      PodReferences refs,
      PodView pod,
      ClusterFacts facts,
      List<Evidence> evidence,
      List<String> missing) {
    for (String name : names) {
      if (refs.optional().contains(kind + "/" + name)) {
        continue;
      }
      if (facts.get(kind, pod.namespace(), name).isEmpty()) {
        missing.add(kind + " " + name);
        evidence.add(
            Evidence.related(
                kind + " " + name, "not found", ObjectRef.of(kind, pod.namespace(), name)));
      }
    }
  }
}
