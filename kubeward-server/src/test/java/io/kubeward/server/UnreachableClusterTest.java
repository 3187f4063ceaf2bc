package io.kubeward.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kubeward.cluster.kube.ClusterConfigurationException;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.user.InitialCredentials;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The server started against a cluster whose API does not answer (a closed local port): it runs,
 * says so, and never leaks a stack trace. No control plane needed.
 */
class UnreachableClusterTest {

  @TempDir static Path dir;
  static RunningServer server;

  @BeforeAll
  static void start() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path kubeconfig =
        Files.writeString(
            dir.resolve("kubeconfig"),
            """
            apiVersion: v1
            kind: Config
            clusters:
            - name: offline
              cluster:
                server: https://127.0.0.1:%d
                insecure-skip-tls-verify: true
            users:
            - name: admin
              user:
                token: not-a-real-token
            contexts:
            - name: offline
              context: {cluster: offline, user: admin}
            current-context: offline
            """
                .formatted(closedPort));
    server =
        RunningServer.start("--kubeconfig", kubeconfig.toString(), "--kubeward.probe.interval=1s");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> server.get("/healthz").json().at("/clusters/0/state").asString(),
            "UNREACHABLE"::equals);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void thereIsNoSpringDefaultUserWithAGeneratedPassword() {
    assertThat(
            server
                .context()
                .getBeanNamesForType(
                    org.springframework.security.core.userdetails.UserDetailsService.class))
        .isEmpty();
  }

  @Test
  void healthStaysUpAndReportsTheClusterUnreachable() {
    Response health = server.get("/healthz");

    assertThat(health.status()).isEqualTo(200);
    JsonNode json = health.json();
    assertThat(json.get("status").asString()).isEqualTo("UP");
    assertThat(json.at("/database/status").asString()).isEqualTo("UP");
    assertThat(server.get("/livez").status()).isEqualTo(200);
    JsonNode cluster = json.at("/clusters/0");
    assertThat(cluster.get("name").asString()).isEqualTo("offline");
    assertThat(cluster.get("reachable").asBoolean()).isFalse();
    assertThat(cluster.get("since").asString()).isNotBlank();
    assertThat(cluster.has("lastError")).as("no error details for anonymous callers").isFalse();
  }

  @Test
  void overviewIsA503ProblemNamingTheCluster() {
    Response overview = server.getAsAdmin("/api/v1/overview");

    assertThat(overview.status()).isEqualTo(503);
    assertThat(overview.contentType()).startsWith("application/problem+json");
    assertThat(overview.raw().headers().firstValue("Retry-After")).hasValue("1");
    JsonNode problem = overview.json();
    assertThat(problem.get("status").asInt()).isEqualTo(503);
    assertThat(problem.get("code").asString()).isEqualTo("cluster.unreachable");
    assertThat(problem.get("type").asString())
        .isEqualTo("urn:kubeward:problem:cluster.unreachable");
    assertThat(problem.get("cluster").asString()).isEqualTo("offline");
    assertThat(problem.get("title").asString()).isEqualTo("Cluster unreachable");
    assertThat(problem.get("detail").asString())
        .startsWith("Kubeward cannot reach the API of cluster \"offline\"")
        .containsIgnoringCase("refused");
    assertThat(overview.body()).doesNotContain("\tat ").doesNotContain("at io.kubeward");
    assertThat(server.getAsAdmin("/api/v1/clusters/offline/overview").status()).isEqualTo(503);
  }

  @Test
  void problemsSpeakSimplifiedChineseWhenAsked() {
    JsonNode problem = server.getAsAdmin("/api/v1/overview", "zh-CN,zh;q=0.9").json();

    assertThat(problem.get("title").asString()).isEqualTo("集群不可达");
    assertThat(problem.get("detail").asString()).startsWith("Kubeward 无法连接集群“offline”的 API");
    assertThat(problem.get("code").asString()).isEqualTo("cluster.unreachable");
  }

  @Test
  void unknownClusterIsA404Problem() {
    Response response = server.getAsAdmin("/api/v1/clusters/nope/overview");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("code").asString()).isEqualTo("cluster.not-found");
    assertThat(response.json().get("detail").asString()).contains("\"nope\"");
  }

  @Test
  void unknownPathIsA404ProblemToo() {
    Response response = server.getAsAdmin("/api/v1/nothing-here", "zh-CN");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("title").asString()).isEqualTo("未找到");
  }

  @Test
  void everythingButHealthNeedsTheAdminPassword() {
    Response anonymous = server.get("/api/v1/overview");
    Response wrong =
        server.send(
            "/api/v1/clusters", new InitialCredentials("admin", "wrong-password", false), null);

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.raw().headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    assertThat(anonymous.json().get("code").asString()).isEqualTo("auth.required");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(server.send("/api/v1/version", null, "zh").json().get("title").asString())
        .isEqualTo("需要身份验证");
  }

  @Test
  void clustersAndVersionReportWhatIsKnown() {
    JsonNode clusters = server.getAsAdmin("/api/v1/clusters").json();
    JsonNode version = server.getAsAdmin("/api/v1/version").json();

    assertThat(clusters).hasSize(1);
    assertThat(clusters.get(0).get("name").asString()).isEqualTo("offline");
    assertThat(clusters.get(0).get("reachable").asBoolean()).isFalse();
    assertThat(clusters.get(0).get("defaultCluster").asBoolean()).isTrue();
    assertThat(clusters.get(0).get("lastError").asString()).containsIgnoringCase("refused");
    assertThat(version.get("kubeward").asString()).isNotBlank();
    assertThat(version.get("cluster").asString()).isEqualTo("offline");
    assertThat(version.get("kubernetes").isNull()).isTrue();
  }

  @Test
  void generatedCredentialsAreAvailableToAnEmbeddingLauncher() {
    InitialCredentials credentials = server.credentials();

    assertThat(credentials.generated()).isTrue();
    assertThat(credentials.password()).hasSize(24);
    assertThat(server.getAsAdmin("/api/v1/clusters").status()).isEqualTo(200);
  }

  @Test
  void missingKubeconfigStopsTheStartWithAClearMessage() {
    assertThatThrownBy(
            () ->
                KubewardServer.start(
                    "--server.port=0",
                    "--kubeward.data-dir=" + dir.resolve("data"),
                    "--kubeconfig=" + dir.resolve("does-not-exist")))
        .rootCause()
        .isInstanceOf(ClusterConfigurationException.class)
        .hasMessageContaining("does-not-exist does not exist or cannot be read");
  }
}
