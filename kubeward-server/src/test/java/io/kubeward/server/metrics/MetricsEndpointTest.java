package io.kubeward.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kubeward.server.KubewardServer;
import io.kubeward.server.OfflineCluster;
import io.kubeward.server.RunningServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /metrics} is served on the management port only, in Prometheus' text format, to loopback
 * callers without a token or to holders of {@code kubeward.metrics.token}; never on the API port.
 */
class MetricsEndpointTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String TOKEN = "metrics-token-of-at-least-32-characters";

  static HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class OnLoopbackWithoutToken {

    RunningServer server;

    @BeforeAll
    void start() {
      server = RunningServer.start("--kubeconfig", OfflineCluster.kubeconfig("offline").toString());
    }

    @AfterAll
    void stop() {
      if (server != null) {
        server.close();
      }
    }

    @Test
    void servesKubewardsMetersInPrometheusFormat() throws Exception {
      // one API request, so that its route has a latency
      assertThat(server.get("/api/v1/clusters").status()).isEqualTo(401);
      assertThat(server.get("/healthz").status()).isEqualTo(200);

      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                HttpResponse<String> metrics = get(server.managementUrl("/metrics"), null);
                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(metrics.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("text/plain");
                assertThat(metrics.body())
                    .contains("kubeward_database_up 1.0")
                    .contains("kubeward_cluster_reachable{cluster=\"offline\"} 0.0")
                    .contains("kubeward_cache_objects{cluster=\"offline\",kind=\"pods\"} 0.0")
                    .contains("kubeward_cache_synced{cluster=\"offline\",kind=\"secrets\"} 0.0")
                    .contains("kubeward_cache_lag_seconds{cluster=\"offline\",kind=\"nodes\"}")
                    .contains(
                        "kubeward_cache_watch_restarts_total{cluster=\"offline\",kind=\"nodes\"}")
                    .contains(
                        "kubeward_cache_lists_seconds_count{cluster=\"offline\",kind=\"pods\"}")
                    .contains(
                        "kubeward_cache_last_event_timestamp_seconds{cluster=\"offline\","
                            + "kind=\"pods\"} NaN")
                    .containsPattern(
                        "http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*"
                            + "uri=\"/healthz\"[^}]*} [1-9]")
                    .contains("http_server_requests_seconds_bucket{")
                    .contains("jvm_memory_used_bytes");
              });
    }

    @Test
    void theApiPortServesNoMetricsAndTheManagementPortNothingElse() throws Exception {
      assertThat(get(server.url("/metrics"), null).body()).doesNotContain("kubeward_");
      assertThat(get(server.url("/actuator/prometheus"), null).body()).doesNotContain("kubeward_");
      assertThat(get(server.managementUrl("/actuator"), null).statusCode()).isEqualTo(404);
      assertThat(get(server.managementUrl("/healthz"), null).statusCode()).isEqualTo(404);
      assertThat(get(server.managementUrl("/api/v1/clusters"), null).statusCode()).isEqualTo(404);
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class WithAToken {

    RunningServer server;

    @BeforeAll
    void start() {
      server =
          RunningServer.start(
              "--kubeconfig",
              OfflineCluster.kubeconfig("offline").toString(),
              "--kubeward.metrics.token=" + TOKEN);
    }

    @AfterAll
    void stop() {
      if (server != null) {
        server.close();
      }
    }

    @Test
    void onlyTheTokenOpensIt() throws Exception {
      HttpResponse<String> anonymous = get(server.managementUrl("/metrics"), null);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      assertThat(anonymous.body()).doesNotContain("kubeward_");
      assertThat(get(server.managementUrl("/metrics"), "wrong-" + TOKEN).statusCode())
          .isEqualTo(401);
      HttpResponse<String> withToken = get(server.managementUrl("/metrics"), TOKEN);
      assertThat(withToken.statusCode()).isEqualTo(200);
      assertThat(withToken.body()).contains("kubeward_database_up");
    }
  }

  @Test
  void aManagementPortOpenToOtherHostsNeedsAToken() {
    Path kubeconfig = OfflineCluster.kubeconfig("offline");
    assertThatThrownBy(
            () ->
                KubewardServer.start(
                        "--kubeconfig=" + kubeconfig,
                        "--server.port=0",
                        "--management.server.address=0.0.0.0",
                        "--kubeward.data-dir=" + kubeconfig.getParent().resolve("data"))
                    .close())
        .hasStackTraceContaining("set kubeward.metrics.token");
    assertThatThrownBy(
            () ->
                KubewardServer.start(
                        "--kubeconfig=" + kubeconfig,
                        "--server.port=0",
                        "--kubeward.metrics.token=short",
                        "--kubeward.data-dir=" + kubeconfig.getParent().resolve("data"))
                    .close())
        .hasStackTraceContaining("at least 32 characters");
  }

  @Test
  void theManagementPortFollowsARandomHttpPortAndDefaultsTo9464() throws IOException {
    org.springframework.mock.env.MockEnvironment random =
        new org.springframework.mock.env.MockEnvironment().withProperty("server.port", "0");
    new ManagementPortDefaults().postProcessEnvironment(random, null);
    assertThat(random.getProperty("management.server.port")).isEqualTo("0");

    org.springframework.mock.env.MockEnvironment fixed =
        new org.springframework.mock.env.MockEnvironment().withProperty("server.port", "8080");
    new ManagementPortDefaults().postProcessEnvironment(fixed, null);
    assertThat(fixed.getProperty("management.server.port")).isEqualTo("9464");

    org.springframework.mock.env.MockEnvironment configured =
        new org.springframework.mock.env.MockEnvironment()
            .withProperty("server.port", "0")
            .withProperty("management.server.port", "9999");
    new ManagementPortDefaults().postProcessEnvironment(configured, null);
    assertThat(configured.getProperty("management.server.port")).isEqualTo("9999");
  }
}
