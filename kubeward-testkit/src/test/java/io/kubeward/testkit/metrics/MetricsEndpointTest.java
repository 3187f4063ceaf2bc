package io.kubeward.testkit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheExpositionFormatOfWhatTheTestSets() throws Exception {
    try (MetricsEndpoint app = MetricsEndpoint.start()) {
      app.counter("http_requests_total", "Requests.")
          .set("http_requests_total", Map.of("pod", "web-1", "code", "500"), 3)
          .add("http_requests_total", Map.of("pod", "web-1", "code", "500"), 2)
          .set("queue_depth", Map.of(), 0.25)
          .set("odd", Map.of("path", "a\"b\\c\nd"), Double.NaN)
          .set("up_total", Map.of(), Double.POSITIVE_INFINITY);

      HttpResponse<String> response = get(app.url());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("text/plain; version=0.0.4; charset=utf-8");
      assertThat(response.body())
          .isEqualTo(
              """
              # HELP http_requests_total Requests.
              # TYPE http_requests_total counter
              http_requests_total{code="500",pod="web-1"} 5
              # TYPE odd gauge
              odd{path="a\\"b\\\\c\\nd"} NaN
              # TYPE queue_depth gauge
              queue_depth 0.25
              # TYPE up_total counter
              up_total +Inf
              """);
      assertThat(app.value("http_requests_total", Map.of("code", "500", "pod", "web-1")))
          .isEqualTo(5.0);
      assertThat(app.address()).startsWith("127.0.0.1:");
      assertThat(app.target("app").metricsPath()).isEqualTo("/metrics");
      assertThat(app.scrapes()).isEqualTo(1);
    }
  }

  @Test
  void removesSeriesAndAnswers404ElsewhereAnd405ToOtherMethods() throws Exception {
    try (MetricsEndpoint app = MetricsEndpoint.start()) {
      app.set("g", Map.of("a", "1"), 1).set("g", Map.of("a", "2"), 2);
      app.remove("g", Map.of("a", "1"));
      assertThat(get(app.url()).body()).isEqualTo("# TYPE g gauge\ng{a=\"2\"} 2\n");
      app.clear();
      assertThat(get(app.url()).body()).isEmpty();
      assertThat(get(URI.create("http://" + app.address() + "/other")).statusCode()).isEqualTo(404);
      HttpResponse<String> post =
          http.send(
              HttpRequest.newBuilder(app.url()).POST(HttpRequest.BodyPublishers.noBody()).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
    }
  }

  @Test
  void refusesWhatPrometheusCouldNotRead() {
    try (MetricsEndpoint app = MetricsEndpoint.start()) {
      assertThatThrownBy(() -> app.set("1bad", Map.of(), 1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> app.set("ok", Map.of("__name__", "x"), 1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> app.set("ok", Map.of("a-b", "x"), 1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> app.add("c_total", Map.of(), -1))
          .isInstanceOf(IllegalArgumentException.class);
      app.gauge("g", "A gauge.");
      assertThatThrownBy(() -> app.counter("g", "no")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void awaitScrapeReturnsOnceAScrapeReadTheLatestValues() throws Exception {
    try (MetricsEndpoint app = MetricsEndpoint.start()) {
      app.set("g", Map.of(), 1);
      assertThatThrownBy(() -> app.awaitScrape(Duration.ofMillis(50)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("0 scrapes");
      CompletableFuture<Void> waiter =
          CompletableFuture.runAsync(() -> app.awaitScrape(Duration.ofSeconds(10)));
      assertThat(get(app.url()).body()).contains("g 1");
      waiter.get();
      assertThat(app.lastScrape()).isNotNull();
      app.set("g", Map.of(), 2);
      assertThatThrownBy(() -> app.awaitScrape(Duration.ofMillis(50)))
          .isInstanceOf(IllegalStateException.class);
    }
  }
}
