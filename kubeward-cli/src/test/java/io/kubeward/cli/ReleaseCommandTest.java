package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.FakeKubeward.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeward release list|get|create|promote|abort|…}: the requests sent and the output. */
class ReleaseCommandTest {

  private static final String VIEW =
      "{\"namespace\":\"shop\",\"name\":\"web-v2\",\"deployment\":\"web\",\"strategy\":\"canary\","
          + "\"phase\":\"Paused\",\"currentStep\":1,\"steps\":4,\"canaryWeight\":25,"
          + "\"accepted\":true,\"message\":\"paused until promoted\",\"status\":{\"conditions\":"
          + "[{\"type\":\"Paused\",\"status\":\"True\",\"reason\":\"StepStarted\",\"message\":\"until promoted\"}]}}";
  private static final String PATH = "/api/v1/clusters/local/namespaces/shop/releases/web-v2";

  @TempDir Path home;
  private FakeKubeward server;
  private Map<String, String> environment;

  @BeforeEach
  void start() throws Exception {
    server = new FakeKubeward();
    server.on(
        "GET /api/v1/clusters", Answer.json(200, "[{\"name\":\"local\",\"defaultCluster\":true}]"));
    environment =
        Map.of(
            "KUBEWARD_SERVER", server.url(), "KUBEWARD_TOKEN", "kw_secret", "LANG", "en_US.UTF-8");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CliRun cli(String... args) {
    return CliRun.run(home.resolve("cli.json"), environment, "", args);
  }

  @Test
  void listAndGetPrintPhaseStepAndWeight() {
    server
        .on("GET /api/v1/clusters/local/releases", Answer.json(200, "[" + VIEW + "]"))
        .on("GET " + PATH, Answer.json(200, VIEW));
    CliRun list = cli("release", "list", "-n", "shop");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).contains("web-v2").contains("Paused").contains("1/4").contains("25%");
    assertThat(server.only("GET", "/api/v1/clusters/local/releases").query())
        .isEqualTo("namespace=shop");
    CliRun get = cli("release", "get", "web-v2", "-n", "shop");
    assertThat(get.exitCode()).as(get.err()).isZero();
    assertThat(get.out()).contains("1/4").contains("25 %").contains("StepStarted");
  }

  @Test
  void createPutsTheSpecOfTheFileInItsNamespace() throws Exception {
    Path file = home.resolve("release.yaml");
    Files.writeString(
        file,
        "apiVersion: kubeward.io/v1alpha1\nkind: Release\nmetadata: {name: web-v2, namespace: shop}\n"
            + "spec:\n  deployment: web\n  version: {images: {web: web:2}}\n"
            + "  strategy: {canary: {stableService: web, steps: [{setWeight: 20}]}}\n");
    server.on("PUT " + PATH, Answer.json(200, VIEW));
    CliRun run = cli("release", "create", "-f", file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Release shop/web-v2 written");
    JsonNode body = Json.MAPPER.readTree(server.only("PUT", PATH).body());
    assertThat(body.path("spec").path("deployment").asText()).isEqualTo("web");
    assertThat(body.has("metadata")).isFalse();
  }

  @Test
  void promoteFullAndAbortPostTheirRequests() throws Exception {
    server
        .on("POST " + PATH + "/promote", Answer.json(200, VIEW))
        .on("POST " + PATH + "/abort", Answer.json(200, VIEW.replace("Paused", "Degraded")));
    CliRun promote = cli("release", "promote", "web-v2", "-n", "shop", "--full");
    assertThat(promote.exitCode()).as(promote.err()).isZero();
    assertThat(
            Json.MAPPER
                .readTree(server.only("POST", PATH + "/promote").body())
                .path("full")
                .asBoolean())
        .isTrue();
    CliRun abort = cli("release", "abort", "web-v2", "-n", "shop");
    assertThat(abort.exitCode()).as(abort.err()).isZero();
    assertThat(abort.out()).contains("abort requested (Degraded)");
  }
}
