package io.kubeward.diagnostics.domain.rules;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.NodeConditionView;
import io.kubeward.cluster.domain.NodeTaint;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.ClusterFacts;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The node rules, read from the node view's conditions (the same facts node health detects): {@code
 * node.not-ready} (Ready False or Unknown for at least {@code grace}), {@code node.pressure}
 * (Memory/Disk/PID pressure or NetworkUnavailable True for at least {@code grace}) and {@code
 * node.cordoned} (unschedulable; INFO, since a cordon is usually deliberate — the cache keeps no
 * time for it).
 */
public final class NodeRules {

  public static final Duration DEFAULT_GRACE = Duration.ofMinutes(2);

  private NodeRules() {}

  static Evidence condition(NodeConditionView condition) {
    return Evidence.of(
        Evidence.CONDITION,
        condition.type(),
        condition.status()
            + (condition.reason() == null ? "" : ", " + condition.reason())
            + (condition.message() == null ? "" : ": " + condition.message())
            + (condition.since() == null ? "" : " (since " + condition.since() + ")"));
  }

  static int podsOn(ClusterFacts facts, NodeView node) {
    int count = 0;
    for (KubeObjectView view : facts.list("Pod", null)) {
      if (view instanceof PodView pod
          && node.name().equals(pod.nodeName())
          && pod.holdsResources()) {
        count++;
      }
    }
    return count;
  }

  /** {@code node.not-ready}. */
  public static final class NotReady extends BaseRule {

    private final Duration grace;

    public NotReady() {
      this(DEFAULT_GRACE);
    }

    public NotReady(Duration grace) {
      super(
          "node.not-ready",
          Severity.CRITICAL,
          "Node",
          Set.of(),
          Bilingual.of("Node not ready", "节点未就绪"));
      this.grace = grace;
    }

    @Override
    public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
      if (!(subject instanceof NodeView node) || node.ready()) {
        return List.of();
      }
      NodeConditionView ready = node.condition("Ready");
      var since = ready == null ? node.createdAt() : ready.since();
      if (!OpsFacts.lastedAtLeast(since, grace, facts)) {
        return List.of();
      }
      List<Evidence> evidence = new ArrayList<>();
      if (ready != null) {
        evidence.add(condition(ready));
      }
      for (NodeTaint taint : node.taints()) {
        if (taint.key().startsWith("node.kubernetes.io/")) {
          evidence.add(Evidence.of(Evidence.FIELD, "taint", taint.toString()));
        }
      }
      evidence.add(
          Evidence.of(Evidence.FIELD, "pods holding resources on it", podsOn(facts, node)));
      evidence.addAll(OpsFacts.warningEvents(facts, ref(node), OpsFacts.MAX_EVENTS));
      boolean unknown = ready != null && "Unknown".equals(ready.status());
      String duration = OpsFacts.since(since, facts);
      return finding(
          node,
          Bilingual.of(
              "Node "
                  + node.name()
                  + " has not been Ready for "
                  + duration
                  + (unknown
                      ? ": its kubelet stopped reporting (node down, network cut or kubelet stopped)."
                      : ": its kubelet reports it unhealthy.")
                  + " Its pods are evicted after the not-ready toleration (5 minutes by default) and"
                  + " nothing new is scheduled there.",
              "节点 "
                  + node.name()
                  + " 已有 "
                  + duration
                  + " 未就绪"
                  + (unknown ? "：其 kubelet 停止上报（节点宕机、网络中断或 kubelet 停止）。" : "：其 kubelet 报告节点不健康。")
                  + "超过未就绪容忍时间（默认 5 分钟）后其 Pod 会被驱逐，新 Pod 不会调度到该节点。"),
          evidence,
          Bilingual.of(
              "Check the machine and the kubelet (`systemctl status kubelet`, `journalctl -u"
                  + " kubelet`), its network to the apiserver and its disk; `kubectl describe node "
                  + node.name()
                  + "` shows the conditions. Replace the node if it does not come back.",
              "检查机器和 kubelet（`systemctl status kubelet`、`journalctl -u kubelet`）、它到 apiserver 的网络及磁盘；`kubectl describe node "
                  + node.name()
                  + "` 显示各项状况。如果节点无法恢复，请替换它。"));
    }
  }

  /** {@code node.pressure}. */
  public static final class Pressure extends BaseRule {

    private static final List<String> TYPES =
        List.of("MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable");

    private final Duration grace;

    public Pressure() {
      this(DEFAULT_GRACE);
    }

    public Pressure(Duration grace) {
      super(
          "node.pressure",
          Severity.WARNING,
          "Node",
          Set.of(),
          Bilingual.of("Node under resource pressure", "节点资源压力"));
      this.grace = grace;
    }

    @Override
    public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
      if (!(subject instanceof NodeView node)) {
        return List.of();
      }
      List<Evidence> evidence = new ArrayList<>();
      List<String> types = new ArrayList<>();
      for (NodeConditionView condition : node.conditions()) {
        if (TYPES.contains(condition.type())
            && "True".equals(condition.status())
            && OpsFacts.lastedAtLeast(condition.since(), grace, facts)) {
          types.add(condition.type());
          evidence.add(condition(condition));
        }
      }
      if (types.isEmpty()) {
        return List.of();
      }
      evidence.addAll(
          OpsFacts.eventsWithReason(
              facts,
              ref(node),
              List.of(
                  "EvictionThresholdMet",
                  "NodeHasDiskPressure",
                  "NodeHasInsufficientMemory",
                  "FreeDiskSpaceFailed",
                  "ImageGCFailed"),
              OpsFacts.MAX_EVENTS));
      String list = String.join(", ", types);
      return finding(
          node,
          Bilingual.of(
              "Node "
                  + node.name()
                  + " reports "
                  + list
                  + ": the kubelet evicts pods to recover and the node gets a taint that keeps new"
                  + " pods away.",
              "节点 " + node.name() + " 报告 " + list + "：kubelet 会驱逐 Pod 以恢复，节点会被加上污点，新 Pod 不会调度上去。"),
          evidence,
          Bilingual.of(
              "Find what uses the memory, disk (images, logs, emptyDir) or process IDs on the node"
                  + " (`kubectl describe node "
                  + node.name()
                  + "`, `kubectl top pods -A --sort-by=memory`), set limits on the culprits, clean"
                  + " up, or add capacity.",
              "找出占用节点内存、磁盘（镜像、日志、emptyDir）或进程号的对象（`kubectl describe node "
                  + node.name()
                  + "`、`kubectl top pods -A --sort-by=memory`），为其设置限制、清理，或增加容量。"));
    }
  }

  /** {@code node.cordoned}. */
  public static final class Cordoned extends BaseRule {

    public Cordoned() {
      super(
          "node.cordoned",
          Severity.INFO,
          "Node",
          Set.of(),
          Bilingual.of("Node cordoned (unschedulable)", "节点已被封锁（不可调度）"));
    }

    @Override
    public List<FindingDraft> judge(KubeObjectView subject, ClusterFacts facts) {
      if (!(subject instanceof NodeView node) || !node.unschedulable()) {
        return List.of();
      }
      List<Evidence> evidence = new ArrayList<>();
      evidence.add(Evidence.of(Evidence.FIELD, "spec.unschedulable", "true"));
      evidence.add(
          Evidence.of(Evidence.FIELD, "pods holding resources on it", podsOn(facts, node)));
      evidence.addAll(
          OpsFacts.eventsWithReason(facts, ref(node), List.of("NodeNotSchedulable"), 1));
      return finding(
          node,
          Bilingual.of(
              "Node "
                  + node.name()
                  + " is cordoned: no new pod is scheduled on it. If no maintenance is under way,"
                  + " it may have been forgotten.",
              "节点 " + node.name() + " 已被封锁：不会有新 Pod 调度到该节点。如果没有正在进行的维护，可能是忘记解除封锁。"),
          evidence,
          Bilingual.of(
              "If the maintenance is over, `kubectl uncordon " + node.name() + "`.",
              "如果维护已结束，执行 `kubectl uncordon " + node.name() + "`。"));
    }
  }
}
