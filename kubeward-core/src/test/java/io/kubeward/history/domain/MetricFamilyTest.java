package io.kubeward.history.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricFamilyTest {

  @Test
  void detectsTheUsualFamiliesByName() {
    assertThat(
            MetricFamily.detect(
                List.of(
                    "container_cpu_usage_seconds_total",
                    "kube_pod_info",
                    "up",
                    "kubeward_cluster_reachable")))
        .containsExactlyInAnyOrder(
            MetricFamily.CADVISOR, MetricFamily.KUBE_STATE_METRICS, MetricFamily.KUBEWARD);
    assertThat(
            MetricFamily.detect(List.of("node_uname_info", "http_server_requests_seconds_count")))
        .containsExactlyInAnyOrder(MetricFamily.NODE_EXPORTER, MetricFamily.KUBEWARD);
    // the kubelet's resource metrics (node_cpu_usage_seconds_total) are not node-exporter
    assertThat(
            MetricFamily.detect(List.of("node_cpu_usage_seconds_total", "scrape_duration_seconds")))
        .isEmpty();
  }

  @Test
  void queriesNameTheFamilyTheyNeed() {
    Duration step = Duration.ofMinutes(1);
    assertThat(PromQueries.of(HistoryTarget.node("n1"), HistoryMetric.CPU, step).orElseThrow())
        .isEqualTo(
            new PromQueries.Query(
                "sum(max by (namespace, pod, container) (rate(container_cpu_usage_seconds_total"
                    + "{node=\"n1\",container!=\"\",container!=\"POD\"}[60s]))) * 1000",
                MetricFamily.CADVISOR));
    assertThat(
            PromQueries.of(HistoryTarget.node("n1"), HistoryMetric.NETWORK_RECEIVE, step)
                .orElseThrow()
                .needs())
        .isEqualTo(MetricFamily.NODE_EXPORTER);
    assertThat(
            PromQueries.of(HistoryTarget.namespace("a"), HistoryMetric.PODS, step)
                .orElseThrow()
                .needs())
        .isEqualTo(MetricFamily.KUBE_STATE_METRICS);
    assertThat(
            PromQueries.of(
                    HistoryTarget.workload("a", "Deployment", "web.app"),
                    HistoryMetric.MEMORY,
                    step)
                .orElseThrow()
                .promql())
        .contains("pod=~\"web\\\\.app-[a-z0-9]{1,10}-[a-z0-9]{5}\"");
  }
}
