package io.kubeward.testkit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubeward.testkit.prometheus.LocalPrometheus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus scrapes a {@link MetricsEndpoint}: gauges read back as set, counters give a
 * rate, a changed value is seen after {@link MetricsEndpoint#awaitScrape}.
 */
class MetricsEndpointScrapeIT {

  @Test
  void prometheusReadsTheGaugesAndCountersTheTestSets() {
    try (MetricsEndpoint app = MetricsEndpoint.start();
        LocalPrometheus prometheus =
            LocalPrometheus.builder()
                .scrapeInterval(Duration.ofSeconds(1))
                .target(app.target("it-app"))
                .start()) {
      Map<String, String> web1 = Map.of("pod", "web-1", "code", "500");
      app.set("it_errors_total", web1, 0).set("it_queue_depth", Map.of(), 7);
      String gauge = "it_queue_depth{job=\"it-app\"}";
      assertThat(
              prometheus
                  .awaitSamples(gauge, Duration.ofSeconds(60))
                  .getFirst()
                  .path("value")
                  .get(1)
                  .asText())
          .isEqualTo("7");

      app.set("it_queue_depth", Map.of(), 250);
      app.awaitScrape(Duration.ofSeconds(30));
      assertThat(prometheus.series(gauge + " > 100")).hasSize(1);

      // a counter that grows gives a positive rate
      String rate = "sum(rate(it_errors_total{job=\"it-app\",pod=~\"web-.*\"}[10s])) > 0";
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                app.add("it_errors_total", web1, 10);
                app.awaitScrape(Duration.ofSeconds(10));
                return prometheus.series(rate).size() == 1;
              });
      assertThat(app.scrapes()).isGreaterThan(2);
    }
  }
}
