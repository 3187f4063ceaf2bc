package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cli.FakeKubeward.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeward alerts}: list (all clusters unless --cluster), show, history. */
class AlertsCommandTest {

  private static final String ALERT =
      """
      {"fingerprint":"0123456789abcdef","scope":"cluster/local","cluster":"local",
       "rule":"pod-crash-looping","alertname":"pod-crash-looping","severity":"warning",
       "state":"firing","labels":{"alertname":"pod-crash-looping","cluster":"local",
       "namespace":"shop","pod":"web-1","severity":"warning","rule":"pod-crash-looping"},
       "annotations":{"summary":"Pod web-1 crash-loops","summary.zh-CN":"容器组 web-1 反复崩溃"},
       "activeSince":"2026-12-03T10:00:00Z","firingSince":"2026-12-03T10:01:00Z",
       "resolvedAt":null,"lastEvaluated":"2026-12-03T10:02:00Z","value":null}""";
  private static final String ENTRY =
      """
      {"id":9,"at":"2026-12-03T10:01:02Z","scope":"cluster/local","kind":"notification",
       "fingerprint":null,"rule":null,"channel":"ops-webhook","groupKey":"g","payloadHash":"ab",
       "result":"failed","attempt":2,"latencyMillis":40,"error":"503 Service Unavailable",
       "detail":"1 alert"}""";

  @TempDir Path home;
  private FakeKubeward server;

  @BeforeEach
  void start() throws Exception {
    server = new FakeKubeward();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CliRun cli(String lang, String... args) {
    return CliRun.run(
        home.resolve("cli.json"),
        Map.of("KUBEWARD_SERVER", server.url(), "KUBEWARD_TOKEN", "kw_secret", "LANG", lang),
        "",
        args);
  }

  @Test
  void listCoversEveryClusterAndSendsTheFilters() {
    server.on(
        "GET /api/v1/alerts",
        Answer.json(200, "{\"items\":[" + ALERT + "],\"total\":3,\"continueToken\":\"x\"}"));
    CliRun run =
        cli(
            "en_US.UTF-8",
            "alerts",
            "--state",
            "firing",
            "-m",
            "namespace=\"shop\"",
            "--limit",
            "1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(server.only("GET", "/api/v1/alerts").query())
        .isEqualTo("limit=1&state=firing&matcher=namespace%3D%22shop%22");
    assertThat(run.out())
        .contains("firing", "warning", "pod-crash-looping", "shop/web-1", "0123456789abcdef")
        .contains("Showing 1 of 3 alerts");
  }

  @Test
  void listOfOneClusterAndNothingToShow() {
    server.on("GET /api/v1/alerts", Answer.json(200, "{\"items\":[],\"total\":0}"));
    CliRun run = cli("en_US.UTF-8", "alerts", "list", "--cluster", "east");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(server.only("GET", "/api/v1/alerts").query()).isEqualTo("limit=50&cluster=east");
    assertThat(run.out()).contains("No alerts match");
  }

  @Test
  void showPrintsTheAlertInTheUsersLanguageWithItsHistory() {
    server.on(
        "GET /api/v1/alerts/0123456789abcdef",
        Answer.json(200, "{\"alert\":" + ALERT + ",\"history\":[" + ENTRY + "]}"));
    CliRun run = cli("zh_CN.UTF-8", "alerts", "show", "0123456789abcdef");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("容器组 web-1 反复崩溃", "pod=web-1", "ops-webhook", "failed #2 40ms", "503");
  }

  @Test
  void historySendsItsFilters() {
    server.on("GET /api/v1/alerts/history", Answer.json(200, "{\"items\":[" + ENTRY + "]}"));
    CliRun run =
        cli(
            "en_US.UTF-8",
            "alerts",
            "history",
            "--channel",
            "ops-webhook",
            "--kind",
            "notification");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(server.only("GET", "/api/v1/alerts/history").query())
        .isEqualTo("limit=50&channel=ops-webhook&kind=notification");
    assertThat(run.out()).contains("notification", "ops-webhook", "503 Service Unavailable");
  }
}
