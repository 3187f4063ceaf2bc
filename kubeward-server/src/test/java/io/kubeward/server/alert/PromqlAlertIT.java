package io.kubeward.server.alert;

import static io.kubeward.server.alert.AlertingApi.promql;
import static io.kubeward.server.alert.AlertingApi.route;
import static io.kubeward.server.alert.AlertingApi.spec;
import static io.kubeward.server.alert.WebhookMessage.firing;
import static io.kubeward.server.alert.WebhookMessage.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.prometheus.LocalPrometheus;
import io.kubeward.testkit.receiver.RecordingReceiver;
import io.kubeward.testkit.receiver.RecordingReceiver.Answer;
import io.kubeward.testkit.receiver.RecordingReceiver.Request;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A {@code promql} rule evaluated against a real Prometheus (Debian's, {@link LocalPrometheus})
 * fires and resolves. Prometheus scrapes an application that the test plays with a {@link
 * RecordingReceiver}: its {@code /metrics} answer is the queue depth the test sets.
 */
@LocalControlPlane
class PromqlAlertIT {

  static final String CLUSTER = "local";
  static final String JOB = "it-app";

  static RecordingReceiver app;
  static RecordingReceiver hook;
  static LocalPrometheus prometheus;
  static RunningServer server;
  static AlertingApi api;

  @BeforeAll
  static void start(ControlPlane controlPlane, KubernetesClient kube) {
    app = RecordingReceiver.start();
    queueDepth(0);
    hook = RecordingReceiver.start();
    prometheus =
        LocalPrometheus.builder()
            .scrapeInterval(Duration.ofSeconds(1))
            .target(LocalPrometheus.StaticTarget.of(JOB, "127.0.0.1:" + app.port(), "/metrics"))
            .start();
    server = RunningServer.start(AlertingIT.serverArguments(controlPlane));
    RunningServer.Response saved =
        server
            .admin()
            .put(
                "/api/v1/clusters/" + CLUSTER + "/prometheus",
                Map.of(
                    "url",
                    prometheus.baseUrl(),
                    "auth",
                    "none",
                    "allowPrivateAddresses",
                    true,
                    "timeout",
                    10));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    api = AlertingApi.of(server.admin(), kube, CLUSTER);
    api.awaitRuleCrds();
    api.disableDefaultRules();
    api.webhookChannel("promql-hook", hook.url("/hook"));
    Map<String, Object> policy = new LinkedHashMap<>();
    Map<String, Object> root =
        route(List.of(), List.of("promql-hook"), List.of("alertname", "cluster"), "0s");
    root.remove("continue");
    root.remove("matchers");
    policy.put("route", root);
    policy.put("inhibitRules", List.of());
    policy.put("timeIntervals", List.of());
    policy.put("muteDuringMaintenance", true);
    api.policy(policy);
  }

  /** What the application's {@code /metrics} says from now on. */
  static void queueDepth(int depth) {
    app.answer(
        new Answer(
            200,
            "# HELP it_queue_depth Jobs waiting.\n# TYPE it_queue_depth gauge\nit_queue_depth "
                + depth
                + "\n",
            "text/plain; version=0.0.4; charset=utf-8",
            Map.of(),
            Duration.ZERO));
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.deleteClusterRule("it-promql-queue");
      api.enableDefaultRules();
    }
    for (AutoCloseable c : new AutoCloseable[] {server, prometheus, app, hook}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          // best effort
        }
      }
    }
  }

  @Test
  void aPromqlRuleFiresWhenItsExpressionHasSeriesAndResolvesWhenItHasNone() {
    String rule = "it-promql-queue";
    String series = "it_queue_depth{job=\"" + JOB + "\"}";
    prometheus.awaitSamples(series, Duration.ofSeconds(60));
    Map<String, Object> spec = spec("warning", "2s", promql(series + " > 100"));
    spec.put(
        "annotations",
        Map.of(
            "summary", "Queue of {{ $labels.job }} is {{ $value }} deep",
            "summary.zh-CN", "{{ $labels.job }} 的队列深度为 {{ $value }}"));
    api.clusterRule(rule, spec);
    api.awaitAccepted(rule);
    assertThat(api.alerts(rule, "FIRING")).isEmpty();

    queueDepth(250);
    Request fired = hook.awaitRequest(firing(rule), Duration.ofSeconds(60));
    JsonNode alert = WebhookMessage.of(fired).alerts("firing").getFirst();
    assertThat(alert.path("labels").path("job").asString()).isEqualTo(JOB);
    assertThat(alert.path("labels").path("instance").asString())
        .isEqualTo("127.0.0.1:" + app.port());
    assertThat(alert.path("labels").path("alertname").asString()).isEqualTo(rule);
    assertThat(alert.path("annotations").path("summary").asString()).contains("250");
    assertThat(api.alerts(rule, "FIRING")).hasSize(1);

    queueDepth(3);
    hook.awaitRequest(resolved(rule), Duration.ofSeconds(60));
    assertThat(api.alerts(rule, "FIRING")).isEmpty();
    hook.assertAtMost(firing(rule), 1, Duration.ofSeconds(3));
  }
}
