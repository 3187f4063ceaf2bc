package io.kubeward.history.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The usual metric families of a kube-prometheus installation, detected by name: cAdvisor (the
 * kubelet's {@code container_*}; the kubelet's resource metrics use the same names for CPU and
 * memory), kube-state-metrics ({@code kube_*}), node-exporter ({@code node_*}) and Kubeward's own
 * ({@code kubeward_*}, {@code http_server_*}).
 */
public enum MetricFamily {
  CADVISOR(
      "cadvisor",
      List.of(
          "container_cpu_usage_seconds_total",
          "container_memory_working_set_bytes",
          "container_network_receive_bytes_total")),
  KUBE_STATE_METRICS(
      "kube-state-metrics", List.of("kube_pod_info", "kube_pod_status_phase", "kube_node_info")),
  NODE_EXPORTER(
      "node-exporter",
      List.of(
          "node_uname_info", "node_network_receive_bytes_total", "node_filesystem_avail_bytes")),
  KUBEWARD(
      "kubeward",
      List.of(
          "kubeward_cluster_reachable",
          "kubeward_database_up",
          "http_server_requests_seconds_count"));

  private final String wireName;
  private final List<String> markers;

  MetricFamily(String wireName, List<String> markers) {
    this.wireName = wireName;
    this.markers = markers;
  }

  public String wireName() {
    return wireName;
  }

  /** Metric names whose presence shows the family (any one is enough). */
  public List<String> markers() {
    return markers;
  }

  /** The families present among {@code metricNames} (Prometheus' {@code __name__} values). */
  public static Set<MetricFamily> detect(Collection<String> metricNames) {
    Set<String> names = Set.copyOf(metricNames);
    Set<MetricFamily> found = EnumSet.noneOf(MetricFamily.class);
    for (MetricFamily family : values()) {
      for (String marker : family.markers) {
        if (names.contains(marker)) {
          found.add(family);
          break;
        }
      }
    }
    return found;
  }
}
