package io.kubeward.testkit.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubeward.testkit.prometheus.LocalPrometheus;
import io.kubeward.testkit.receiver.RecordingReceiver.Answer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@link RecordingReceiver} plays an application that Prometheus scrapes: the value of its gauge
 * is whatever the test answers (the alerting PromQL IT's premise).
 */
class RecordingReceiverScrapeIT {

  static Answer gauge(int value) {
    return new Answer(
        200,
        "# TYPE it_queue_depth gauge\nit_queue_depth " + value + "\n",
        "text/plain; version=0.0.4; charset=utf-8",
        Map.of(),
        Duration.ZERO);
  }

  @Test
  void prometheusScrapesTheValueTheTestAnswers() {
    try (RecordingReceiver app = RecordingReceiver.start().answer(gauge(7));
        LocalPrometheus prometheus =
            LocalPrometheus.builder()
                .scrapeInterval(Duration.ofSeconds(1))
                .target(
                    LocalPrometheus.StaticTarget.of(
                        "it-app", "127.0.0.1:" + app.port(), "/metrics"))
                .start()) {
      String query = "it_queue_depth{job=\"it-app\"}";
      assertThat(
              prometheus
                  .awaitSamples(query, Duration.ofSeconds(60))
                  .getFirst()
                  .path("value")
                  .get(1)
                  .asText())
          .isEqualTo("7");
      app.answer(gauge(250));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> prometheus.series(query + " > 100").size() == 1);
      assertThat(app.requests(r -> r.path().equals("/metrics"))).isNotEmpty();
    }
  }
}
