package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cli.FakeKubeward.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeward logs}: the requests it makes and what it prints (shapes; CliIT for real). */
class LogsCommandTest {

  private static final String POD = "/api/v1/clusters/local/namespaces/shop/pods/web-1/logs/stream";
  private static final String TAIL = "/api/v1/clusters/local/namespaces/shop/logs/stream";

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

  private static Answer events(String... nameAndData) {
    StringBuilder body = new StringBuilder(": connected\n\n");
    for (int i = 0; i < nameAndData.length; i += 2) {
      body.append("event:")
          .append(nameAndData[i])
          .append("\ndata:")
          .append(nameAndData[i + 1])
          .append("\n\n");
    }
    return new Answer(200, "text/event-stream", body.toString(), Map.of());
  }

  @Test
  void oneContainerIsPrintedPlainWithTheOptionsSent() {
    server.on(
        "GET " + POD,
        events(
            "joined", "{\"pod\":\"web-1\",\"containers\":[\"app\"],\"colour\":3,\"initial\":true}",
            "lines",
                "{\"pod\":\"web-1\",\"container\":\"app\",\"colour\":3,\"lines\":["
                    + "{\"timestamp\":\"2026-12-03T10:00:00Z\",\"text\":\"one\",\"truncated\":false},"
                    + "{\"timestamp\":\"2026-12-03T10:00:01Z\",\"text\":\"two\",\"truncated\":false}]}",
            "finished", "{\"reason\":\"finished\"}"));

    CliRun run =
        cli(
            "logs",
            "web-1",
            "-n",
            "shop",
            "-c",
            "app",
            "--timestamps",
            "--since",
            "10m",
            "--tail",
            "5",
            "-p");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("2026-12-03T10:00:00Z one\n2026-12-03T10:00:01Z two\n");
    assertThat(server.only("GET", POD).query())
        .isEqualTo(
            "follow=false&container=app&previous=true&timestamps=true&since=10m&tailLines=5");
  }

  @Test
  void severalPodsArePrefixedAndJoiningAndLeavingAreSaid() {
    server.on(
        "GET " + TAIL,
        events(
            "joined", "{\"pod\":\"web-1\",\"containers\":[\"app\"],\"colour\":3,\"initial\":true}",
            "capped", "{\"matched\":3,\"followed\":2,\"skipped\":[\"web-9\"]}",
            "lines",
                "{\"pod\":\"web-1\",\"container\":\"app\",\"colour\":3,\"lines\":["
                    + "{\"timestamp\":null,\"text\":\"hello\",\"truncated\":false}]}",
            "joined", "{\"pod\":\"web-2\",\"containers\":[\"app\"],\"colour\":5,\"initial\":false}",
            "left", "{\"pod\":\"web-1\",\"reason\":\"deleted\"}",
            "finished", "{\"reason\":\"idle\"}"));

    CliRun run = cli("logs", "-l", "app=web", "-n", "shop", "-f", "--color", "never");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("--- 3 pods match, only 2 are followed")
        .contains("web-1 app hello\n")
        .contains("--- web-2 joined\n")
        .contains("--- web-1 left (deleted)\n")
        .contains("no new line for the server's idle time-out");
    assertThat(server.only("GET", TAIL).query()).isEqualTo("follow=true&selector=app%3Dweb");

    CliRun coloured =
        cli("logs", "--workload", "deployment/web", "-n", "shop", "--color", "always");
    assertThat(coloured.out()).contains(LogsCommandColours.prefix(3, "web-1 app "));
  }

  @Test
  void aRefusalIsOneSentenceAndANonZeroExit() {
    server.on(
        "GET " + POD,
        Answer.problem(
            403,
            "resource.forbidden",
            "Cluster local refused the request: cannot get resource pods/log"));

    CliRun run = cli("logs", "web-1", "-n", "shop");

    assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(run.err()).contains("pods/log");
    assertThat(cli("logs", "-n", "shop").exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(cli("logs", "web-1", "--workload", "web").exitCode()).isEqualTo(ExitCode.USAGE);
  }

  /** The prefix as the command colours it. */
  static final class LogsCommandColours {
    static String prefix(int colour, String text) {
      return io.kubeward.cli.commands.LogsCommand.colour(colour, text);
    }
  }
}
