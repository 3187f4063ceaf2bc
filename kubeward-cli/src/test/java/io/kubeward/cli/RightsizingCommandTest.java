package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.FakeKubeward.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeward rightsizing list|apply|export|changes|revert}: requests sent and output. */
class RightsizingCommandTest {

  private static final String R = "/api/v1/clusters/local/rightsizing";
  private static final String CHANGE =
      "{\"id\":7,\"namespace\":\"shop\",\"kind\":\"Deployment\",\"workload\":\"web\","
          + "\"container\":\"app\",\"before\":{\"cpuRequest\":\"500m\",\"memoryRequest\":\"512Mi\"},"
          + "\"after\":{\"cpuRequest\":\"110m\",\"memoryRequest\":\"116Mi\"},\"appliedBy\":\"alice\","
          + "\"auditId\":3}";

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
  void listPrintsEachContainersRequestsRecommendationAndWaste() {
    server.on(
        "GET " + R + "/recommendations",
        Answer.json(
            200,
            "{\"source\":\"built-in\",\"windowStart\":\"2026-12-04T11:00:00Z\","
                + "\"windowEnd\":\"2026-12-04T12:00:00Z\",\"items\":[{\"namespace\":\"shop\","
                + "\"kind\":\"Deployment\",\"workload\":\"web\",\"container\":\"app\","
                + "\"current\":{\"cpuRequest\":\"500m\",\"memoryRequest\":\"512Mi\"},"
                + "\"cpuRecommended\":\"110m\",\"memoryRecommended\":\"116Mi\",\"samples\":100,"
                + "\"confidence\":\"medium\",\"verdict\":\"over-provisioned\",\"wastedCpu\":780,"
                + "\"wastedMemory\":830472192}]}"));
    CliRun run = cli("rightsizing", "list", "-n", "shop");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Deployment/web")
        .contains("500m/512Mi")
        .contains("110m/116Mi")
        .contains("over-provisioned")
        .contains("780m")
        .contains("792Mi")
        .contains("built-in");
    assertThat(server.only("GET", R + "/recommendations").query()).isEqualTo("namespace=shop");
  }

  @Test
  void applySendsExactlyTheContainerAndPrintsTheChange() throws Exception {
    server.on("POST " + R + "/apply", Answer.json(200, CHANGE));
    CliRun run =
        cli("rightsizing", "apply", "deployment/web", "-c", "app", "-n", "shop", "--cpu", "110m");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode body = Json.MAPPER.readTree(server.only("POST", R + "/apply").body());
    assertThat(body.path("kind").asText()).isEqualTo("deployment");
    assertThat(body.path("name").asText()).isEqualTo("web");
    assertThat(body.path("container").asText()).isEqualTo("app");
    assertThat(body.path("cpu").asText()).isEqualTo("110m");
    assertThat(body.has("memory")).isFalse();
    assertThat(body.path("raiseLimits").asBoolean()).isFalse();
    assertThat(run.out()).contains("500m/512Mi → 110m/116Mi").contains("#7");
  }

  @Test
  void aRevertRefusedAsAConflictExitsNonZeroWithTheServersSentence() {
    server.on(
        "POST " + R + "/changes/7/revert",
        Answer.problem(409, "rightsizing.changed-since", "The requests were changed since"));
    CliRun run = cli("rightsizing", "revert", "7");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("changed since");
  }

  @Test
  void aWorkloadWithoutKindIsAUsageError() {
    CliRun run = cli("rightsizing", "export", "web", "-c", "app");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("KIND/NAME");
    assertThat(server.requests).noneMatch(r -> r.path().startsWith(R));
  }
}
