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
