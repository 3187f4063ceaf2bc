package io.kubeward.testkit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.FakeNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real Prometheus (the Debian package) scrapes the emulated kubelets of the local control plane
 * (resource and cAdvisor-style series under kube-prometheus' names) and a static target, and
 * answers range queries over real samples.
 */
@LocalControlPlane
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LocalPrometheusIT {

  private static final Duration DEADLINE = Duration.ofSeconds(90);

  @Test
  void scrapesEmulatedKubeletsAndAnswersRangeQueries(
      ControlPlane controlPlane, KubernetesClient client, TestNamespace ns) {
    client
        .apps()
        .deployments()
        .inNamespace(ns.name())
        .resource(Workloads.withUsage(Workloads.deployment("api", 2, Map.of()), "300m", "256Mi"))
        .create();

    try (LocalPrometheus prometheus = LocalPrometheus.builder().kubelets(controlPlane).start()) {
      String memory =
          "container_memory_working_set_bytes{job=\"kubelet\",metrics_path=\"/metrics/cadvisor\","
              + "namespace=\""
              + ns.name()
              + "\",image!=\"\"}";
      List<JsonNode> series = prometheus.awaitSeries(memory, 2, DEADLINE);
      assertThat(series)
          .allSatisfy(
              s -> {
                assertThat(s.path("metric").path("container").asText()).isEqualTo("app");
                assertThat(s.path("metric").path("pod").asText()).startsWith("api-");
                assertThat(s.path("metric").path("node").asText()).startsWith("kwok-node-");
                assertThat(s.path("value").get(1).asDouble()).isEqualTo(256.0 * 1024 * 1024);
              });

      // Every node is a target of both kubelet endpoints and reports its own usage.
      List<String> nodes = controlPlane.nodes().stream().map(FakeNode::name).toList();
      List<JsonNode> nodeMemory =
          prometheus.awaitSeries(
              "node_memory_working_set_bytes{job=\"kubelet\",metrics_path=\"/metrics/resource\"}",
              nodes.size(),
              DEADLINE);
      assertThat(nodeMemory)
          .extracting(s -> s.path("metric").path("node").asText())
          .containsAll(nodes);
      assertThat(nodeMemory)
          .allSatisfy(s -> assertThat(s.path("value").get(1).asDouble()).isPositive());

      // A range query over real samples: the CPU rate is the emulated 300m per container.
      String cpu =
          "sum by (pod) (rate(container_cpu_usage_seconds_total{metrics_path=\"/metrics/cadvisor\","
              + "namespace=\""
              + ns.name()
              + "\"}[10s]))";
      await()
          .atMost(DEADLINE)
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                Instant end = Instant.now();
                JsonNode range =
                    prometheus.queryRange(
                        cpu, end.minus(Duration.ofMinutes(3)), end, Duration.ofSeconds(2));
                assertThat(range.path("data").path("resultType").asText()).isEqualTo("matrix");
                List<JsonNode> result = new ArrayList<>();
                range.path("data").path("result").forEach(result::add);
                assertThat(result).hasSize(2);
                for (JsonNode podSeries : result) {
                  // rate() over a counter's first 10 s sees fewer samples: skip those points.
                  JsonNode values = podSeries.path("values");
                  double first = values.get(0).get(0).asDouble();
                  List<Double> settled = new ArrayList<>();
                  values.forEach(
                      point -> {
                        if (point.get(0).asDouble() >= first + 12) {
                          settled.add(point.get(1).asDouble());
                        }
                      });
                  assertThat(settled).hasSizeGreaterThanOrEqualTo(3);
                  assertThat(settled).allSatisfy(v -> assertThat(v).isBetween(0.28, 0.32));
                }
              });

      // Network counters grow at a fixed rate per pod (cAdvisor's names, interface label).
      String network =
          "rate(container_network_receive_bytes_total{metrics_path=\"/metrics/cadvisor\","
              + "namespace=\""
              + ns.name()
              + "\",interface=\"eth0\"}[10s])";
      await()
          .atMost(DEADLINE)
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () ->
                  assertThat(prometheus.series(network))
                      .hasSize(2)
                      .allSatisfy(
                          s ->
                              assertThat(s.path("value").get(1).asDouble())
                                  .isBetween(1900.0, 2200.0)));
    }
  }

  @Test
  void scrapesStaticTargetsAndCleansUp() throws Exception {
    // One Prometheus scrapes another's /metrics as a static target, as tests add Kubeward's.
    try (LocalPrometheus target = LocalPrometheus.builder().start()) {
      LocalPrometheus scraper =
          LocalPrometheus.builder()
              .target(
                  LocalPrometheus.StaticTarget.of(
                      "other-prometheus", "127.0.0.1:" + target.port(), "/metrics"))
              .start();
      try (scraper) {
        List<JsonNode> up = scraper.awaitSamples("up{job=\"other-prometheus\"} == 1", DEADLINE);
        assertThat(up).hasSize(1);
        assertThat(Files.readString(scraper.configFile(), StandardCharsets.UTF_8))
            .contains("other-prometheus");
      }
      assertThat(scraper.logFile()).doesNotExist();
      assertThat(ProcessHandle.current().descendants())
          .noneMatch(
              p ->
                  p.info().arguments().stream()
                      .flatMap(java.util.Arrays::stream)
                      .anyMatch(a -> a.contains(scraper.configFile().toString())));
    }
  }

  @Test
  void promtoolComesWithThePackage() throws Exception {
    try (LocalPrometheus prometheus = LocalPrometheus.builder().start()) {
      assertThat(LocalPrometheus.promtool()).isPresent();
      Process check =
          new ProcessBuilder(
                  LocalPrometheus.promtool().orElseThrow().toString(),
                  "check",
                  "config",
                  prometheus.configFile().toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(check.exitValue()).as(output).isZero();
    }
  }
}
