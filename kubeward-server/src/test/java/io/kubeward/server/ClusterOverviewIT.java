package io.kubeward.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The server against a real control plane, as the sandbox starts it (generated password). */
@LocalControlPlane
class ClusterOverviewIT {

  static RunningServer server;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=local",
            "--kubeward.probe.interval=1s");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Kubeward's own metrics on the management port (ADR 0017), from a real cluster's cache. */
  @Test
  void metricsShowTheCacheTheControllersAndTheRoutes() {
    await().atMost(Duration.ofSeconds(60)).until(() -> overview().at("/nodes/total").asInt() == 3);
    assertThat(server.getAsAdmin("/api/v1/clusters/local/overview").status()).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              String metrics = scrape();
              assertThat(metrics)
                  .contains("kubeward_cluster_reachable{cluster=\"local\"} 1.0")
                  .contains("kubeward_cache_objects{cluster=\"local\",kind=\"nodes\"} 3.0")
                  .contains("kubeward_cache_synced{cluster=\"local\",kind=\"pods\"} 1.0")
                  .contains("kubeward_cache_lag_seconds{cluster=\"local\",kind=\"pods\"} 0.0")
                  .containsPattern(
                      "kubeward_cache_lists_seconds_count\\{cluster=\"local\",kind=\"pods\"}"
                          + " [1-9]")
                  .containsPattern(
                      "kubeward_cache_last_event_timestamp_seconds\\{cluster=\"local\","
                          + "kind=\"nodes\"} 1\\.[0-9]+E9")
                  .contains(
                      "kubeward_controller_queue_depth{cluster=\"local\","
                          + "controller=\"maintenance\"}")
                  .contains(
                      "kubeward_controller_reconcile_errors_total{cluster=\"local\","
                          + "controller=\"maintenance\"}")
                  .containsPattern(
                      "http_server_requests_seconds_count\\{[^}]*status=\"200\",[^}]*"
                          + "uri=\"/api/v1/clusters/\\{name}/overview\"} [1-9]")
                  .doesNotContain("uri=\"/api/v1/clusters/local/overview\"");
            });
  }

  private static String scrape() throws Exception {
    java.net.http.HttpResponse<String> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.managementUrl("/metrics")))
                    .timeout(Duration.ofSeconds(20))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static JsonNode overview() {
    Response response = server.getAsAdmin("/api/v1/overview");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  @Test
  void overviewShowsTheFakeNodesAndFollowsADeployment(
      KubernetesClient client, TestNamespace namespace) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode nodes = overview().get("nodes");
              assertThat(nodes.get("total").asInt()).isEqualTo(3);
              assertThat(nodes.get("ready").asInt()).isEqualTo(3);
              assertThat(nodes.get("notReady").asInt()).isZero();
            });
    JsonNode first = overview();
    assertThat(first.get("cluster").asString()).isEqualTo("local");
    assertThat(first.get("kubernetesVersion").asString()).startsWith("v1.");
    assertThat(first.at("/nodes/zones"))
        .extracting(z -> z.get("zone").asString())
        .contains("zone-a", "zone-b");
    assertThat(first.at("/allocatable/pods").asLong()).isPositive();
    int runningBefore = first.at("/pods/byPhase/Running").asInt();

    client.apps().deployments().inNamespace(namespace.name()).resource(web()).create();

    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              JsonNode overview = overview();
              assertThat(overview.at("/pods/byPhase/Running").asInt())
                  .isGreaterThanOrEqualTo(runningBefore + 3);
              // The cache agrees with the API: same number of pods as a fresh LIST.
              assertThat(overview.at("/pods/total").asInt())
                  .isEqualTo(client.pods().inAnyNamespace().list().getItems().size());
              assertThat(overview.at("/deployments/available").asInt()).isPositive();
            });
    assertThat(server.getAsAdmin("/api/v1/clusters/local/overview").status()).isEqualTo(200);
  }

  @Test
  void onlyHealthIsPublic() {
    Response overview = server.get("/api/v1/overview");
    Response health = server.get("/healthz");

    assertThat(overview.status()).isEqualTo(401);
    assertThat(overview.body()).doesNotContain("\"nodes\"");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("UP");
  }

  @Test
  void versionAndClustersNameTheRealCluster() {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(server.getAsAdmin("/api/v1/version").json().get("kubernetes").asString())
                    .startsWith("v1."));
    JsonNode cluster = server.getAsAdmin("/api/v1/clusters").json().get(0);
    assertThat(cluster.get("name").asString()).isEqualTo("local");
    assertThat(cluster.get("reachable").asBoolean()).isTrue();
    assertThat(cluster.get("apiReady").asBoolean()).isTrue();
    assertThat(cluster.get("latencyMillis").asLong()).isNotNegative();
  }

  static Deployment web() {
    Map<String, String> labels = Map.of("app", "web");
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("web")
        .endMetadata()
        .withNewSpec()
        .withReplicas(3)
        .withNewSelector()
        .withMatchLabels(labels)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("web")
        .withImage("nginx:1.27")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
