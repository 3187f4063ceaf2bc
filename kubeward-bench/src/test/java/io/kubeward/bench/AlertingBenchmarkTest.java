package io.kubeward.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kubeward.testkit.receiver.RecordingReceiver;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertingBenchmarkTest {

  @Test
  void kubePrometheusPipelineFromItsDocumentedIntervals() {
    // scrape U(0,30) + evaluation U(0,30) + group_wait 30
    assertThat(AlertingBenchmark.kubePrometheusPercentileSeconds(50, false))
        .isCloseTo(60.0, within(0.01));
    assertThat(AlertingBenchmark.kubePrometheusPercentileSeconds(99, false))
        .isCloseTo(60 + 30 - Math.sqrt(0.02) * 30, within(0.01));
    assertThat(AlertingBenchmark.kubePrometheusPercentileSeconds(50, true))
        .isCloseTo(60.0 + 900, within(0.01));
  }

  @Test
  void aMessageMatchesOnStatusRuleAndLabel() throws Exception {
    try (RecordingReceiver hook = RecordingReceiver.start()) {
      String body =
          "{\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":"
              + "{\"alertname\":\"bench-node-not-ready\",\"node\":\"n-1\"}}]}";
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(hook.url("/hook"))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      RecordingReceiver.Request request = hook.awaitRequest(Duration.ofSeconds(10));
      assertThat(AlertingBenchmark.message("firing", "bench-node-not-ready", "node", "n-1"))
          .accepts(request);
      assertThat(AlertingBenchmark.message("resolved", "bench-node-not-ready", "node", "n-1"))
          .rejects(request);
      assertThat(AlertingBenchmark.message("firing", "bench-node-not-ready", "node", "n-2"))
          .rejects(request);
    }
  }
}
