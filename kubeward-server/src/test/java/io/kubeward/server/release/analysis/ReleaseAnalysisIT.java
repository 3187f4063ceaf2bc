package io.kubeward.server.release.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.release.app.ReleaseAnalysis;
import io.kubeward.release.domain.AnalysisCheck;
import io.kubeward.release.domain.AnalysisPhase;
import io.kubeward.release.domain.AnalysisProgress;
import io.kubeward.release.domain.AnalysisSubject;
import io.kubeward.release.domain.Measurement;
import io.kubeward.release.domain.MeasurementPhase;
import io.kubeward.server.RunningServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.metrics.MetricsEndpoint;
import io.kubeward.testkit.prometheus.LocalPrometheus;
import io.kubeward.testkit.scenario.CrashLoops;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The server's {@link ReleaseAnalysis} bean against real things: a real Prometheus ({@link
 * LocalPrometheus}) scraping a {@link MetricsEndpoint} whose values the test sets, configured for
 * the cluster through the REST API as an administrator does (the history feature's client, its SSRF
 * guard and limits), and real pods of the local control plane (crash-looping KWOK pods) read from
 * the shared cache and the diagnostics engine. Time passes as the controller passes it: each call
 * gets {@code now}.
 */
@LocalControlPlane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReleaseAnalysisIT {

  static final String CLUSTER = "local";
  static final String JOB = "shop";
  static final Duration DEADLINE = Duration.ofSeconds(90);

  static MetricsEndpoint app;
  static LocalPrometheus prometheus;
  static RunningServer server;
  static ReleaseAnalysis analysis;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    app = MetricsEndpoint.start();
    prometheus =
        LocalPrometheus.builder()
            .scrapeInterval(Duration.ofSeconds(1))
            .target(app.target(JOB))
            .start();
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.probe.interval=1s",
            "--kubeward.release.analysis.readiness-grace=0s");
    configurePrometheus(prometheus);
    analysis = server.context().getBean(ReleaseAnalysis.class);
  }

  static void configurePrometheus(LocalPrometheus target) {
    RunningServer.Response saved =
        server
            .admin()
            .put(
                "/api/v1/clusters/" + CLUSTER + "/prometheus",
                Map.of(
                    "url",
                    target.baseUrl(),
                    "auth",
                    "none",
                    "allowPrivateAddresses",
                    true,
                    "timeout",
                    5));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
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

  static AnalysisSubject subject(String namespace, Map<String, String> canaryLabels) {
    return new AnalysisSubject(CLUSTER, namespace, "web-v2", canaryLabels, Map.of("app", "stable"));
  }

  static AnalysisCheck promql(String query, String success, String failure) {
    return new AnalysisCheck(
        "errors",
        "1s",
        1,
        null,
        null,
        null,
        null,
        new AnalysisCheck.PromqlCheck(query, success, failure),
        null);
  }

  static AnalysisCheck signal(String type, Integer max) {
    return new AnalysisCheck(
        type.toLowerCase(java.util.Locale.ROOT),
        "1s",
        1,
        null,
        null,
        null,
        null,
        null,
        new AnalysisCheck.SignalCheck(type, max, null));
  }

  /** One measurement of a fresh run at the current time. */
  static AnalysisProgress measureOnce(AnalysisSubject subject, AnalysisCheck check) {
    return analysis.advance(
        subject, List.of(check), AnalysisProgress.start(Instant.now()), Instant.now());
  }

  /**
   * Measures until the run ends in {@code phase} (the cache and diagnostics catch up), at most the
   * deadline.
   */
  static AnalysisProgress awaitPhase(
      AnalysisSubject subject, AnalysisCheck check, AnalysisPhase phase) {
    AtomicReference<AnalysisProgress> progress = new AtomicReference<>();
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              progress.set(measureOnce(subject, check));
              assertThat(progress.get().phase())
                  .as("%s: %s", check.name(), describe(progress.get()))
                  .isEqualTo(phase);
            });
    return progress.get();
  }

  static String describe(AnalysisProgress progress) {
    return progress.checks().isEmpty() ? progress.message() : String.valueOf(last(progress));
  }

  static Measurement last(AnalysisProgress progress) {
    return progress.checks().getFirst().recent().getLast();
  }

  /** Canary pods of a Deployment, running and ready on KWOK nodes; returns their names. */
  static List<String> canaryPods(KubernetesClient kube, String namespace, String name, int n) {
    kube.apps()
        .deployments()
        .inNamespace(namespace)
        .resource(Workloads.deployment(name, n, Map.of()))
        .create();
    AtomicReference<List<String>> names = new AtomicReference<>();
    await()
        .atMost(DEADLINE)
        .until(
            () -> {
              List<Pod> pods =
                  kube.pods().inNamespace(namespace).withLabel("app", name).list().getItems();
              names.set(pods.stream().map(p -> p.getMetadata().getName()).toList());
              return pods.size() == n
                  && pods.stream().allMatch(p -> "Running".equals(p.getStatus().getPhase()));
            });
    return names.get();
  }

  @Test
  @Order(1)
  void aPromqlCheckPassesFailsAndIsInconclusiveOnTheCanaryPodsSeries(
      KubernetesClient kube, TestNamespace ns) {
    List<String> pods = canaryPods(kube, ns.name(), "web", 2);
    for (String pod : pods) {
      app.set("it_error_ratio", Map.of("namespace", ns.name(), "pod", pod), 0.01);
    }
    app.set("it_error_ratio", Map.of("namespace", ns.name(), "pod", "other-pod"), 0.9);
    String query =
        "max(it_error_ratio{job=\""
            + JOB
            + "\",namespace=\"{{namespace}}\",pod=~\"{{canaryPods}}\"})";
    AnalysisSubject subject = subject(ns.name(), Map.of("app", "web"));
    prometheus.awaitSamples(
        "it_error_ratio{namespace=\"" + ns.name() + "\",pod=\"" + pods.getFirst() + "\"}",
        DEADLINE);

    // the cache must have listed the new pods: until then the regex names fewer pods
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                measureOnce(subject, promql(query, "< 0.05", null)).phase()
                    == AnalysisPhase.SUCCESSFUL);
    AnalysisProgress passed = measureOnce(subject, promql(query, "< 0.05", null));
    assertThat(last(passed).value()).isEqualTo("0.01");
    assertThat(last(passed).message()).contains("meets < 0.05");

    // the canary gets worse: the measurement fails and so does the analysis (failureLimit 0)
    app.set("it_error_ratio", Map.of("namespace", ns.name(), "pod", pods.getLast()), 0.2);
    prometheus.awaitSamples("it_error_ratio{namespace=\"" + ns.name() + "\"} == 0.2", DEADLINE);
    AnalysisProgress failed = measureOnce(subject, promql(query, "< 0.05", null));
    assertThat(failed.phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(last(failed).phase()).isEqualTo(MeasurementPhase.FAILED);
    assertThat(last(failed).value()).isEqualTo("0.2");

    // between the conditions: inconclusive
    AnalysisProgress between = measureOnce(subject, promql(query, "< 0.05", "> 0.5"));
    assertThat(between.phase()).isEqualTo(AnalysisPhase.INCONCLUSIVE);

    // no series: inconclusive
    AnalysisProgress empty =
        measureOnce(subject, promql("it_no_such_metric{pod=~\"{{canaryPods}}\"}", "< 0.05", null));
    assertThat(empty.phase()).isEqualTo(AnalysisPhase.INCONCLUSIVE);
    assertThat(last(empty).message()).contains("no data");

    // a query Prometheus refuses is an error measurement with Prometheus' own words
    AnalysisProgress refused = measureOnce(subject, promql("sum(", "< 1", null));
    assertThat(refused.phase()).isEqualTo(AnalysisPhase.RUNNING);
    assertThat(last(refused).phase()).isEqualTo(MeasurementPhase.ERROR);
    assertThat(last(refused).message()).containsIgnoringCase("parse error");
  }

  @Test
  @Order(2)
  void signalsSeeCrashLoopingCanaryPodsAndPassHealthyOnes(KubernetesClient kube, TestNamespace ns) {
    canaryPods(kube, ns.name(), "healthy", 2);
    AnalysisSubject healthy = subject(ns.name(), Map.of("app", "healthy"));
    awaitPhase(healthy, signal("readinessFailures", 0), AnalysisPhase.SUCCESSFUL);
    assertThat(measureOnce(healthy, signal("restarts", 0)).phase())
        .isEqualTo(AnalysisPhase.SUCCESSFUL);

    Map<String, String> labels = Map.of("app", "crashing", "kubeward.io/release-track", "canary");
    List<String> crashing = CrashLoops.create(kube, ns.name(), "crashing", 2, labels, Map.of());
    CrashLoops.awaitCrashLooping(kube, ns.name(), crashing, DEADLINE);
    AnalysisSubject subject = subject(ns.name(), labels);

    AnalysisProgress restarts = awaitPhase(subject, signal("restarts", 0), AnalysisPhase.FAILED);
    assertThat(last(restarts).message()).contains("container restarts").contains("crashing-");
    awaitPhase(subject, signal("readinessFailures", 0), AnalysisPhase.FAILED);
    // the diagnostics engine finds the crash loop on the pods
    AnalysisProgress findings = awaitPhase(subject, signal("findings", 0), AnalysisPhase.FAILED);
    assertThat(last(findings).message()).contains("findings");
    // a generous maximum lets them pass
    assertThat(measureOnce(subject, signal("findings", 100)).phase())
        .isEqualTo(AnalysisPhase.SUCCESSFUL);

    // no pods with these labels: nothing to judge
    AnalysisProgress none =
        measureOnce(subject(ns.name(), Map.of("app", "nothing-here")), signal("restarts", 0));
    assertThat(none.phase()).isEqualTo(AnalysisPhase.INCONCLUSIVE);
  }

  @Test
  @Order(3)
  void prometheusStoppedGivesErrorsAndTheAnalysisFailsAfterTheErrorLimit(
      KubernetesClient kube, TestNamespace ns) {
    List<String> pods = canaryPods(kube, ns.name(), "web", 1);
    app.set("it_requests_total", Map.of("namespace", ns.name(), "pod", pods.getFirst()), 5);
    prometheus.awaitSamples("it_requests_total{namespace=\"" + ns.name() + "\"}", DEADLINE);
    AnalysisCheck check =
        new AnalysisCheck(
            "requests",
            "10s",
            0,
            null,
            null,
            2,
            null,
            new AnalysisCheck.PromqlCheck(
                "sum(it_requests_total{namespace=\"{{namespace}}\"})", ">= 1", null),
            null);
    AnalysisSubject subject = subject(ns.name(), Map.of("app", "web"));
    Instant start = Instant.now();
    AnalysisProgress p =
        analysis.advance(subject, List.of(check), AnalysisProgress.start(start), start);
    assertThat(last(p).phase()).isEqualTo(MeasurementPhase.SUCCESSFUL);

    prometheus.close();
    Instant now = start;
    for (int i = 1; i <= 2; i++) {
      now = now.plusSeconds(10);
      p = analysis.advance(subject, List.of(check), p, now);
      assertThat(p.phase()).isEqualTo(AnalysisPhase.RUNNING);
      assertThat(last(p).phase()).isEqualTo(MeasurementPhase.ERROR);
      assertThat(last(p).message()).contains("cannot be reached");
    }
    // nothing is due before the interval: no measurement, the same progress
    assertThat(analysis.advance(subject, List.of(check), p, now.plusSeconds(5))).isSameAs(p);
    p = analysis.advance(subject, List.of(check), p, now.plusSeconds(10));
    assertThat(p.phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(p.reason()).isEqualTo("ConsecutiveErrorLimitExceeded");
    assertThat(p.checks().getFirst().errors()).isEqualTo(3);
    assertThat(p.checks().getFirst().successful()).isEqualTo(1);

    // Kubeward's own metrics count the measurements by provider and phase
    assertThat(metrics())
        .containsPattern(
            "kubeward_release_analysis_measurements_total\\{[^}]*phase=\"error\",provider=\"promql\"[^}]*} [1-9]")
        .containsPattern(
            "kubeward_release_analysis_runs_total\\{[^}]*phase=\"failed\"[^}]*} [1-9]");
  }

  static String metrics() {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(server.managementUrl("/metrics")))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
