package io.kubeward.server.release.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.gateway.GatewayApiCrds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/clusters/{c}/release-routers} on the local control plane: the Gateway API
 * router present with the CRDs installed and absent — with the reason in the caller's language —
 * without them; the ingress-nginx router absent without an IngressClass of ingress-nginx.
 */
@LocalControlPlane
class ReleaseRoutersIT {

  private static final String CLUSTER = "local";
  private static final String PATH = "/api/v1/clusters/" + CLUSTER + "/release-routers";
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  @TempDir static Path dir;
  private static RunningServer server;
  private static KubernetesClient admin;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    admin = controlPlane.newAdminClient();
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.release.traffic.presence-ttl=0s");
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                server.admin().get("/api/v1/clusters/" + CLUSTER + "/overview").completeOverview());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    GatewayApiCrds.install(admin); // leave the plane as other classes expect it
    admin.close();
  }

  @Test
  void reportsEachRouterWithTheReasonInTheCallersLanguage() {
    GatewayApiCrds.install(admin);
    Map<String, JsonNode> present = routers("en");
    assertThat(present.get("gatewayApi").get("present").asBoolean()).isTrue();
    assertThat(present.get("gatewayApi").get("reason").asString()).isEmpty();
    assertThat(present.get("gatewayApi").get("supportsHeaderRoutes").asBoolean()).isTrue();
    assertThat(present).containsKey("ingressNginx");

    GatewayApiCrds.uninstall(admin);
    JsonNode absent = routers("en").get("gatewayApi");
    assertThat(absent.get("present").asBoolean()).isFalse();
    assertThat(absent.get("reason").asString()).contains("httproutes.gateway.networking.k8s.io");
    assertThat(routers("zh-CN").get("gatewayApi").get("reason").asString()).contains("未安装");

    boolean nginx =
        admin.network().v1().ingressClasses().list().getItems().stream()
            .anyMatch(c -> "k8s.io/ingress-nginx".equals(c.getSpec().getController()));
    if (!nginx) {
      JsonNode ingress = routers("zh-CN").get("ingressNginx");
      assertThat(ingress.get("present").asBoolean()).isFalse();
      assertThat(ingress.get("reason").asString()).contains("未安装 ingress-nginx");
    }
  }

  @Test
  void anUnknownClusterIsNotFound() {
    var answer = server.admin().get("/api/v1/clusters/nowhere/release-routers");
    assertThat(answer.status()).isEqualTo(404);
  }

  private static Map<String, JsonNode> routers(String language) {
    var answer = server.getAsAdmin(PATH, language);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    Map<String, JsonNode> byType = new HashMap<>();
    for (JsonNode item : answer.json()) {
      byType.put(item.get("type").asString(), item);
    }
    return byType;
  }
}
