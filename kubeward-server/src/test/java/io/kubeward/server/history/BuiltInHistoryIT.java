package io.kubeward.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The built-in history on a real cluster: with no Prometheus configured, the replica that leads the
 * cluster's controllers samples the real metrics-server (KWOK's emulated kubelet metrics) into the
 * database, and the history endpoint returns those samples.
 */
@LocalControlPlane(metrics = true)
class BuiltInHistoryIT {

  static final String C = "/api/v1/clusters/local";
  static RunningServer server;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=local",
            "--kubeward.probe.interval=1s",
            "--kubeward.history.sample-interval=10s",
            "--kubeward.history.compact-interval=10s");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theLeaderSamplesTheMetricsApiAndTheHistoryReturnsIt(KubernetesClient admin) {
    String node = admin.nodes().list().getItems().getFirst().getMetadata().getName();
    await()
        .atMost(Duration.ofSeconds(150))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              JsonNode h =
                  server.admin().get(C + "/history?target=node&name=" + node + "&range=1h").json();
              assertThat(h.path("source").asString()).isEqualTo("built-in");
              Map<String, JsonNode> series = new HashMap<>();
              h.path("series").forEach(s -> series.put(s.path("metric").asString(), s));
              assertThat(series).containsKeys("cpu", "memory", "pods");
              assertThat(series.get("memory").path("points").size()).isGreaterThanOrEqualTo(2);
              assertThat(series.get("memory").path("points").get(0).get(1).asDouble()).isPositive();
              assertThat(h.path("missing").toString()).contains("needs-prometheus");
            });
    JsonNode cluster = server.admin().get(C + "/history?target=cluster&range=1h").json();
    assertThat(cluster.path("source").asString()).isEqualTo("built-in");
    assertThat(cluster.path("step").asLong()).isEqualTo(15);

    JsonNode status = server.admin().get("/api/v1/history/status").json();
    JsonNode local = null;
    for (JsonNode c : status.path("clusters")) {
      if (c.path("cluster").asString().equals("local")) {
        local = c;
      }
    }
    assertThat(local).isNotNull();
    assertThat(local.path("source").asString()).isEqualTo("built-in");
    assertThat(local.path("series").asLong()).isGreaterThan(3);
    assertThat(local.path("bytes").asLong()).isPositive();
  }
}
