package io.kubeward.history.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import io.kubeward.history.app.OutboundGuard;
import io.kubeward.history.app.PromLimits;
import io.kubeward.history.app.PromResult;
import io.kubeward.history.app.PrometheusException;
import io.kubeward.history.domain.PrometheusSettings;
import io.kubeward.history.domain.PrometheusUrl;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bounded client against a small local fake of Prometheus' API (JDK {@code HttpServer} on
 * 127.0.0.1): answers, PromQL errors, a server that is down, slow, answers HTML or a million
 * series.
 */
class JdkPrometheusClientTest {

  static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

  HttpServer server;
  final CountDownLatch release = new CountDownLatch(1);
  final CountDownLatch slowArrived = new CountDownLatch(1);
  final Map<String, String> seen = new ConcurrentHashMap<>();
  JdkPrometheusClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/ok/", this::ok);
    server.createContext(
        "/slow/",
        exchange -> {
          slowArrived.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          reply(
              exchange,
              200,
              "application/json",
              "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
        });
    server.createContext(
        "/html/",
        exchange ->
            reply(
                exchange,
                200,
                "text/html; charset=utf-8",
                "<html><body>Please sign in</body></html>"));
    server.createContext(
        "/redirect/",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.createContext("/huge/", JdkPrometheusClientTest::millionSeries);
    server.start();
    client = client(500, 1000);
  }

  JdkPrometheusClient client(int maxConcurrent, int maxSeries) {
    return new JdkPrometheusClient(
        new PromLimits(
            Duration.ofSeconds(2),
            Duration.ofSeconds(60),
            4L * 1024 * 1024,
            maxSeries,
            100_000,
            11_000,
            Duration.ofDays(32),
            maxConcurrent,
            20_000),
        new OutboundGuard(OutboundGuard.HostResolver.SYSTEM));
  }

  @AfterEach
  void stop() {
    release.countDown();
    client.close();
    server.stop(0);
  }

  String base(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  static PrometheusSettings settings(String url, Duration timeout) {
    return new PrometheusSettings(
        PrometheusUrl.parse(url),
        PrometheusSettings.Auth.BASIC,
        "kubeward",
        null,
        "s3cret",
        false,
        null,
        true,
        timeout);
  }

  private void ok(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    seen.put(
        "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    seen.put("body", URLDecoder.decode(body, StandardCharsets.UTF_8));
    switch (path) {
      case "/ok/api/v1/query_range" ->
          reply(
              exchange,
              200,
              "application/json",
              "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":"
                  + "{\"node\":\"n1\"},\"values\":[[1764756000,\"0.25\"],[1764756015,\"0.5\"]]}]}}");
      case "/ok/api/v1/query" -> {
        if (body.contains("syntax")) {
          reply(
              exchange,
              400,
              "application/json",
              "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter"
                  + " \\\"query\\\": 1:8: parse error: unexpected <op:*>\"}");
        } else {
          reply(
              exchange,
              422,
              "application/json",
              "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"query processing"
                  + " would load too many samples into memory\"}");
        }
      }
      case "/ok/api/v1/label/__name__/values" ->
          reply(
              exchange,
              200,
              "application/json",
              "{\"status\":\"success\",\"data\":[\"container_cpu_usage_seconds_total\",\"up\"]}");
      case "/ok/api/v1/status/buildinfo" ->
          reply(
              exchange,
              200,
              "application/json",
              "{\"status\":\"success\",\"data\":{\"version\":\"3.0.0\",\"revision\":\"x\"}}");
      default -> reply(exchange, 404, "text/plain", "404 page not found");
    }
  }

  private static void millionSeries(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(
          "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
              .getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 1_000_000; i++) {
        out.write(
            ((i == 0 ? "" : ",") + "{\"metric\":{\"pod\":\"p-" + i + "\"},\"value\":[1,\"1\"]}")
                .getBytes(StandardCharsets.UTF_8));
      }
      out.write("]}}".getBytes(StandardCharsets.UTF_8));
    } catch (IOException clientWentAway) {
      // Kubeward stopped reading: expected
    }
  }

  private static void reply(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Test
  void rangeQueriesArePostedWithCredentialsAndParsed() {
    PromResult r =
        client.range(
            "c1",
            settings(base("/ok"), Duration.ofSeconds(5)),
            "sum(rate(x[1m]))",
            T,
            T.plusSeconds(60),
            Duration.ofSeconds(15));
    assertThat(r.resultType()).isEqualTo("matrix");
    assertThat(r.series().getFirst().points()).hasSize(2);
    assertThat(r.series().getFirst().points().get(1).v()).isEqualTo(0.5);
    assertThat(seen.get("authorization")).isEqualTo("Basic a3ViZXdhcmQ6czNjcmV0");
    assertThat(seen.get("body"))
        .contains("query=sum(rate(x[1m]))", "step=15&", "start=1796292000&", "timeout=5000ms");
  }

  @Test
  void aSyntaxErrorIsA400WithPrometheusOwnText() {
    assertThatThrownBy(
            () -> client.query("c1", settings(base("/ok"), Duration.ofSeconds(5)), "syntax *", T))
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> {
              assertThat(e.code()).isEqualTo(PrometheusException.QUERY_REJECTED);
              assertThat(e.kind()).isEqualTo(ErrorKind.INVALID);
              assertThat(e.properties().get("error"))
                  .isEqualTo("invalid parameter \"query\": 1:8: parse error: unexpected <op:*>");
            });
  }

  @Test
  void anEvaluationFailureIsA422() {
    assertThatThrownBy(
            () -> client.query("c1", settings(base("/ok"), Duration.ofSeconds(5)), "count(x)", T))
        .isInstanceOfSatisfying(
            KubewardException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.REJECTED));
  }

  @Test
  void familiesAndVersion() {
    PrometheusSettings s = settings(base("/ok"), Duration.ofSeconds(5));
    assertThat(client.metricNames("c1", s, 100))
        .containsExactly("container_cpu_usage_seconds_total", "up");
    assertThat(client.version("c1", s)).isEqualTo("3.0.0");
  }

  @Test
  void aPrometheusThatIsDownIsUnavailable() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    assertThatThrownBy(
            () ->
                client.query(
                    "c1", settings("http://127.0.0.1:" + closed, Duration.ofSeconds(5)), "up", T))
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> {
              assertThat(e.code()).isEqualTo(PrometheusException.UNAVAILABLE);
              assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
            });
  }

  @Test
  void aSlowPrometheusTimesOutWithoutHoldingOtherRequests() throws Exception {
    PrometheusSettings slow = settings(base("/slow"), Duration.ofSeconds(1));
    var other = Executors.newVirtualThreadPerTaskExecutor();
    Future<Throwable> slowCall =
        other.submit(
            () -> {
              try {
                client.query("c1", slow, "up", T);
                return null;
              } catch (RuntimeException e) {
                return e;
              }
            });
    assertThat(slowArrived.await(10, TimeUnit.SECONDS)).isTrue();
    // another page's request is answered while the slow one waits
    long started = System.nanoTime();
    assertThat(client.version("c1", settings(base("/ok"), Duration.ofSeconds(5))))
        .isEqualTo("3.0.0");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

    Throwable failure = slowCall.get(10, TimeUnit.SECONDS);
    assertThat(failure)
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> {
              assertThat(e.code()).isEqualTo(PrometheusException.TIMEOUT);
              assertThat(e.kind()).isEqualTo(ErrorKind.TIMED_OUT);
            });
    other.shutdownNow();
  }

  @Test
  void theTimeoutIsKeptEvenWhenTheServerNeverAnswers() {
    long started = System.nanoTime();
    assertThatThrownBy(
            () -> client.query("c1", settings(base("/slow"), Duration.ofSeconds(1)), "up", T))
        .isInstanceOfSatisfying(
            KubewardException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TIMED_OUT));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void tooManyRequestsAtOnceAreRefusedAtOnce() throws Exception {
    client.close();
    client = client(1, 1000);
    var other = Executors.newVirtualThreadPerTaskExecutor();
    other.submit(
        () -> {
          try {
            client.query("c1", settings(base("/slow"), Duration.ofSeconds(20)), "up", T);
          } catch (RuntimeException ignored) {
            // the test ends it
          }
        });
    assertThat(slowArrived.await(10, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> client.version("c1", settings(base("/ok"), Duration.ofSeconds(5))))
        .isInstanceOfSatisfying(
            KubewardException.class, e -> assertThat(e.code()).isEqualTo(PrometheusException.BUSY));
    release.countDown();
    other.shutdownNow();
  }

  @Test
  void htmlInsteadOfJsonIsSaidSo() {
    assertThatThrownBy(
            () -> client.query("c1", settings(base("/html"), Duration.ofSeconds(5)), "up", T))
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> {
              assertThat(e.code()).isEqualTo(PrometheusException.BAD_RESPONSE);
              assertThat(e.getMessage()).contains("text/html", "HTML page");
            });
  }

  @Test
  void redirectsAreNotFollowed() {
    assertThatThrownBy(
            () -> client.query("c1", settings(base("/redirect"), Duration.ofSeconds(5)), "up", T))
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> {
              assertThat(e.code()).isEqualTo(PrometheusException.BAD_RESPONSE);
              assertThat(e.getMessage()).contains("does not follow redirects");
            });
  }

  @Test
  void aMillionSeriesAreCutToTheLimitQuickly() {
    long started = System.nanoTime();
    PromResult r =
        client.query(
            "c1", settings(base("/huge"), Duration.ofSeconds(10)), "{__name__=~\".+\"}", T);
    assertThat(r.truncated()).isTrue();
    assertThat(r.series()).hasSize(1000);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void theSsrfGuardRunsBeforeEveryRequest() {
    PrometheusSettings loopback =
        new PrometheusSettings(
            PrometheusUrl.parse(base("/ok")),
            PrometheusSettings.Auth.NONE,
            null,
            null,
            null,
            false,
            null,
            false,
            Duration.ofSeconds(5));
    assertThatThrownBy(() -> client.query("c1", loopback, "up", T))
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> assertThat(e.code()).isEqualTo(PrometheusException.ADDRESS_REFUSED));
    assertThat(seen).isEmpty();
  }

  @Test
  void secretsNeverAppearInTheSettingsText() {
    assertThat(settings(base("/ok"), Duration.ofSeconds(5)).toString()).doesNotContain("s3cret");
    assertThat(List.of(settings(base("/ok"), Duration.ofSeconds(5))).toString())
        .doesNotContain("s3cret");
  }
}
