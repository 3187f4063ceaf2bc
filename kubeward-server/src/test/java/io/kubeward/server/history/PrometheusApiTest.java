package io.kubeward.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kubeward.server.OfflineCluster;
import io.kubeward.server.RunningServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The history, Prometheus and PromQL endpoints end to end against a fake Prometheus on 127.0.0.1:
 * admin-only settings (SSRF guard, secrets write-only, audit), problems for every failure (never a
 * 500), bounded answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusApiTest {

  static final String C = "/api/v1/clusters/offline";

  RunningServer server;
  HttpServer prometheus;
  final CountDownLatch release = new CountDownLatch(1);

  @BeforeAll
  void start() throws IOException {
    prometheus = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    prometheus.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    prometheus.createContext("/", this::answer);
    prometheus.start();
    server =
        RunningServer.start(
            "--kubeconfig",
            OfflineCluster.kubeconfig("offline").toString(),
            "--kubeward.history.prometheus.max-series=3");
  }

  @AfterAll
  void stop() {
    release.countDown();
    if (server != null) {
      server.close();
    }
    prometheus.stop(0);
  }

  String url(String mode) {
    return "http://127.0.0.1:" + prometheus.getAddress().getPort() + "/" + mode;
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (path.startsWith("/slow/")) {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (path.startsWith("/html/")) {
      reply(exchange, 200, "text/html", "<html>login</html>");
      return;
    }
    if (path.endsWith("/api/v1/label/__name__/values")) {
      reply(
          exchange,
          200,
          "application/json",
          "{\"status\":\"success\",\"data\":[\"container_cpu_usage_seconds_total\","
              + "\"container_memory_working_set_bytes\",\"kubeward_database_up\"]}");
    } else if (path.endsWith("/api/v1/status/buildinfo")) {
      reply(
          exchange,
          200,
          "application/json",
          "{\"status\":\"success\",\"data\":{\"version\":\"3.1.0\"}}");
    } else if (body.contains("syntax")) {
      reply(
          exchange,
          400,
          "application/json",
          "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:7: parse error: unexpected"
              + " end of input\"}");
    } else if (path.endsWith("/api/v1/query") || path.endsWith("/api/v1/query_range")) {
      StringBuilder result = new StringBuilder();
      for (int i = 0; i < 5; i++) {
        result
            .append(i == 0 ? "" : ",")
            .append("{\"metric\":{\"i\":\"")
            .append(i)
            .append("\"},\"values\":[[1796292000,\"0.5\"],[1796292015,\"NaN\"]]}");
      }
      reply(
          exchange,
          200,
          "application/json",
          "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
              + result
              + "]}}");
    } else {
      reply(exchange, 404, "text/plain", "not found");
    }
  }

  private static void reply(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  Map<String, Object> settings(String mode, boolean allowPrivate, double timeout) {
    return Map.of(
        "url",
        url(mode),
        "auth",
        "bearer",
        "bearerToken",
        "very-secret-token",
        "allowPrivateAddresses",
        allowPrivate,
        "timeout",
        timeout);
  }

  RunningServer.Response configure(String mode, double timeout) {
    return server.admin().put(C + "/prometheus", settings(mode, true, timeout));
  }

  @Test
  void loopbackIsRefusedUnlessAllowedAndTheRefusalIsAudited() {
    RunningServer.Response refused =
        server.admin().put(C + "/prometheus", settings("ok", false, 5));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.problemCode()).isEqualTo("prometheus.address-refused");
    assertThat(refused.json().path("detail").asString()).contains("127.0.0.1", "loopback");
    RunningServer.Response zh =
        server
            .admin()
            .send(
                "PUT",
                C + "/prometheus",
                Map.of("url", "http://169.254.169.254/", "auth", "none"),
                Map.of("Accept-Language", "zh-CN"));
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.json().path("title").asString()).isEqualTo("地址被拒绝");

    RunningServer.Response audit =
        server.admin().get("/api/v1/audit?verb=prometheus.configure&cluster=offline");
    assertThat(audit.json().path("items").toString()).contains("failure", "address-refused");
  }

  @Test
  void settingsAreAdminOnlyAndSecretsWriteOnly() {
    RunningServer.Response saved = configure("ok", 5);
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.body()).doesNotContain("very-secret-token");
    assertThat(saved.json().path("secretStored").asBoolean()).isTrue();
    assertThat(server.admin().get(C + "/prometheus").body()).doesNotContain("very-secret-token");

    // a save without a new secret keeps the stored one
    RunningServer.Response kept =
        server
            .admin()
            .put(
                C + "/prometheus",
                Map.of("url", url("ok"), "auth", "bearer", "allowPrivateAddresses", true));
    assertThat(kept.status()).isEqualTo(200);
    assertThat(kept.json().path("secretStored").asBoolean()).isTrue();

    RunningServer.Session viewer =
        server.newUser(
            "history-viewer", List.of(Map.of("role", "viewer", "cluster", "*", "namespace", "*")));
    assertThat(viewer.get(C + "/prometheus").status()).isEqualTo(403);
    assertThat(viewer.put(C + "/prometheus", settings("ok", true, 5)).status()).isEqualTo(403);

    JsonNode audit = server.admin().get("/api/v1/audit?verb=prometheus.configure").json();
    assertThat(audit.toString()).doesNotContain("very-secret-token").contains("bearerToken: (set");
  }

  @Test
  void checkReportsFamiliesAndPromqlAnswersAreBounded() {
    assertThat(configure("ok", 5).status()).isEqualTo(200);
    JsonNode check = server.admin().post(C + "/prometheus/check", Map.of()).json();
    assertThat(check.path("reachable").asBoolean()).isTrue();
    assertThat(check.path("version").asString()).isEqualTo("3.1.0");
    assertThat(check.path("families").toString()).contains("cadvisor", "kubeward");
    assertThat(check.path("missingFamilies").toString()).contains("node-exporter");

    RunningServer.Response range =
        server
            .admin()
            .post(
                C + "/promql/range",
                Map.of(
                    "query", "rate(x[1m])",
                    "start", "2026-12-03T10:00:00Z",
                    "end", "2026-12-03T10:01:00Z",
                    "step", "15s"));
    assertThat(range.status()).isEqualTo(200);
    assertThat(range.json().path("truncated").asBoolean()).isTrue();
    assertThat(range.json().path("series")).hasSize(3);
    assertThat(range.json().path("series").get(0).path("points").toString())
        .isEqualTo("[[1796292000000,0.5],[1796292015000,null]]");

    RunningServer.Response syntax =
        server.admin().post(C + "/promql/query", Map.of("query", "syntax("));
    assertThat(syntax.status()).isEqualTo(400);
    assertThat(syntax.problemCode()).isEqualTo("promql.rejected");
    assertThat(syntax.json().path("detail").asString())
        .contains("1:7: parse error: unexpected end of input");

    RunningServer.Response tooManyPoints =
        server
            .admin()
            .post(
                C + "/promql/range",
                Map.of(
                    "query", "up",
                    "start", "2026-12-01T00:00:00Z",
                    "end", "2026-12-03T00:00:00Z",
                    "step", "1s"));
    assertThat(tooManyPoints.status()).isEqualTo(400);
    assertThat(tooManyPoints.problemCode()).isEqualTo("history.invalid-request");
  }

  @Test
  void slowAndHtmlPrometheusAreProblemsNotErrors() {
    assertThat(configure("slow", 1).status()).isEqualTo(200);
    long started = System.nanoTime();
    RunningServer.Response slow = server.admin().post(C + "/promql/query", Map.of("query", "up"));
    assertThat(slow.status()).isEqualTo(504);
    assertThat(slow.problemCode()).isEqualTo("prometheus.timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    // other pages answer meanwhile
    assertThat(server.admin().get("/api/v1/clusters").status()).isEqualTo(200);

    assertThat(configure("html", 5).status()).isEqualTo(200);
    RunningServer.Response html = server.admin().post(C + "/promql/query", Map.of("query", "up"));
    assertThat(html.status()).isEqualTo(503);
    assertThat(html.problemCode()).isEqualTo("prometheus.bad-response");
  }

  @Test
  void historyComesFromPrometheusWithWhatIsMissing() {
    assertThat(configure("ok", 5).status()).isEqualTo(200);
    RunningServer.Response history =
        server.admin().get(C + "/history?target=node&name=n1&range=1h");
    assertThat(history.status()).isEqualTo(200);
    JsonNode json = history.json();
    assertThat(json.path("source").asString()).isEqualTo("prometheus");
    assertThat(json.path("step").asLong()).isEqualTo(15);
    assertThat(json.path("series").toString()).contains("\"metric\":\"cpu\"", "millicores");
    assertThat(json.path("missing").toString())
        .contains("needs-node-exporter", "needs-kube-state-metrics");

    RunningServer.Response bad = server.admin().get(C + "/history?target=galaxy");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.problemCode()).isEqualTo("history.invalid-request");
  }

  @Test
  void withoutPrometheusOrSamplesTheSourceIsNoneWithWhatToInstall() {
    server.admin().delete(C + "/prometheus");
    JsonNode json = server.admin().get(C + "/history?target=cluster").json();
    assertThat(json.path("source").asString()).isEqualTo("none");
    assertThat(json.path("message").asString()).contains("metrics-server", "kubectl apply");
    assertThat(server.admin().get("/api/v1/history/status").json().path("clusters").toString())
        .contains("offline");
  }
}
