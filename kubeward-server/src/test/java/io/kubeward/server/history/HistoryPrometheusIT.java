package io.kubeward.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.prometheus.LocalPrometheus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kubeward against a real Prometheus (Debian's, the testkit's {@code LocalPrometheus}) scraping
 * KWOK's emulated kubelets and Kubeward's own {@code /metrics}: PromQL answers equal Prometheus'
 * raw API for the same query and times, a node's history has real samples, Prometheus scrapes
 * Kubeward.
 */
@LocalControlPlane(metrics = true)
class HistoryPrometheusIT {

  static final String C = "/api/v1/clusters/local";

  static final String NS = "history-prometheus-it";

  static RunningServer server;
  static LocalPrometheus prometheus;
  static KubernetesClient kube;
  static String busyNode;

  @BeforeAll
  static void start(ControlPlane controlPlane, KubernetesClient admin) {
    kube = admin;
    admin
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .serverSideApply();
    admin
        .apps()
        .deployments()
        .inNamespace(NS)
        .resource(Workloads.withUsage(Workloads.deployment("api", 2, Map.of()), "300m", "256Mi"))
        .serverSideApply();
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=local",
            "--kubeward.probe.interval=1s");
    URI management = URI.create(server.managementUrl("/metrics"));
    prometheus =
        LocalPrometheus.builder()
            .kubelets(controlPlane)
            .target(
                LocalPrometheus.StaticTarget.of(
                    "kubeward", "127.0.0.1:" + management.getPort(), "/metrics"))
            .start();
    RunningServer.Response saved =
        server
            .admin()
            .put(
                C + "/prometheus",
                Map.of(
                    "url",
                    prometheus.baseUrl(),
                    "auth",
                    "none",
                    "allowPrivateAddresses",
                    true,
                    "timeout",
                    10));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    // KWOK's emulated kubelets report containers once the pods run
    List<JsonNode> memory =
        prometheus.awaitSeries(
            "container_memory_working_set_bytes{namespace=\"" + NS + "\",container!=\"\"}",
            2,
            Duration.ofSeconds(120));
    busyNode = memory.getFirst().path("metric").path("node").asText();
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      kube.namespaces().withName(NS).delete();
    }
    if (prometheus != null) {
      prometheus.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void prometheusScrapesKubeward() {
    List<JsonNode> up =
        prometheus.awaitSamples("kubeward_database_up{job=\"kubeward\"}", Duration.ofSeconds(60));
    assertThat(up.getFirst().path("value").get(1).asText()).isEqualTo("1");
    tools.jackson.databind.JsonNode check =
        server.admin().post(C + "/prometheus/check", Map.of()).json();
    assertThat(check.path("reachable").asBoolean()).isTrue();
    assertThat(check.path("families").toString()).contains("cadvisor", "kubeward");
  }

  @Test
  void promqlAnswersEqualPrometheusOwnForTheSameQueryAndTimes() {
    String promql = "sum by (node) (container_memory_working_set_bytes{container!=\"\"})";
    prometheus.awaitSeries(promql, 1, Duration.ofSeconds(90));
    // a window that ends 5 s ago holds a point only once the first sample is older than that
    Instant[] window = new Instant[2];
    JsonNode[] answer = new JsonNode[1];
    await("a window with points")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              window[1] = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
              window[0] = window[1].minusSeconds(60);
              answer[0] =
                  prometheus.queryRange(promql, window[0], window[1], Duration.ofSeconds(5));
              return !rawPointsByLabels(answer[0]).isEmpty();
            });
    Instant start = window[0];
    Instant end = window[1];
    JsonNode raw = answer[0];
    RunningServer.Response ours =
        server
            .admin()
            .post(
                C + "/promql/range",
                Map.of(
                    "query",
                    promql,
                    "start",
                    String.valueOf(start.toEpochMilli()),
                    "end",
                    String.valueOf(end.toEpochMilli()),
                    "step",
                    "5s"));
    assertThat(ours.status()).as(ours.body()).isEqualTo(200);
    assertThat(ours.json().path("resultType").asString()).isEqualTo("matrix");
    assertThat(ours.json().path("truncated").asBoolean()).isFalse();
    assertThat(pointsByLabels(ours.json())).isEqualTo(rawPointsByLabels(raw)).isNotEmpty();
  }

  @Test
  void aNodesHourFromPrometheusHasRealSamples() {
    String node = busyNode;
    prometheus.awaitSamples(
        "container_cpu_usage_seconds_total{node=\"" + node + "\"}", Duration.ofSeconds(90));
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              tools.jackson.databind.JsonNode h =
                  server.admin().get(C + "/history?target=node&name=" + node + "&range=1h").json();
              assertThat(h.path("source").asString()).isEqualTo("prometheus");
              assertThat(h.path("step").asLong()).isEqualTo(15);
              Map<String, tools.jackson.databind.JsonNode> series = new HashMap<>();
              h.path("series").forEach(s -> series.put(s.path("metric").asString(), s));
              assertThat(series).containsKeys("cpu", "memory");
              assertThat(series.get("memory").path("points").size()).isPositive();
              assertThat(series.get("memory").path("points").get(0).get(1).asDouble()).isPositive();
              assertThat(series.get("cpu").path("unit").asString()).isEqualTo("millicores");
              assertThat(series.get("cpu").path("points").size()).isPositive();
              // the kubelets have no node-exporter or kube-state-metrics: said, not hidden
              assertThat(h.path("missing").toString())
                  .contains("needs-node-exporter", "needs-kube-state-metrics");
            });
    // the workload's history: its pods by name, 300m of CPU each once the rate has two samples
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              tools.jackson.databind.JsonNode w =
                  server
                      .admin()
                      .get(
                          C
                              + "/history?target=workload&kind=Deployment&name=api&namespace="
                              + NS
                              + "&range=1h")
                      .json();
              tools.jackson.databind.JsonNode memory = null;
              for (tools.jackson.databind.JsonNode s : w.path("series")) {
                if (s.path("metric").asString().equals("memory")) {
                  memory = s;
                }
              }
              assertThat(memory).isNotNull();
              tools.jackson.databind.JsonNode points = memory.path("points");
              assertThat(points.get(points.size() - 1).get(1).asDouble())
                  .isEqualTo(2 * 256.0 * 1024 * 1024);
            });
  }

  /** labels → [[ms, value]] of Kubeward's answer. */
  static Map<String, List<List<Double>>> pointsByLabels(tools.jackson.databind.JsonNode answer) {
    Map<String, List<List<Double>>> out = new HashMap<>();
    answer
        .path("series")
        .forEach(
            s -> {
              List<List<Double>> points = new java.util.ArrayList<>();
              s.path("points")
                  .forEach(p -> points.add(List.of(p.get(0).asDouble(), p.get(1).asDouble())));
              Map<String, String> labels = new java.util.TreeMap<>();
              s.path("labels")
                  .properties()
                  .forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
              out.put(labelsJson(labels), points);
            });
    return out;
  }

  /** labels → [[ms, value]] of Prometheus' raw answer. */
  static Map<String, List<List<Double>>> rawPointsByLabels(JsonNode raw) {
    Map<String, List<List<Double>>> out = new HashMap<>();
    raw.path("data")
        .path("result")
        .forEach(
            s -> {
              List<List<Double>> points = new java.util.ArrayList<>();
              s.path("values")
                  .forEach(
                      p ->
                          points.add(
                              List.of(
                                  (double) Math.round(p.get(0).asDouble() * 1000),
                                  Double.parseDouble(p.get(1).asText()))));
              Map<String, String> labels = new java.util.TreeMap<>();
              for (Iterator<Map.Entry<String, JsonNode>> it = s.path("metric").fields();
                  it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                labels.put(e.getKey(), e.getValue().asText());
              }
              out.put(labelsJson(labels), points);
            });
    return out;
  }

  static String labelsJson(Map<String, String> labels) {
    StringBuilder b = new StringBuilder("{");
    labels.forEach(
        (k, v) ->
            b.append(b.length() > 1 ? "," : "")
                .append('"')
                .append(k)
                .append("\":\"")
                .append(v)
                .append('"'));
    return b.append('}').toString();
  }
}
