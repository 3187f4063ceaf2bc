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
import java.util.Locale;
import java.util.Set;

/**
 * {@code pod.image-pull}: a container (init or regular) waits in {@code ErrImagePull}, {@code
 * ImagePullBackOff}, {@code InvalidImageName} or {@code ErrImageNeverPull}. The kubelet's message
 * (and the {@code Failed} events) tell apart a wrong name or tag, missing credentials and an
 * unreachable registry.
 */
public final class PodImagePullRule extends BaseRule {

  static final Set<String> REASONS =
      Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull");

  enum Cause {
    NOT_FOUND,
    UNAUTHORIZED,
    UNREACHABLE,
    INVALID_NAME,
    NEVER_PULL,
    UNKNOWN
  }

  public PodImagePullRule() {
    super(
        "pod.image-pull",
        Severity.CRITICAL,
        "Pod",
        Set.of("Event"),
        Bilingual.of("Image cannot be pulled", "镜像无法拉取"));
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
    if (!(subject instanceof PodView pod) || pod.diagnosis() == null) {
      return List.of();
    }
    List<ContainerState> failing = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    for (ContainerState container : pod.diagnosis().initContainers()) {
      if (container.waiting() && REASONS.contains(container.reason())) {
        failing.add(container);
        evidence.add(PodFacts.state("init container ", container));
      }
    }
    for (ContainerState container : pod.diagnosis().containers()) {
      if (container.waiting() && REASONS.contains(container.reason())) {
        failing.add(container);
        evidence.add(PodFacts.state("container ", container));
      }
    }
    if (failing.isEmpty()) {
      return List.of();
    }
    ContainerState first = failing.getFirst();
    if (first.image() != null) {
      evidence.add(
          0, Evidence.of(Evidence.FIELD, "container " + first.name() + ": image", first.image()));
    }
    List<Evidence> events = new ArrayList<>();
    PodFacts.events(events, pod, facts, Set.of("Failed", "BackOff"));
    evidence.addAll(events);
    StringBuilder messages = new StringBuilder(first.message() == null ? "" : first.message());
    events.forEach(e -> messages.append('\n').append(e.value()));
    Cause cause = cause(first.reason(), messages.toString());
    String image = first.image() == null ? "?" : first.image();
    Bilingual explanation =
        Bilingual.of(
                "The kubelet cannot pull image "
                    + image
                    + " for container "
                    + first.name()
                    + " ("
                    + first.reason()
                    + "): ",
                "kubelet 无法为容器 " + first.name() + " 拉取镜像 " + image + "（" + first.reason() + "）：")
            .append("", because(cause));
    return finding(pod, explanation, evidence, fix(cause, pod));
  }

  static Cause cause(String reason, String messages) {
    if ("InvalidImageName".equals(reason)) {
      return Cause.INVALID_NAME;
    }
    if ("ErrImageNeverPull".equals(reason)) {
      return Cause.NEVER_PULL;
    }
    String text = messages.toLowerCase(Locale.ROOT);
    if (text.contains("unauthorized")
        || text.contains("authentication required")
        || text.contains("pull access denied")
        || text.contains("forbidden")
        || text.contains("denied")) {
      return Cause.UNAUTHORIZED;
    }
    if (text.contains("not found")
        || text.contains("manifest unknown")
        || text.contains("does not exist")) {
      return Cause.NOT_FOUND;
    }
    if (text.contains("no such host")
        || text.contains("i/o timeout")
        || text.contains("connection refused")
        || text.contains("tls")
        || text.contains("dial tcp")) {
      return Cause.UNREACHABLE;
    }
    return Cause.UNKNOWN;
  }

  private static Bilingual because(Cause cause) {
    return switch (cause) {
      case NOT_FOUND -> Bilingual.of("the registry has no such image or tag.", "镜像仓库中没有该镜像或标签。");
      case UNAUTHORIZED ->
          Bilingual.of(
              "the registry refused access (credentials missing or wrong).", "镜像仓库拒绝访问（凭据缺失或错误）。");
      case UNREACHABLE ->
          Bilingual.of("the registry cannot be reached from the node.", "节点无法连接镜像仓库。");
      case INVALID_NAME -> Bilingual.of("the image name is not valid.", "镜像名称不合法。");
      case NEVER_PULL ->
          Bilingual.of(
              "imagePullPolicy is Never and the image is not on the node.",
              "imagePullPolicy 为 Never，而节点上没有该镜像。");
      case UNKNOWN ->
          Bilingual.of(
              "the pull failed; the kubelet keeps retrying with a growing back-off.",
              "拉取失败；kubelet 会以越来越长的间隔重试。");
    };
  }

  private static Bilingual fix(Cause cause, PodView pod) {
    return switch (cause) {
      case NOT_FOUND, INVALID_NAME, UNKNOWN ->
          Bilingual.of(
              "Check the image name and tag (docker pull / crane manifest on a workstation) and"
                  + " correct the workload's image; the pod picks it up when the workload rolls"
                  + " out.",
              "检查镜像名称和标签（在工作站上用 docker pull / crane manifest 验证），修正工作负载的镜像；"
                  + "工作负载滚动更新后 Pod 会使用新镜像。");
      case UNAUTHORIZED ->
          Bilingual.of(
              "Create a docker-registry Secret in namespace "
                  + pod.namespace()
                  + " and reference it in imagePullSecrets (of the pod or its ServiceAccount).",
              "在命名空间 "
                  + pod.namespace()
                  + " 中创建 docker-registry 类型的 Secret，并在 imagePullSecrets（Pod 或其 ServiceAccount）中引用。");
      case UNREACHABLE ->
          Bilingual.of(
              "Check the node's DNS, proxy and firewall towards the registry, or use a mirror the"
                  + " nodes can reach.",
              "检查节点到镜像仓库的 DNS、代理和防火墙，或使用节点可访问的镜像源。");
      case NEVER_PULL ->
          Bilingual.of(
              "Load the image onto the node or set imagePullPolicy to IfNotPresent.",
              "将镜像导入节点，或把 imagePullPolicy 改为 IfNotPresent。");
    };
  }
}
