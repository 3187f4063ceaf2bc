package io.kubeward.diagnostics.domain.rules;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.PodDiagnosis;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Resources;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.diagnostics.domain.Severity;
import io.kubeward.diagnostics.domain.rules.SchedulerMessage.Category;
import io.kubeward.diagnostics.domain.rules.SchedulerMessage.Reason;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pod.unschedulable}: {@code PodScheduled} is False with reason {@code Unschedulable}. The
 * scheduler's message is taken apart ({@link SchedulerMessage}) into one sentence and one fix per
 * reason: too little CPU/memory/pods (with the pod's requests), taints not tolerated, node selector
 * or affinity matching no node, cordoned nodes, claims not bound (with their state from the cache),
 * ports, pod (anti-)affinity, topology spread.
 */
public final class PodUnschedulableRule extends BaseRule {

  public PodUnschedulableRule() {
    super(
        "pod.unschedulable",
        Severity.CRITICAL,
        "Pod",
        Set.of("PersistentVolumeClaim"),
        Bilingual.of("Pod cannot be scheduled", "Pod 无法调度"));
  }

  @Override
  public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
    if (!(subject instanceof PodView pod) || pod.diagnosis() == null) {
      return List.of();
    }
    PodDiagnosis diagnosis = pod.diagnosis();
    if (!"Unschedulable".equals(diagnosis.scheduledReason()) || pod.nodeName() != null) {
      return List.of();
    }
    SchedulerMessage message = SchedulerMessage.parse(diagnosis.scheduledMessage());
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(
        Evidence.of(
            Evidence.CONDITION,
            "PodScheduled=False (Unschedulable)",
            diagnosis.scheduledMessage()));
    Bilingual explanation =
        message.total() >= 0
            ? Bilingual.of(
                "No node can run the pod ("
                    + message.available()
                    + " of "
                    + message.total()
                    + " nodes are available):",
                "没有节点可以运行该 Pod（" + message.total() + " 个节点中有 " + message.available() + " 个可用）：")
            : Bilingual.of("The scheduler cannot place the pod:", "调度器无法放置该 Pod：");
    Set<Category> categories = EnumSet.noneOf(Category.class);
    for (Reason reason : message.reasons()) {
      categories.add(reason.category());
      evidence.add(
          Evidence.of(
              Evidence.SCHEDULER,
              reason.nodes() >= 0 ? reason.nodes() + " node(s)" : "scheduler",
              reason.text()));
      explanation = explanation.append(" ", sentence(reason, pod.requests()));
    }
    if (message.reasons().isEmpty()) {
      explanation =
          explanation.append(
              " ",
              Bilingual.of(
                  String.valueOf(diagnosis.scheduledMessage()),
                  String.valueOf(diagnosis.scheduledMessage())));
    }
    if (categories.contains(Category.INSUFFICIENT)) {
      Resources requests = pod.requests();
      evidence.add(
          Evidence.of(
              Evidence.FIELD,
              "pod requests",
              "cpu "
                  + requests.cpuMillis()
                  + "m, memory "
                  + requests.memoryBytes() / (1024 * 1024)
                  + "Mi"));
    }
    if (categories.contains(Category.VOLUME)) {
      for (String claim : pod.references().claims()) {
        Optional<KubeObjectView> pvc = facts.get("PersistentVolumeClaim", pod.namespace(), claim);
        evidence.add(
            Evidence.related(
                "PersistentVolumeClaim " + claim,
                pvc.map(KubeObjectView::status).orElse("not found"),
                ObjectRef.of("PersistentVolumeClaim", pod.namespace(), claim)));
      }
    }
    PodFacts.events(evidence, pod, facts, Set.of("FailedScheduling"));
    Bilingual fix = null;
    for (Category category : categories) {
      Bilingual one = fix(category);
      fix = fix == null ? one : fix.append(" ", one);
    }
    if (fix == null) {
      fix = fix(Category.OTHER);
    }
    return finding(pod, explanation, evidence, fix);
  }

  private static Bilingual sentence(Reason reason, Resources requests) {
    String nodes = reason.nodes() >= 0 ? reason.nodes() + " node(s) " : "";
    String nodesZh = reason.nodes() >= 0 ? reason.nodes() + " 个节点" : "";
    return switch (reason.category()) {
      case INSUFFICIENT -> {
        String asked =
            switch (reason.detail()) {
              case "cpu" -> " (the pod requests " + requests.cpuMillis() + "m)";
              case "memory" ->
                  " (the pod requests " + requests.memoryBytes() / (1024 * 1024) + "Mi)";
              default -> "";
            };
        String askedZh =
            switch (reason.detail()) {
              case "cpu" -> "（Pod 请求 " + requests.cpuMillis() + "m）";
              case "memory" -> "（Pod 请求 " + requests.memoryBytes() / (1024 * 1024) + "Mi）";
              default -> "";
            };
        yield Bilingual.of(
            nodes + "lack free " + reason.detail() + asked + ";",
            nodesZh + "可分配的 " + reason.detail() + " 不足" + askedZh + "；");
      }
      case TAINT ->
          Bilingual.of(
              nodes + "have a taint the pod does not tolerate " + reason.detail() + ";",
              nodesZh + "带有 Pod 不容忍的污点 " + reason.detail() + "；");
      case NODE_SELECTOR ->
          Bilingual.of(
              nodes + "do not match the pod's nodeSelector or node affinity;",
              nodesZh + "不匹配 Pod 的 nodeSelector 或节点亲和性；");
      case UNSCHEDULABLE_NODE ->
          Bilingual.of(nodes + "are cordoned (unschedulable);", nodesZh + "已被封锁（不可调度）；");
      case VOLUME ->
          Bilingual.of(
              "a volume is not ready: " + reason.text() + ";", "存储卷未就绪：" + reason.text() + "；");
      case PORTS ->
          Bilingual.of(
              nodes + "have no free host port the pod asks for;", nodesZh + "没有 Pod 所需的空闲主机端口；");
      case POD_AFFINITY ->
          Bilingual.of(
              nodes + "break the pod's (anti-)affinity rules;", nodesZh + "不满足 Pod 的（反）亲和性规则；");
      case TOPOLOGY_SPREAD ->
          Bilingual.of(
              nodes + "would break its topology spread constraints;", nodesZh + "会违反其拓扑分布约束；");
      case NO_NODES -> Bilingual.of("the cluster has no nodes to schedule on;", "集群中没有可调度的节点；");
      case OTHER -> Bilingual.of(reason.text() + ";", reason.text() + "；");
    };
  }

  private static Bilingual fix(Category category) {
    return switch (category) {
      case INSUFFICIENT ->
          Bilingual.of(
              "Lower the pod's requests, free capacity (scale down or remove other pods) or add"
                  + " nodes.",
              "降低 Pod 的资源请求，释放容量（缩容或删除其他 Pod），或增加节点。");
      case TAINT ->
          Bilingual.of(
              "Add a matching toleration to the pod if it belongs on those nodes, or remove the"
                  + " taint (kubectl taint nodes NODE KEY-).",
              "如果 Pod 应运行在这些节点上，为其添加匹配的容忍；否则移除污点（kubectl taint nodes NODE KEY-）。");
      case NODE_SELECTOR ->
          Bilingual.of(
              "Correct the nodeSelector/affinity, or label the intended nodes (kubectl label nodes"
                  + " NODE key=value).",
              "修正 nodeSelector/亲和性，或为目标节点打上标签（kubectl label nodes NODE key=value）。");
      case UNSCHEDULABLE_NODE ->
          Bilingual.of(
              "Uncordon nodes that are back in service (kubectl uncordon NODE).",
              "将已恢复的节点解除封锁（kubectl uncordon NODE）。");
      case VOLUME ->
          Bilingual.of(
              "Make the claim bind: create it if it is missing, check its StorageClass and"
                  + " provisioner, or create a matching PersistentVolume.",
              "让 PVC 完成绑定：若不存在则创建，检查其 StorageClass 和供应程序，或创建匹配的 PersistentVolume。");
      case PORTS ->
          Bilingual.of(
              "Drop the hostPort or run fewer replicas than nodes.", "去掉 hostPort，或让副本数少于节点数。");
      case POD_AFFINITY ->
          Bilingual.of(
              "Relax the pod (anti-)affinity (preferred instead of required) or add nodes.",
              "放宽 Pod 的（反）亲和性（改为 preferred），或增加节点。");
      case TOPOLOGY_SPREAD ->
          Bilingual.of(
              "Relax the topology spread constraints (whenUnsatisfiable: ScheduleAnyway) or add"
                  + " nodes in the missing zones.",
              "放宽拓扑分布约束（whenUnsatisfiable: ScheduleAnyway），或在缺少的可用区中增加节点。");
      case NO_NODES -> Bilingual.of("Add nodes to the cluster.", "为集群增加节点。");
      case OTHER ->
          Bilingual.of(
              "Read the scheduler's message and the FailedScheduling events (kubectl describe pod).",
              "阅读调度器的消息和 FailedScheduling 事件（kubectl describe pod）。");
    };
  }
}
