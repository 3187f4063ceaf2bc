package io.kubeward.server.alert.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.net.TcpProxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The engine on the local control plane, behind a proxy that cuts the cluster off: the site leader
 * raises {@code kubeward:cluster-unreachable} (firing, in the history, in the API for callers who
 * may see it), a restarted server continues from the stored state without firing again, and the
 * alert resolves when the cluster answers again.
 */
@LocalControlPlane
class AlertsIT {

  private static final String CLUSTER = "flaky";
  private static final String RULE = "kubeward:cluster-unreachable";
  private static final String PASSWORD = "an-alerts-it-password";

  @Test
  void aClusterCutOffFiresSurvivesARestartAndResolves(ControlPlane controlPlane, @TempDir Path dir)
      throws Exception {
    URI api = URI.create(controlPlane.apiServerUrl());
    try (TcpProxy proxy = TcpProxy.start(api.getHost(), api.getPort())) {
      Path kubeconfig =
          controlPlane.writeKubewardKubeconfig(
              dir.resolve("via-proxy"), "https://127.0.0.1:" + proxy.port());
      String fingerprint;
      String firingSince;
      try (RunningServer server = start(kubeconfig, dir)) {
        Session admin = server.login("admin", PASSWORD);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    server
                        .getAsAdmin("/api/v1/clusters")
                        .json()
                        .get(0)
                        .get("reachable")
                        .asBoolean());
        assertThat(alerts(admin, "")).isEmpty();

        // When the cluster's API becomes unreachable
        proxy.cut();

        // Then the site leader fires cluster-unreachable once it lasted cluster-unreachable-for
        JsonNode alert =
            await().atMost(Duration.ofSeconds(60)).until(() -> firing(admin), a -> a != null);
        assertThat(alert.path("scope").asString()).isEqualTo("site");
        assertThat(alert.path("cluster").asString()).isEqualTo(CLUSTER);
        assertThat(alert.path("severity").asString()).isEqualTo("critical");
        assertThat(alert.path("labels").path("alertname").asString())
            .isEqualTo("cluster-unreachable");
        assertThat(alert.path("annotations").path("summary.zh-CN").asString()).contains(CLUSTER);
        fingerprint = alert.path("fingerprint").asString();
        firingSince = alert.path("firingSince").asString();

        // the alert with its history, the history queries, the filters
        JsonNode detail = admin.get("/api/v1/alerts/" + fingerprint + "?cluster=" + CLUSTER).json();
        assertThat(detail.path("alert").path("state").asString()).isEqualTo("firing");
        assertThat(kinds(detail.path("history"))).containsExactly("firing");
        assertThat(
                kinds(
                    admin
                        .get("/api/v1/alerts/history?kind=firing&rule=" + RULE)
                        .json()
                        .path("items")))
            .containsExactly("firing");
        assertThat(alerts(admin, "?state=firing&severity=critical&cluster=" + CLUSTER)).hasSize(1);
        assertThat(alerts(admin, "?state=resolved")).isEmpty();
        assertThat(alerts(admin, "?matcher=" + enc("alertname=~\"cluster-.*\""))).hasSize(1);
        assertThat(alerts(admin, "?matcher=" + enc("alertname!=\"cluster-unreachable\"")))
            .isEmpty();

        // bad input and unknown alerts
        Response bad = admin.get("/api/v1/alerts?state=burning");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.problemCode()).isEqualTo("list.invalid-parameter");
        assertThat(admin.get("/api/v1/alerts?matcher=" + enc("x=~\"(\"")).status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/alerts?continue=bm9wZQ").status()).isEqualTo(400);
        Response missing = admin.get("/api/v1/alerts/0123456789abcdef");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.problemCode()).isEqualTo("alerting.alert-not-found");

        // visibility: site alerts to administrators and to callers with a grant on the cluster
        Session stranger = server.newUser("alerts-stranger", List.of());
        assertThat(alerts(stranger, "")).isEmpty();
        assertThat(stranger.get("/api/v1/alerts/" + fingerprint).status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/alerts/history").json().path("items").size()).isZero();
        Session viewer =
            server.newUser(
                "alerts-viewer",
                List.of(Map.of("role", "viewer", "cluster", CLUSTER, "namespace", "*")));
        assertThat(alerts(viewer, "")).hasSize(1);
      }

      // A new server on the same database continues: the alert keeps firing, no second FIRING
      try (RunningServer server = start(kubeconfig, dir)) {
        Session admin = server.login("admin", PASSWORD);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    server
                        .context()
                        .getBean(io.kubeward.alert.app.engine.AlertEngine.class)
                        .holds(io.kubeward.alert.domain.AlertScope.site()));
        JsonNode alert = firing(admin);
        assertThat(alert).isNotNull();
        assertThat(alert.path("firingSince").asString()).isEqualTo(firingSince);

        // When the cluster answers again, the alert resolves (once)
        proxy.restore();
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () ->
                    assertThat(
                            admin
                                .get("/api/v1/alerts/" + fingerprint)
                                .json()
                                .path("alert")
                                .path("state")
                                .asString())
                        .isEqualTo("resolved"));
        JsonNode detail = admin.get("/api/v1/alerts/" + fingerprint).json();
        assertThat(kinds(detail.path("history"))).containsExactly("resolved", "firing");
        assertThat(detail.path("alert").path("resolvedAt").isNull()).isFalse();

        // paging of the history: one entry a page, newest first
        JsonNode first = admin.get("/api/v1/alerts/history?limit=1").json();
        assertThat(kinds(first.path("items"))).containsExactly("resolved");
        JsonNode second =
            admin
                .get(
                    "/api/v1/alerts/history?limit=1&continue="
                        + first.path("continueToken").asString())
                .json();
        assertThat(kinds(second.path("items"))).containsExactly("firing");
      }
    }
  }

  private static RunningServer start(Path kubeconfig, Path dir) {
    return RunningServer.start(
        "--kubeconfig=" + kubeconfig,
        "--kubeward.cluster-name=" + CLUSTER,
        "--kubeward.data-dir=" + dir.resolve("data"),
        "--kubeward.security.admin-password=" + PASSWORD,
        "--kubeward.probe.interval=1s",
        "--kubeward.client.watch-reconnect-interval=200ms",
        "--kubeward.alerting.evaluation-interval=1s",
        "--kubeward.alerting.cluster-unreachable-for=2s",
        "--kubeward.alerting.site-lease-duration=3s",
        "--kubeward.alerting.site-lease-renew=1s");
  }

  private static JsonNode firing(Session admin) {
    for (JsonNode alert : alerts(admin, "?state=firing&rule=" + RULE)) {
      return alert;
    }
    return null;
  }

  private static List<JsonNode> alerts(Session session, String query) {
    Response response = session.get("/api/v1/alerts" + query);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    response.json().path("items").forEach(out::add);
    return out;
  }

  private static List<String> kinds(JsonNode entries) {
    List<String> out = new ArrayList<>();
    entries.forEach(e -> out.add(e.path("kind").asString()));
    return out;
  }

  private static String enc(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }
}
