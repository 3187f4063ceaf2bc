package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cli.FakeKubeward.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeward events}: the search and an object's timeline, the queries sent, the table. */
class EventsCommandTest {

  private static final String SEARCH = "/api/v1/clusters/local/events";
  private static final String TIMELINE = "/api/v1/clusters/local/events/timeline";
  private static final String EVENT =
      """
      {"id":7,"namespace":"shop","type":"Warning","reason":"BackOff",
       "message":"Back-off restarting failed container","objectKind":"Pod",
       "objectNamespace":"shop","objectName":"web-1","objectUid":"u","source":"kubelet",
       "count":12,"firstSeen":"2026-11-22T01:00:00Z","lastSeen":"2026-11-22T04:00:00Z"}""";

  @TempDir Path home;
  private FakeKubeward server;
  private Map<String, String> environment;

  @BeforeEach
  void start() throws Exception {
    server = new FakeKubeward();
    environment =
        Map.of(
            "KUBEWARD_SERVER", server.url(),
            "KUBEWARD_TOKEN", "kw_secret",
            "KUBEWARD_CLUSTER", "local",
            "LANG", "en_US.UTF-8");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CliRun cli(String... args) {
    return CliRun.run(home.resolve("cli.json"), environment, "", args);
  }

  @Test
  void searchSendsTheFiltersAndPrintsOneLinePerEvent() {
    server.on(
        "GET " + SEARCH,
        Answer.json(200, "{\"items\":[" + EVENT + "],\"next\":null,\"from\":\"x\",\"to\":\"y\"}"));
    CliRun run =
        cli("events", "-n", "shop", "--type", "Warning", "--text", "back off", "--since", "2h");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(server.only("GET", SEARCH).query())
        .isEqualTo(
            "limit=50&namespace=shop&type=Warning&text=back+off&from=2026-11-22T03%3A00%3A00Z");
    assertThat(run.out())
        .contains("LAST SEEN", "BackOff", "Pod/shop/web-1", "12", "Back-off restarting");
  }

  @Test
  void forShowsTheTimelineOfAnObject() {
    server.on(
        "GET " + TIMELINE,
        Answer.json(
            200,
            "{\"objects\":[{\"kind\":\"Deployment\",\"namespace\":\"shop\",\"name\":\"web\","
                + "\"relation\":\"self\"}],\"events\":["
                + EVENT
                + "],\"truncated\":false}"));
    CliRun run = cli("events", "--for", "deploy/web", "-n", "shop");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(server.only("GET", TIMELINE).query())
        .isEqualTo("kind=Deployment&name=web&limit=50&namespace=shop");
    assertThat(run.out()).contains("Pod/shop/web-1");
  }

  @Test
  void badArgumentsAreUsageErrorsAndNothingIsSent() {
    assertThat(cli("events", "--since", "soon").exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(cli("events", "--for", "web").exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(server.requests).isEmpty();
  }

  @Test
  void nothingFoundSaysSo() {
    server.on(
        "GET " + SEARCH,
        Answer.json(200, "{\"items\":[],\"next\":null,\"from\":\"x\",\"to\":\"y\"}"));
    assertThat(cli("events").out()).contains("No stored events match");
  }
}
