package io.kubeward.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubeward.server.OfflineCluster;
import io.kubeward.server.RunningServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard and the PrometheusRule examples in {@code docs/monitoring} use only metric
 * names Kubeward exposes (read from a running server's {@code /metrics}), and the dashboard shows
 * every {@code kubeward_*} family.
 */
class MonitoringDocsTest {

  static final Path DOCS = Path.of("..", "docs", "monitoring");
  static final Pattern NAMES =
      Pattern.compile("\\b((?:kubeward|http_server|jvm|process|hikaricp)_[a-z0-9_]+)\\b");

  @Test
  void everyMetricTheDocsUseIsOneKubewardExposes() throws Exception {
    String rules = Files.readString(DOCS.resolve("kubeward-prometheus-rules.yaml"));
    String dashboard = Files.readString(DOCS.resolve("kubeward-grafana-dashboard.json"));
    JsonNode json = JsonMapper.builder().build().readTree(dashboard);
    assertThat(json.path("panels").size()).isGreaterThan(10);
    StringBuilder exprs = new StringBuilder();
    json.path("panels")
        .forEach(
            p ->
                p.path("targets")
                    .forEach(t -> exprs.append(t.path("expr").asString()).append('\n')));

    Set<String> exposed = exposedNames();
    Set<String> used = new TreeSet<>();
    used.addAll(names(rules));
    used.addAll(names(exprs.toString()));
    assertThat(used).isNotEmpty();
    assertThat(exposed).containsAll(used);

    Set<String> families = new TreeSet<>();
    for (String name : exposed) {
      if (name.startsWith("kubeward_")) {
        families.add(name.replaceAll("_(count|sum|bucket|max)$", ""));
      }
    }
    Set<String> shown = new TreeSet<>();
    for (String name : names(exprs.toString())) {
      shown.add(name.replaceAll("_(count|sum|bucket|max)$", ""));
    }
    assertThat(shown).containsAll(families);
  }

  static Set<String> names(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = NAMES.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The names on a running Kubeward's /metrics, after one failed sign-in and one API request. */
  static Set<String> exposedNames() throws Exception {
    try (RunningServer server =
        RunningServer.start("--kubeconfig", OfflineCluster.kubeconfig("offline").toString())) {
      server.login("nobody", "not-the-password-1");
      assertThat(server.get("/api/v1/clusters").status()).isEqualTo(401);
      HttpClient http = HttpClient.newHttpClient();
      Set<String> names = new TreeSet<>();
      await()
          .atMost(Duration.ofSeconds(40))
          .untilAsserted(
              () -> {
                String body =
                    http.send(
                            HttpRequest.newBuilder(URI.create(server.managementUrl("/metrics")))
                                .build(),
                            HttpResponse.BodyHandlers.ofString())
                        .body();
                names.clear();
                for (String line : body.split("\n")) {
                  if (!line.isEmpty() && !line.startsWith("#")) {
                    names.add(line.split("[{ ]", 2)[0]);
                  }
                }
                assertThat(names)
                    .contains(
                        "kubeward_signin_failures_total",
                        // a controller's four meters are registered one after the other
                        "kubeward_controller_queue_depth",
                        "kubeward_controller_leader",
                        "kubeward_controller_reconciles_total",
                        "kubeward_controller_reconcile_errors_total",
                        "http_server_requests_seconds_bucket");
              });
      return names;
    }
  }
}
