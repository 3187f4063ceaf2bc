package io.kubeward.diagnostics.domain.rules;

import static io.kubeward.diagnostics.domain.rules.OpsFacts.MAX_PODS;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.NamedPort;
import io.kubeward.cluster.domain.PodTemplateFacts;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.ServicePortView;
import io.kubeward.cluster.domain.ServiceView;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.diagnostics.domain.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Service rules: {@code service.no-pods-selected}, {@code service.no-ready-endpoints} and
 * {@code service.target-port-mismatch}. Services without a selector (endpoints managed by hand) and
 * ExternalName Services are not judged.
 */
public final class ServiceRules {

  public static final Duration DEFAULT_GRACE = Duration.ofMinutes(2);

  private ServiceRules() {}

  static boolean judged(KubeObjectView subject) {
    return subject instanceof ServiceView service
        && !service.selector().isEmpty()
        && !"ExternalName".equals(service.type());
  }

  static List<PodView> selectedPods(ClusterFacts facts, ServiceView service) {
    List<PodView> pods = new ArrayList<>();
    for (KubeObjectView view : facts.selected("Pod", service.namespace(), service.selector())) {
      if (view instanceof PodView pod && !isFinished(pod)) {
        pods.add(pod);
      }
    }
    return pods;
  }

  static boolean isFinished(PodView pod) {
    return pod.phase() == io.kubeward.cluster.domain.PodPhase.SUCCEEDED
        || pod.phase() == io.kubeward.cluster.domain.PodPhase.FAILED;
  }

  static String selector(ServiceView service) {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(service.selector())
        .forEach((k, v) -> out.append(out.isEmpty() ? "" : ",").append(k).append('=').append(v));
    return out.toString();
  }

  /** {@code service.no-pods-selected}. */
  public static final class NoPodsSelected extends BaseRule {

    private final Duration grace;

    public NoPodsSelected() {
      this(DEFAULT_GRACE);
    }

    public NoPodsSelected(Duration grace) {
      super(
          "service.no-pods-selected",
          Severity.WARNING,
          "Service",
          Set.of("Pod"),
          Bilingual.of("Service selects no pods", "Service 未选中任何 Pod"));
      this.grace = grace;
    }

    @Override
    public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
      if (!judged(subject)) {
        return List.of();
      }
      ServiceView service = (ServiceView) subject;
      if (!selectedPods(facts, service).isEmpty()
          || OpsFacts.age(service, facts).compareTo(grace) < 0) {
        return List.of();
      }
      String selector = selector(service);
      List<Evidence> evidence = new ArrayList<>();
      evidence.add(Evidence.of(Evidence.FIELD, "selector", selector));
      // Pods that match all but one pair of the selector: the likely typo or the wrong label.
      int near = 0;
      for (KubeObjectView view : facts.list("Pod", service.namespace())) {
        if (near >= MAX_PODS || !(view instanceof PodView pod)) {
          continue;
        }
        String mismatch = singleMismatch(service.selector(), pod.labels());
        if (mismatch != null) {
          near++;
          evidence.add(
              Evidence.related(
                  "pod " + pod.name() + " differs only in",
                  mismatch,
                  ObjectRef.of("Pod", pod.namespace(), pod.name())));
        }
      }
      return finding(
          service,
          Bilingual.of(
              "Service "
                  + service.name()
                  + " selects no pod: no pod in namespace "
                  + service.namespace()
                  + " has the labels "
                  + selector
                  + ", so traffic to it goes nowhere.",
              "Service "
                  + service.name()
                  + " 未选中任何 Pod：命名空间 "
                  + service.namespace()
                  + " 中没有 Pod 带有标签 "
                  + selector
                  + "，发往它的流量无处可去。"),
          evidence,
          Bilingual.of(
              "Compare the selector with the pods' labels (`kubectl get pods -n "
                  + service.namespace()
                  + " --show-labels`), fix the selector or the workload's pod template labels,"
                  + " or start the workload if it is scaled to zero.",
              "对比 selector 与 Pod 的标签（`kubectl get pods -n "
                  + service.namespace()
                  + " --show-labels`），修正 selector 或工作负载 Pod 模板的标签；如果工作负载副本数为 0，请扩容。"));
    }

    /** {@code key: want=x, has=y} when exactly one pair differs, else {@code null}. */
    static String singleMismatch(Map<String, String> selector, Map<String, String> labels) {
      String mismatch = null;
      for (var pair : selector.entrySet()) {
        String has = labels.get(pair.getKey());
        if (!pair.getValue().equals(has)) {
          if (mismatch != null) {
            return null;
          }
          mismatch =
              pair.getKey()
                  + ": selector wants "
                  + pair.getValue()
                  + ", pod has "
                  + (has == null ? "<none>" : has);
        }
      }
      return selector.size() > 1 || labels.containsKey(selector.keySet().iterator().next())
          ? mismatch
          : null;
    }
  }

  /** {@code service.no-ready-endpoints}. */
  public static final class NoReadyEndpoints extends BaseRule {

    private final Duration grace;

    public NoReadyEndpoints() {
      this(DEFAULT_GRACE);
    }

    public NoReadyEndpoints(Duration grace) {
      super(
          "service.no-ready-endpoints",
          Severity.CRITICAL,
          "Service",
          Set.of("Pod", "EndpointSlice"),
          Bilingual.of("Service has no ready endpoints", "Service 没有就绪的端点"));
      this.grace = grace;
    }

    @Override
    public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
      if (!judged(subject)) {
        return List.of();
      }
      ServiceView service = (ServiceView) subject;
      List<PodView> pods = selectedPods(facts, service);
      if (pods.isEmpty()) {
        return List.of(); // service.no-pods-selected says it
      }
      int endpoints = 0;
      int ready = 0;
      List<Evidence> evidence = new ArrayList<>();
      for (KubeObjectView slice :
          facts.selected(
              "EndpointSlice",
              service.namespace(),
              Map.of("kubernetes.io/service-name", service.name()))) {
        endpoints += OpsFacts.intField(slice, "endpoints");
        ready += OpsFacts.intField(slice, "ready");
        evidence.add(
            Evidence.related(
                "EndpointSlice " + slice.name() + " (ready/endpoints)",
                slice.status(),
                ObjectRef.of("EndpointSlice", slice.namespace(), slice.name())));
      }
      if (ready > 0) {
        return List.of();
      }
      boolean longEnough = false;
      int shown = 0;
      for (PodView pod : pods) {
        var since =
            pod.diagnosis() != null && pod.diagnosis().notReadySince() != null
                ? pod.diagnosis().notReadySince()
                : pod.createdAt();
        longEnough |= OpsFacts.lastedAtLeast(since, grace, facts);
        if (shown++ < MAX_PODS) {
          evidence.add(OpsFacts.pod(pod));
        }
      }
      if (!longEnough) {
        return List.of();
      }
      evidence.add(0, Evidence.of(Evidence.FIELD, "selector", selector(service)));
      evidence.add(
          1, Evidence.of(Evidence.FIELD, "endpoints (ready/total)", ready + "/" + endpoints));
      String problem = DeploymentProgressDeadlineRule.firstProblem(pods);
      return finding(
          service,
          Bilingual.of(
              "Service "
                  + service.name()
                  + " selects "
                  + pods.size()
                  + " pod(s) but none of them is ready, so it has no ready endpoint and"
                  + " connections to it fail."
                  + (problem == null ? "" : " Its pods show " + problem + "."),
              "Service "
                  + service.name()
                  + " 选中了 "
                  + pods.size()
                  + " 个 Pod，但没有一个就绪，因此它没有就绪端点，连接会失败。"
                  + (problem == null ? "" : "其 Pod 的状态为 " + problem + "。")),
          evidence,
          Bilingual.of(
              "Find why the selected pods are not ready (their findings: crash loop, image pull,"
                  + " failing readiness probe, Pending) and fix that; `kubectl describe"
                  + " endpointslices -l kubernetes.io/service-name="
                  + service.name()
                  + " -n "
                  + service.namespace()
                  + "` shows each endpoint's conditions.",
              "查明被选中的 Pod 为何未就绪（其诊断：崩溃循环、镜像拉取、就绪探针失败、Pending）并修复；`kubectl describe"
                  + " endpointslices -l kubernetes.io/service-name="
                  + service.name()
                  + " -n "
                  + service.namespace()
                  + "` 显示每个端点的状态。"));
    }
  }

  /** {@code service.target-port-mismatch}. */
  public static final class TargetPortMismatch extends BaseRule {

    public TargetPortMismatch() {
      super(
          "service.target-port-mismatch",
          Severity.WARNING,
          "Service",
          Set.of("Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"),
          Bilingual.of(
              "Service targetPort matches no container port", "Service 的 targetPort 与容器端口不匹配"));
    }

    @Override
    public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
      if (!judged(subject)) {
        return List.of();
      }
      ServiceView service = (ServiceView) subject;
      List<PodView> pods = selectedPods(facts, service);
      List<Evidence> evidence = new ArrayList<>();
      List<String> bad = new ArrayList<>();
      for (ServicePortView port : service.servicePorts()) {
        String target = port.effectiveTargetPort();
        int judgedPods = 0;
        int matching = 0;
        PodView example = null;
        List<NamedPort> declared = List.of();
        for (PodView pod : pods) {
          PodTemplateFacts template = OpsFacts.templateOf(facts, pod);
          if (template == null || (!port.targetsName() && template.ports().isEmpty())) {
            continue; // unknown, or no ports declared: a number may still be right
          }
          judgedPods++;
          if (matches(template.ports(), port)) {
            matching++;
          } else if (example == null) {
            example = pod;
            declared = template.ports();
          }
        }
        if (judgedPods > 0 && matching == 0) {
          bad.add(port.port() + "→" + target);
          evidence.add(
              Evidence.of(
                  Evidence.FIELD,
                  "port " + (port.name() == null ? "" : port.name() + " ") + port.port(),
                  "targetPort " + target));
          evidence.add(
              Evidence.related(
                  "container ports of pod " + example.name(),
                  declared.isEmpty() ? "<none declared>" : ports(declared),
                  ObjectRef.of("Pod", example.namespace(), example.name())));
        }
      }
      if (bad.isEmpty()) {
        return List.of();
      }
      String list = String.join(", ", bad);
      return finding(
          service,
          Bilingual.of(
              "Service "
                  + service.name()
                  + " sends traffic to target port(s) that no container of its pods declares ("
                  + list
                  + "): a named targetPort that no container has leaves the pods out of the"
                  + " endpoints, a number nobody listens on refuses connections.",
              "Service "
                  + service.name()
                  + " 将流量发往其 Pod 的容器都未声明的目标端口（"
                  + list
                  + "）：没有容器拥有的命名 targetPort 会使 Pod 不在端点中，无人监听的端口号会拒绝连接。"),
          evidence,
          Bilingual.of(
              "Make the Service's targetPort the name or number of the container port the"
                  + " application listens on (`kubectl get svc "
                  + service.name()
                  + " -n "
                  + service.namespace()
                  + " -o yaml`), or declare that port in the pod template.",
              "将 Service 的 targetPort 改为应用所监听的容器端口名称或端口号（`kubectl get svc "
                  + service.name()
                  + " -n "
                  + service.namespace()
                  + " -o yaml`），或在 Pod 模板中声明该端口。"));
    }

    static boolean matches(List<NamedPort> declared, ServicePortView port) {
      String target = port.effectiveTargetPort();
      for (NamedPort candidate : declared) {
        if (port.targetsName()
            ? target.equals(candidate.name())
            : target.equals(String.valueOf(candidate.port()))) {
          return true;
        }
      }
      return false;
    }

    static String ports(List<NamedPort> ports) {
      List<String> out = new ArrayList<>();
      for (NamedPort port : ports) {
        out.add(
            port.name() == null ? String.valueOf(port.port()) : port.name() + ":" + port.port());
      }
      return String.join(", ", out);
    }
  }
}
