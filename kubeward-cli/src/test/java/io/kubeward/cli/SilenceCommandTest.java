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

/** {@code kubeward silence create|list|expire}: the requests sent and what is printed. */
class SilenceCommandTest {

  private static final String SILENCE =
      "{\"id\":\"s-1\",\"matchers\":[\"cluster=\\\"local\\\"\",\"alertname=\\\"pod-crash-looping\\\"\"],"
          + "\"startsAt\":\"2026-11-22T05:00:00Z\",\"endsAt\":\"2026-11-22T07:00:00Z\",\"comment\":\"deploying\","
          + "\"createdBy\":\"ops\",\"createdAt\":\"2026-11-22T05:00:00Z\",\"state\":\"active\",\"cluster\":\"local\"}";

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
  void createAddsTheClustersMatcherAndTheEnd() throws Exception {
    server.on("POST /api/v1/silences", Answer.json(201, SILENCE));
    CliRun run =
        cli("silence", "create", "alertname=\"pod-crash-looping\"", "-d", "2h", "-c", "deploying");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Silence s-1 created");
    JsonNode body = Json.MAPPER.readTree(server.only("POST", "/api/v1/silences").body());
    assertThat(body.get("matchers").toString())
        .isEqualTo("[\"cluster=\\\"local\\\"\",\"alertname=\\\"pod-crash-looping\\\"\"]");
    assertThat(body.get("endsAt").asText()).isEqualTo("2026-11-22T07:00:00Z");
    assertThat(body.get("comment").asText()).isEqualTo("deploying");
  }

  @Test
  void listPrintsATableAndExpireSendsDelete() {
    server
        .on("GET /api/v1/silences", Answer.json(200, "[" + SILENCE + "]"))
        .on("DELETE /api/v1/silences/s-1", Answer.json(200, SILENCE.replace("active", "expired")));
    CliRun list = cli("silence", "list");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out())
        .contains("s-1")
        .contains("active")
        .contains("in 2h")
        .contains("deploying");
    assertThat(server.only("GET", "/api/v1/silences").query()).isEqualTo("state=active");
    CliRun expire = cli("silence", "expire", "s-1");
    assertThat(expire.exitCode()).as(expire.err()).isZero();
    assertThat(expire.out()).contains("Silence s-1 expired.");
  }

  @Test
  void aBadDurationIsAUsageError() {
    CliRun run = cli("silence", "create", "a=\"b\"", "-d", "soon", "-c", "x");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("Not a duration: soon");
  }
}
