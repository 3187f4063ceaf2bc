package io.kubeward.server.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kubeward.server.OfflineCluster;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.testkit.net.TcpProxy;
import io.kubeward.testkit.postgres.LocalPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Kubeward on a real PostgreSQL whose connection is cut and restored (issue 11 §5, ADR 0017):
 * readiness goes DOWN, every endpoint that needs the database answers {@code 503
 * database.unavailable} quickly (never a 500, never a stack trace in the log), sessions and tokens
 * survive, and everything recovers by itself when the database is back.
 */
class DatabaseOutageIT {

  private static LocalPostgres postgres;
  private static TcpProxy proxy;
  private static RunningServer server;

  @BeforeAll
  static void start() {
    postgres = LocalPostgres.start();
    String database = postgres.createDatabase("outage");
    proxy = TcpProxy.start("127.0.0.1", postgres.port());
    server =
        RunningServer.start(
            "--kubeconfig",
            OfflineCluster.kubeconfig("offline").toString(),
            "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database,
            "--spring.datasource.username=" + postgres.user(),
            "--kubeward.probe.interval=1s",
            "--kubeward.health.database-check-interval=0s",
            "--kubeward.health.retry-after=7s");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void anOutageIs503ProblemsAndDownReadinessAndKubewardRecoversByItself() {
    RunningServer.Session admin = server.admin();
    String token = admin.createToken("outage", 1);
    RunningServer.Client bearer = server.bearer(token, Map.of());
    Response ready = server.get("/healthz");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().at("/database/status").asString()).isEqualTo("UP");
    assertThat(admin.get("/api/v1/clusters").status()).isEqualTo(200);

    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    log.start();
    root.addAppender(log);
    try {
      proxy.cut();

      await().atMost(Duration.ofSeconds(20)).until(() -> server.get("/healthz").status() == 503);
      Response down = timed(() -> server.get("/healthz"));
      assertThat(down.json().get("status").asString()).isEqualTo("DOWN");
      assertThat(down.json().at("/database/status").asString()).isEqualTo("DOWN");
      assertThat(down.body()).doesNotContain("5432").doesNotContain("Exception");
      assertThat(down.json().at("/clusters/0/name").asString())
          .as("clusters stay listed in their own section")
          .isEqualTo("offline");
      assertThat(server.get("/livez").status()).isEqualTo(200);

      List<Response> answers = new ArrayList<>();
      answers.add(timed(() -> admin.get("/api/v1/clusters")));
      answers.add(timed(() -> admin.get("/api/v1/auth/me")));
      answers.add(timed(() -> admin.get("/api/v1/audit?limit=5")));
      answers.add(timed(() -> bearer.get("/api/v1/clusters")));
      answers.add(
          timed(
              () ->
                  admin.post(
                      "/api/v1/auth/tokens", Map.of("name", "during-outage", "expiresInDays", 1))));
      answers.add(
          timed(() -> server.login("admin", RunningServer.CHANGED_ADMIN_PASSWORD).lastLogin()));
      for (Response answer : answers) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.problemCode()).isEqualTo("database.unavailable");
        assertThat(answer.json().get("title").asString()).isEqualTo("Database unavailable");
        assertThat(answer.raw().headers().firstValue("Retry-After")).hasValue("7");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("5432");
      }
      Response chinese = timed(() -> admin.send("GET", "/api/v1/clusters", null, zh()));
      assertThat(chinese.status()).isEqualTo(503);
      assertThat(chinese.json().get("title").asString()).isEqualTo("数据库不可用");

      proxy.restore();

      await().atMost(Duration.ofSeconds(30)).until(() -> server.get("/healthz").status() == 200);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> admin.get("/api/v1/clusters").status() == 200);
      assertThat(bearer.get("/api/v1/clusters").status())
          .as("the token issued before the outage still works")
          .isEqualTo(200);
      assertThat(server.login("admin", RunningServer.CHANGED_ADMIN_PASSWORD).lastLogin().status())
          .isEqualTo(200);
    } finally {
      root.detachAppender(log);
      log.stop();
    }

    List<ILoggingEvent> events = List.copyOf(log.list);
    assertThat(events)
        .as("no stack trace in the log for an outage")
        .noneMatch(e -> e.getThrowableProxy() != null);
    assertThat(events).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
    assertThat(events)
        .filteredOn(e -> e.getLoggerName().endsWith("DatabaseAvailability"))
        .extracting(ILoggingEvent::getLevel)
        .as("one line when the database goes, one when it is back")
        .containsExactly(Level.WARN, Level.INFO);
    List<ILoggingEvent> warnings =
        events.stream()
            .filter(e -> e.getLevel() == Level.WARN)
            // the cluster of this test is offline: those warnings are about it, not the database
            .filter(e -> !e.getLoggerName().startsWith("io.kubeward.cluster"))
            .filter(e -> !e.getLoggerName().startsWith("io.kubeward.maintenance"))
            .filter(e -> !e.getLoggerName().startsWith("io.kubeward.runtime"))
            .toList();
    assertThat(warnings)
        .filteredOn(e -> e.getLoggerName().startsWith("com.zaxxer.hikari"))
        .as("the pool's warnings: at most one per pooled connection")
        .hasSizeLessThanOrEqualTo(10);
    assertThat(
            warnings.stream()
                .filter(e -> e.getLoggerName().startsWith("io.kubeward"))
                .map(e -> e.getLoggerName() + ": " + whatFailed(e.getFormattedMessage()))
                .toList())
        .as("each of Kubeward's periodic tasks warns once per outage, not once per pass")
        .doesNotHaveDuplicates();
  }

  /** A warning's text up to "failed" (the task), without the error that follows. */
  private static String whatFailed(String message) {
    int failed = message.indexOf(" failed");
    return failed < 0 ? message : message.substring(0, failed);
  }

  private static Map<String, String> zh() {
    return Map.of("Accept-Language", "zh-CN");
  }

  /** An answer within 10 s: the pool's connection timeout is 3 s, nothing waits 30 s. */
  private static Response timed(Supplier<Response> request) {
    long start = System.nanoTime();
    Response response = request.get();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    return response;
  }
}
