package io.kubeward.testkit.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusConfigTest {

  @TempDir Path dir;

  @Test
  void staticTargetsWithAndWithoutTokenAndTheScrapeInterval() throws Exception {
    String yaml =
        PrometheusConfig.render(
            Duration.ofSeconds(2),
            null,
            List.of(
                LocalPrometheus.StaticTarget.of("kubeward", "127.0.0.1:9464", "/metrics"),
                LocalPrometheus.StaticTarget.of("secured", "127.0.0.1:9465", "/metrics")
                    .withBearerToken("s3cret")),
            dir);

    assertThat(yaml)
        .contains("scrape_interval: 2s", "scrape_timeout: 2s")
        .contains("- job_name: kubeward\n  metrics_path: /metrics\n  static_configs:\n")
        .contains("  - targets: ['127.0.0.1:9464']")
        .contains("  authorization:\n    credentials_file: " + dir.resolve("target-1.token"))
        .doesNotContain("s3cret")
        .doesNotContain("file_sd_configs");
    assertThat(Files.readString(dir.resolve("target-1.token"))).isEqualTo("s3cret");
  }

  @Test
  void kubeletTargetsAreLabelledAsKubePrometheusLabelsThem() throws Exception {
    var json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(PrometheusConfig.kubeletTargets(10250, List.of("n1", "n2")));

    assertThat(json).hasSize(2);
    assertThat(json.get(1).path("targets").get(0).asText()).isEqualTo("127.0.0.1:10250");
    var labels = json.get(1).path("labels");
    assertThat(labels.path("__metrics_path__").asText())
        .isEqualTo("/metrics/nodes/n2/metrics/resource");
    assertThat(labels.path("job").asText()).isEqualTo("kubelet");
    assertThat(labels.path("node").asText()).isEqualTo("n2");
    assertThat(labels.path("instance").asText()).isEqualTo("n2");
    assertThat(PrometheusConfig.kubeletTargets(1, List.of())).isEqualTo("[]\n");
  }

  @Test
  void noTargetsIsStillAValidConfiguration() throws Exception {
    assertThat(PrometheusConfig.render(Duration.ofSeconds(5), null, List.of(), dir))
        .endsWith("scrape_configs:\n  []\n");
  }

  @Test
  void badInputIsRefusedWithASentence() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LocalPrometheus.StaticTarget.of("a b", "127.0.0.1:1", "/metrics"))
        .withMessageContaining("job names");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LocalPrometheus.builder().scrapeInterval(Duration.ofMillis(10)))
        .withMessageContaining("between 1 s and 60 s");
  }

  @Test
  void missingPackageMessageNamesTheDebianPackage() {
    assertThat(PrometheusPackage.missingMessage("why"))
        .contains("apt-get install -y --no-install-recommends prometheus")
        .contains("-D" + LocalPrometheus.BINARY_PROPERTY);
  }
}
