package io.kubeward.history.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * The PromQL of each history series, by target and metric, and the metric family it needs. CPU is
 * the containers' usage ({@code container!=""} leaves out cAdvisor's pod and cgroup totals, so
 * cAdvisor and the kubelet's resource metrics give the same sum; {@code max by (namespace, pod,
 * container)} counts a container once where both endpoints are scraped) in millicores; memory the
 * containers' working set in bytes; pods from kube-state-metrics; network from cAdvisor's pod
 * network counters (nodes: node-exporter, joined to the node name by {@code node_uname_info});
 * filesystem from node-exporter (nodes) or cAdvisor (containers). Nodes are matched by the {@code
 * node} label that kube-prometheus' scrape configurations add to cAdvisor series. Workloads are
 * matched by their pods' names ({@code <deployment>-<hash>-<suffix>}, {@code
 * <statefulset>-<ordinal>}, ...), which also finds pods that no longer exist.
 */
public final class PromQueries {

  private PromQueries() {}

  /** A query and the family it needs. */
  public record Query(String promql, MetricFamily needs) {}

  private static final String CONTAINERS = "container!=\"\",container!=\"POD\"";
  private static final String NODE_DEVICES =
      "device!~\"lo|veth.*|cali.*|flannel.*|cni.*|docker.*|virbr.*|br-.*\"";
  private static final String NODE_FILESYSTEMS =
      "fstype!~\"tmpfs|overlay|squashfs|nsfs|ramfs\",mountpoint=\"/\"";

  /** The query of {@code metric} for {@code target}, or empty if there is none. */
  public static Optional<Query> of(HistoryTarget target, HistoryMetric metric, Duration step) {
    String w = "[" + window(step) + "s]";
    String sel = selector(target);
    // a container target is its busiest pod's container (as the built-in history keeps it)
    String across = target.kind() == TargetKind.CONTAINER ? "max" : "sum";
    return switch (metric) {
      case CPU ->
          Optional.of(
              new Query(
                  across
                      + "(max by (namespace, pod, container) (rate(container_cpu_usage_seconds_total{"
                      + join(sel, CONTAINERS)
                      + "}"
                      + w
                      + "))) * 1000",
                  MetricFamily.CADVISOR));
      case MEMORY ->
          Optional.of(
              new Query(
                  across
                      + "(max by (namespace, pod, container) (container_memory_working_set_bytes{"
                      + join(sel, CONTAINERS)
                      + "}))",
                  MetricFamily.CADVISOR));
      case PODS -> Optional.of(new Query(pods(target), MetricFamily.KUBE_STATE_METRICS));
      case NETWORK_RECEIVE -> network(target, "receive", w, sel);
      case NETWORK_TRANSMIT -> network(target, "transmit", w, sel);
      case FILESYSTEM -> filesystem(target, sel);
    };
  }

  private static String pods(HistoryTarget target) {
    String running = "kube_pod_status_phase{phase=\"Running\"";
    return switch (target.kind()) {
      case CLUSTER -> "sum(" + running + "})";
      case NODE ->
          "count(kube_pod_info{node=\""
              + target.name()
              + "\"} * on(namespace, pod)"
              + " group_left() ("
              + running
              + "} == 1))";
      case NAMESPACE -> "sum(" + running + ",namespace=\"" + target.namespace() + "\"})";
      case WORKLOAD, CONTAINER ->
          "sum("
              + running
              + ",namespace=\""
              + target.namespace()
              + "\",pod=~\""
              + podPattern(target)
              + "\"})";
      case POD ->
          "sum("
              + running
              + ",namespace=\""
              + target.namespace()
              + "\",pod=\""
              + target.name()
              + "\"})";
    };
  }

  private static Optional<Query> network(
      HistoryTarget target, String direction, String w, String sel) {
    if (target.kind() == TargetKind.NODE) {
      return Optional.of(
          new Query(
              "sum(rate(node_network_"
                  + direction
                  + "_bytes_total{"
                  + NODE_DEVICES
                  + "}"
                  + w
                  + ") * on(instance) group_left(nodename) node_uname_info{nodename=\""
                  + target.name()
                  + "\"})",
              MetricFamily.NODE_EXPORTER));
    }
    return Optional.of(
        new Query(
            "sum(rate(container_network_"
                + direction
                + "_bytes_total"
                + (sel.isEmpty() ? "" : "{" + sel + "}")
                + w
                + "))",
            MetricFamily.CADVISOR));
  }

  private static Optional<Query> filesystem(HistoryTarget target, String sel) {
    return switch (target.kind()) {
      case NODE ->
          Optional.of(
              new Query(
                  "sum((node_filesystem_size_bytes{"
                      + NODE_FILESYSTEMS
                      + "} - node_filesystem_avail_bytes{"
                      + NODE_FILESYSTEMS
                      + "}) * on(instance) group_left(nodename) node_uname_info{nodename=\""
                      + target.name()
                      + "\"})",
                  MetricFamily.NODE_EXPORTER));
      case CLUSTER ->
          Optional.of(
              new Query(
                  "sum(node_filesystem_size_bytes{"
                      + NODE_FILESYSTEMS
                      + "} - node_filesystem_avail_bytes{"
                      + NODE_FILESYSTEMS
                      + "})",
                  MetricFamily.NODE_EXPORTER));
      default ->
          Optional.of(
              new Query(
                  "sum(container_fs_usage_bytes{" + join(sel, CONTAINERS) + "})",
                  MetricFamily.CADVISOR));
    };
  }

  /** The label matchers of a target's containers ({@code ""} for the cluster). */
  static String selector(HistoryTarget target) {
    return switch (target.kind()) {
      case CLUSTER -> "";
      case NODE -> "node=\"" + target.name() + "\"";
      case NAMESPACE -> "namespace=\"" + target.namespace() + "\"";
      case WORKLOAD ->
          "namespace=\"" + target.namespace() + "\",pod=~\"" + podPattern(target) + "\"";
      case POD -> "namespace=\"" + target.namespace() + "\",pod=\"" + target.name() + "\"";
      case CONTAINER ->
          "namespace=\""
              + target.namespace()
              + "\",pod=~\""
              + podPattern(target)
              + "\",container=\""
              + target.container()
              + "\"";
    };
  }

  /** The names of a workload's pods, as its controller makes them (RE2, fully anchored). */
  static String podPattern(HistoryTarget target) {
    String name = target.name().replace(".", "\\\\.");
    return switch (target.workloadKind()) {
      case "Deployment" -> name + "-[a-z0-9]{1,10}-[a-z0-9]{5}";
      case "StatefulSet" -> name + "-[0-9]+";
      case "CronJob" -> name + "-[0-9]+-[a-z0-9]{5}";
      default -> name + "-[a-z0-9]{5}"; // DaemonSet, ReplicaSet, Job
    };
  }

  /** The rate window: the step, at least a minute (four scrapes at the usual 15 s). */
  static long window(Duration step) {
    return Math.max(60, step.toSeconds());
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : a + "," + b;
  }
}
