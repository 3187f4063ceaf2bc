package io.kubeward.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.net.TcpProxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The cluster goes away behind a proxy and comes back: the server keeps running, says the cluster
 * is unreachable, and afterwards shows what changed meanwhile.
 */
@LocalControlPlane
class UnreachableClusterIT {

  private static final String PASSWORD = "a-test-password-for-it";

  @Test
  void reportsAnOutageAndRecoversFromIt(
      ControlPlane controlPlane,
      KubernetesClient client,
      TestNamespace namespace,
      @TempDir Path dir) {
    URI api = URI.create(controlPlane.apiServerUrl());
    try (TcpProxy proxy = TcpProxy.start(api.getHost(), api.getPort());
        RunningServer server =
            RunningServer.start(
                "--kubeconfig="
                    + controlPlane.writeKubewardKubeconfig(
                        dir.resolve("via-proxy"), "https://127.0.0.1:" + proxy.port()),
                "--kubeward.cluster-name=flaky",
                "--kubeward.security.admin-password=" + PASSWORD,
                "--kubeward.probe.interval=1s",
                "--kubeward.client.watch-reconnect-interval=200ms")) {

      // Given a server that sees the cluster
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> server.getAsAdmin("/api/v1/overview").completeOverview());

      // When the cluster's API becomes unreachable
      proxy.cut();

      // Then health stays UP and names the cluster unreachable, and the overview is a 503 problem
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                Response health = server.get("/healthz");
                assertThat(health.status()).isEqualTo(200);
                assertThat(health.json().get("status").asString()).isEqualTo("UP");
                assertThat(health.json().at("/clusters/0/name").asString()).isEqualTo("flaky");
                assertThat(health.json().at("/clusters/0/reachable").asBoolean()).isFalse();
              });
      Response overview = server.getAsAdmin("/api/v1/overview");
      assertThat(overview.status()).isEqualTo(503);
      assertThat(overview.contentType()).startsWith("application/problem+json");
      assertThat(overview.json().get("code").asString()).isEqualTo("cluster.unreachable");
      assertThat(overview.json().get("cluster").asString()).isEqualTo("flaky");
      assertThat(overview.json().get("detail").asString()).contains("\"flaky\"");

      // And a pod is created meanwhile (directly, not through the proxy)
      client.pods().inNamespace(namespace.name()).resource(pod("during-outage")).create();

      // When the API comes back
      proxy.restore();

      // Then reachability recovers and the overview includes the pod created during the outage
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                JsonNode cluster = server.getAsAdmin("/api/v1/clusters").json().get(0);
                assertThat(cluster.get("reachable").asBoolean()).isTrue();
                assertOverviewMatchesTheApi(server, client);
              });

      // And a pod created after the recovery appears too (the watch is live again)
      client.pods().inNamespace(namespace.name()).resource(pod("after-outage")).create();
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertOverviewMatchesTheApi(server, client));
    }
  }

  @Test
  void startsAgainstAnUnreachableClusterAndLoadsItWhenItAppears(
      ControlPlane controlPlane, KubernetesClient client, @TempDir Path dir) {
    URI api = URI.create(controlPlane.apiServerUrl());
    try (TcpProxy proxy = TcpProxy.start(api.getHost(), api.getPort())) {
      // Given a cluster that does not answer when Kubeward starts
      proxy.cut();
      try (RunningServer server =
          RunningServer.start(
              "--kubeconfig="
                  + controlPlane.writeKubewardKubeconfig(
                      dir.resolve("via-proxy"), "https://127.0.0.1:" + proxy.port()),
              "--kubeward.cluster-name=late",
              "--kubeward.security.admin-password=" + PASSWORD,
              "--kubeward.probe.interval=1s",
              "--kubeward.client.watch-reconnect-interval=200ms")) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> server.get("/healthz").json().at("/clusters/0/state").asString(),
                "UNREACHABLE"::equals);
        assertThat(server.getAsAdmin("/api/v1/overview").status()).isEqualTo(503);

        // When it appears
        proxy.restore();

        // Then the informers, which failed their first list, load it after all
        await()
            .atMost(Duration.ofSeconds(90))
            .untilAsserted(
                () -> {
                  assertOverviewMatchesTheApi(server, client);
                  assertThat(
                          server.getAsAdmin("/api/v1/overview").json().at("/nodes/ready").asInt())
                      .isEqualTo(3);
                });
      }
    }
  }

  private static void assertOverviewMatchesTheApi(RunningServer server, KubernetesClient client) {
    Response response = server.getAsAdmin("/api/v1/overview");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("loading").asBoolean()).isFalse();
    assertThat(response.json().at("/pods/total").asInt())
        .isEqualTo(client.pods().inAnyNamespace().list().getItems().size());
  }

  private static Pod pod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("busybox:1.36")
        .endContainer()
        .endSpec()
        .build();
  }
}
