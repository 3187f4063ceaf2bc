package io.kubeward.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/monitoring/kubeward-prometheus-rules.yaml} is a PrometheusRule whose groups
 * Prometheus' own checker accepts ({@code promtool check rules}, from Debian's {@code prometheus}
 * package, as the testkit's LocalPrometheus uses; {@code -Dkubeward.promtool=<path>} to use
 * another).
 */
class PrometheusRulesIT {

  static Path promtool() {
    String configured = System.getProperty("kubeward.promtool");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path candidate = Path.of(dir, "promtool");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "promtool not found: install Debian's prometheus package (apt-get install prometheus) or"
            + " set -Dkubeward.promtool=<path>");
  }

  @Test
  void promtoolAcceptsTheRules(@TempDir Path dir) throws IOException, InterruptedException {
    GenericKubernetesResource rule =
        Serialization.unmarshal(
            Files.readString(Path.of("..", "docs", "monitoring", "kubeward-prometheus-rules.yaml")),
            GenericKubernetesResource.class);
    assertThat(rule.getKind()).isEqualTo("PrometheusRule");
    assertThat(rule.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    Object groups =
        rule.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec
            ? spec.get("groups")
            : null;
    assertThat(groups).isNotNull();
    Path file = dir.resolve("kubeward-rules.yaml");
    Files.writeString(file, Serialization.asYaml(Map.of("groups", groups)));

    Process process =
        new ProcessBuilder(promtool().toString(), "check", "rules", file.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("SUCCESS: 12 rules found");
  }
}
