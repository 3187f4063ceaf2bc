package io.kubeward.server.release.proof;

import static io.kubeward.server.release.proof.ReleaseApi.analysis;
import static io.kubeward.server.release.proof.ReleaseApi.canary;
import static io.kubeward.server.release.proof.ReleaseApi.promqlCheck;
import static io.kubeward.server.release.proof.ReleaseApi.setWeight;
import static io.kubeward.testkit.scenario.ReleaseScenario.CANARY;
import static io.kubeward.testkit.scenario.ReleaseScenario.NEW_IMAGE;
import static io.kubeward.testkit.scenario.ReleaseScenario.STABLE_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.metrics.MetricsEndpoint;
import io.kubeward.testkit.prometheus.LocalPrometheus;
import io.kubeward.testkit.scenario.ReleaseScenario;
import io.kubeward.testkit.scenario.ReleaseScenario.Pods;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A canary whose analysis step asks a real Prometheus ({@link LocalPrometheus}, Debian's) about an
 * error ratio that an application the test controls exposes: a ratio above the threshold fails the
 * analysis, the Release aborts by itself and the stable version gets every replica back; a ratio
 * below it passes and the Release promotes to 100 %.
 */
@LocalControlPlane
class CanaryAnalysisIT {

  static final String CLUSTER = "local";
  static final int TOTAL = 4;
  static final Duration STEP = Duration.ofSeconds(90);

  static final String METRIC = "it_error_ratio";
  static final String JOB = "it-release-app";

  /** The application Prometheus scrapes: the error ratio of each namespace, set by the test. */
  static MetricsEndpoint app;

  static LocalPrometheus prometheus;
  static RunningServer server;
  static ReleaseApi api;

  @BeforeAll
  static void start(ControlPlane controlPlane, KubernetesClient kube) {
    app = MetricsEndpoint.start().gauge(METRIC, "Errors per request of the new version.");
    prometheus =
        LocalPrometheus.builder()
            .scrapeInterval(Duration.ofSeconds(1))
            .target(app.target(JOB))
            .start();
    server = RunningServer.start(CanaryReplicaRatioIT.serverArguments(controlPlane));
    api = ReleaseApi.of(server.admin(), kube, CLUSTER);
    api.prometheus(prometheus.baseUrl());
    api.awaitCrd();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {server, prometheus, app}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          // best effort
        }
      }
    }
  }

  /** setWeight 25 → analysis (3 measurements 2 s apart, error ratio < 5 %) → setWeight 100. */
  static Map<String, Object> release() {
    return canary(
        "web",
        List.of(
            setWeight(25),
            analysis(List.of(promqlCheck("errors", query(), "< 0.05", "2s", 3))),
            setWeight(100)));
  }

  /** The series of {@code namespace} as a PromQL selector. */
  static String series(String namespace) {
    return METRIC + "{job=\"" + JOB + "\",namespace=\"" + namespace + "\"}";
  }

  /** The analysis query: {@code {{namespace}}} is templated with the Release's namespace. */
  static String query() {
    return "max(" + METRIC + "{job=\"" + JOB + "\",namespace=\"{{namespace}}\"})";
  }

  @Test
  void aFailingAnalysisAbortsAndRestoresStable(KubernetesClient kube, TestNamespace ns) {
    ReleaseScenario web = ReleaseScenario.create(kube, ns.name(), "web", TOTAL);
    web.awaitAvailable(STEP);
    app.set(METRIC, Map.of("namespace", ns.name()), 0.5);
    prometheus.awaitSamples(series(ns.name()), STEP);

    api.create(ns.name(), "web-v2", release());
    ReleaseApi.Status degraded =
        api.awaitStatus(
            ns.name(),
            "web-v2",
            "Degraded by the failed analysis",
            s -> s.phase().equals("Degraded"),
            STEP);
    assertThat(degraded.abortReason())
        .as("status.abort.reason in %s", degraded)
        .isEqualTo("AnalysisFailed");
    assertThat(degraded.analysisPhase()).as("status.analysis.phase").isEqualTo("FAILED");
    assertThat(degraded.measurements())
        .as("the failed measurement, with the value Prometheus answered")
        .anySatisfy(
            m -> {
              assertThat(m.path("phase").asString()).isEqualTo("FAILED");
              assertThat(m.path("value").asString()).contains("0.5");
            });

    Pods restored = web.awaitSettled(TOTAL, 0, STEP);
    assertThat(restored.readyWithImage(STABLE_IMAGE)).isEqualTo(TOTAL);
    assertThat(restored.count(CANARY)).isZero();
    assertThat(
            kube.apps()
                .deployments()
                .inNamespace(ns.name())
                .withName("web")
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .getFirst()
                .getImage())
        .as("the target Deployment keeps the stable version")
        .isEqualTo(STABLE_IMAGE);
    assertThat(web.eventCount(ReleaseApi.KIND, "web-v2", "AnalysisFailed"))
        .as("AnalysisFailed Events of the Release")
        .isPositive();
  }

  @Test
  void aPassingAnalysisPromotesToAHundredPercent(KubernetesClient kube, TestNamespace ns) {
    ReleaseScenario web = ReleaseScenario.create(kube, ns.name(), "web", TOTAL);
    web.awaitAvailable(STEP);
    app.set(METRIC, Map.of("namespace", ns.name()), 0.01);
    prometheus.awaitSamples(series(ns.name()), STEP);

    api.create(ns.name(), "web-v2", release());
    ReleaseApi.Status succeeded =
        api.awaitStatus(
            ns.name(),
            "web-v2",
            "Succeeded after the analysis passed",
            s -> s.phase().equals("Succeeded") || s.phase().equals("Degraded"),
            STEP.multipliedBy(2));
    assertThat(succeeded.phase()).as("phase in %s", succeeded).isEqualTo("Succeeded");
    assertThat(succeeded.analysisPhase()).as("status.analysis.phase").isEqualTo("SUCCESSFUL");
    List<JsonNode> measurements = succeeded.measurements();
    assertThat(measurements.stream().filter(m -> m.path("phase").asString().equals("SUCCESSFUL")))
        .as("successful measurements in %s", measurements)
        .hasSizeGreaterThanOrEqualTo(3);

    Pods promoted =
        web.awaitPods(
            "all pods on the new version",
            p -> p.live().size() == TOTAL && p.readyWithImage(NEW_IMAGE) == TOTAL,
            STEP);
    assertThat(promoted.count(CANARY)).isZero();
    assertThat(web.eventCount(ReleaseApi.KIND, "web-v2", "AnalysisSuccessful"))
        .as("AnalysisSuccessful Events of the Release")
        .isPositive();
  }
}
