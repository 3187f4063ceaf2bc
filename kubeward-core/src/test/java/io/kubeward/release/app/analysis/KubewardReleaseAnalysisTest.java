package io.kubeward.release.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.history.app.PromResult;
import io.kubeward.history.app.PromSeries;
import io.kubeward.history.app.PrometheusApi;
import io.kubeward.history.app.PrometheusConfigStore;
import io.kubeward.history.app.PrometheusException;
import io.kubeward.history.domain.PrometheusSettings;
import io.kubeward.release.domain.AnalysisCheck;
import io.kubeward.release.domain.AnalysisPhase;
import io.kubeward.release.domain.AnalysisProgress;
import io.kubeward.release.domain.AnalysisSubject;
import io.kubeward.release.domain.MeasurementPhase;
import io.kubeward.release.domain.analysis.AnalysisRun;
import io.kubeward.release.domain.analysis.SignalFacts;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class KubewardReleaseAnalysisTest {

  static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  static final AnalysisSubject SUBJECT =
      new AnalysisSubject(
          "local",
          "shop",
          "web-v2",
          Map.of("app", "web", "kubeward.io/release-track", "canary"),
          Map.of("app", "web", "pod-template-hash", "abc"));
  static final PrometheusSettings SETTINGS =
      new PrometheusSettings(
          URI.create("http://prometheus.example:9090"),
          PrometheusSettings.Auth.NONE,
          null,
          null,
          null,
          false,
          null,
          true,
          Duration.ofSeconds(5));

  /** A Prometheus answering what the test says, recording the queries. */
  static final class FakePrometheus implements PrometheusApi {
    final List<String> queries = new ArrayList<>();
    Function<String, PromResult> answer = q -> vector(0.0);

    @Override
    public PromResult query(
        String cluster, PrometheusSettings settings, String promql, Instant time) {
      queries.add(promql);
      return answer.apply(promql);
    }

    @Override
    public PromResult range(
        String cluster,
        PrometheusSettings settings,
        String promql,
        Instant start,
        Instant end,
        Duration step) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> metricNames(String cluster, PrometheusSettings settings, int max) {
      return List.of();
    }

    @Override
    public String version(String cluster, PrometheusSettings settings) {
      return "3";
    }
  }

  static PromResult vector(double... values) {
    List<PromSeries> series = new ArrayList<>();
    for (double v : values) {
      series.add(new PromSeries(Map.of(), List.of(new PromSeries.Sample(0, v))));
    }
    return new PromResult("vector", series, false, List.of());
  }

  static final class Store implements PrometheusConfigStore {
    Stored stored = new Stored("local", SETTINGS, "admin", T0);

    @Override
    public Optional<Stored> find(String cluster) {
      return Optional.ofNullable(stored);
    }

    @Override
    public void save(Stored stored) {}

    @Override
    public boolean delete(String cluster) {
      return false;
    }
  }

  static final class Meter implements AnalysisMeter {
    final Map<MeasurementPhase, Integer> measured = new EnumMap<>(MeasurementPhase.class);
    final List<AnalysisPhase> ended = new ArrayList<>();

    @Override
    public void measured(String provider, MeasurementPhase phase) {
      measured.merge(phase, 1, Integer::sum);
    }

    @Override
    public void ended(AnalysisPhase phase) {
      ended.add(phase);
    }
  }

  final FakePrometheus prometheus = new FakePrometheus();
  final Store store = new Store();
  final Meter meter = new Meter();
  SignalFacts canary =
      new SignalFacts(
          List.of(
              new SignalFacts.Pod("web-web-v2-7d9-a", T0, true, 0),
              new SignalFacts.Pod("web-web-v2-7d9-b", T0, true, 2)),
          List.of(),
          List.of(),
          true);
  SignalFacts stable =
      new SignalFacts(
          List.of(new SignalFacts.Pod("web-6b7-x", T0, true, 0)), List.of(), List.of(), true);
  RuntimeException signalsDown;

  final KubewardReleaseAnalysis analysis =
      new KubewardReleaseAnalysis(
          store,
          prometheus,
          (cluster, namespace, labels) -> {
            if (signalsDown != null) {
              throw signalsDown;
            }
            return labels.containsKey("kubeward.io/release-track") ? canary : stable;
          },
          meter,
          AnalysisSettings.DEFAULTS);

  static AnalysisCheck promql(String query, Integer count, Integer errorLimit) {
    return new AnalysisCheck(
        "errors",
        "10s",
        count,
        null,
        null,
        errorLimit,
        null,
        new AnalysisCheck.PromqlCheck(query, "< 0.05", null),
        null);
  }

  @Test
  void fillsThePodsIntoTheQueryAndJudgesPrometheusAnswer() {
    prometheus.answer = q -> vector(0.01);
    AnalysisProgress p =
        analysis.advance(
            SUBJECT,
            List.of(
                promql(
                    "sum(rate(e{namespace=\"{{namespace}}\",pod=~\"{{canaryPods}}\"}[1m])) - sum(x{pod=~\"{{stablePods}}\"})",
                    1,
                    null)),
            AnalysisProgress.start(T0),
            T0);
    assertThat(prometheus.queries)
        .containsExactly(
            "sum(rate(e{namespace=\"shop\",pod=~\"web-web-v2-7d9-a|web-web-v2-7d9-b\"}[1m])) - sum(x{pod=~\"web-6b7-x\"})");
    assertThat(p.phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(p.checks().getFirst().recent().getFirst().value()).isEqualTo("0.01");
    assertThat(meter.measured).containsEntry(MeasurementPhase.SUCCESSFUL, 1);
    assertThat(meter.ended).containsExactly(AnalysisPhase.SUCCESSFUL);
  }

  @Test
  void withoutPrometheusEveryMeasurementIsAnErrorAndTheAnalysisFailsSafe() {
    store.stored = null;
    List<AnalysisCheck> checks = List.of(promql("up", 0, 2));
    AnalysisProgress p = AnalysisProgress.start(T0);
    Instant now = T0;
    for (int i = 0; i < 3; i++) {
      p = analysis.advance(SUBJECT, checks, p, now);
      now = now.plusSeconds(10);
    }
    assertThat(p.phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(p.reason()).isEqualTo(AnalysisRun.REASON_ERROR_LIMIT);
    assertThat(p.checks().getFirst().recent().getLast().message())
        .contains("no Prometheus is configured for cluster local");
    assertThat(meter.measured).containsEntry(MeasurementPhase.ERROR, 3);
    assertThat(prometheus.queries).isEmpty();
  }

  @Test
  void prometheusFailuresAreErrorMeasurementsWithItsReason() {
    prometheus.answer =
        q -> {
          throw PrometheusException.unavailable("local", "connection refused");
        };
    AnalysisProgress p =
        analysis.advance(SUBJECT, List.of(promql("up", 3, 4)), AnalysisProgress.start(T0), T0);
    assertThat(p.phase()).isEqualTo(AnalysisPhase.RUNNING);
    assertThat(p.checks().getFirst().recent().getFirst().phase()).isEqualTo(MeasurementPhase.ERROR);
    assertThat(p.checks().getFirst().recent().getFirst().message()).contains("connection refused");
    // Prometheus back: the error streak ends
    prometheus.answer = q -> vector(0.2);
    p = analysis.advance(SUBJECT, List.of(promql("up", 3, 4)), p, T0.plusSeconds(10));
    assertThat(p.phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(p.reason()).isEqualTo(AnalysisRun.REASON_FAILURE_LIMIT);
    assertThat(p.checks().getFirst().consecutiveErrors()).isZero();
  }

  @Test
  void tooManyPodsForAQueryIsAnError() {
    KubewardReleaseAnalysis small =
        new KubewardReleaseAnalysis(
            store,
            prometheus,
            (c, n, l) -> canary,
            meter,
            new AnalysisSettings(Duration.ofSeconds(30), 1));
    AnalysisProgress p =
        small.advance(
            SUBJECT,
            List.of(promql("up{pod=~\"{{canaryPods}}\"}", 1, 0)),
            AnalysisProgress.start(T0),
            T0);
    assertThat(p.phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(p.checks().getFirst().recent().getFirst().message()).contains("max-pods-in-query");
  }

  @Test
  void signalsReadTheCanaryPodsAndAnUnavailableCacheIsAnError() {
    AnalysisCheck restarts =
        new AnalysisCheck(
            "restarts",
            "5s",
            null,
            null,
            null,
            null,
            null,
            null,
            new AnalysisCheck.SignalCheck("restarts", 1, null));
    AnalysisProgress p =
        analysis.advance(SUBJECT, List.of(restarts), AnalysisProgress.start(T0), T0);
    assertThat(p.phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(p.message()).contains("2 container restarts");

    signalsDown = new AnalysisSignals.SignalsUnavailableException("cluster local is unreachable");
    p = analysis.advance(SUBJECT, List.of(restarts), AnalysisProgress.start(T0), T0);
    assertThat(p.phase()).isEqualTo(AnalysisPhase.RUNNING);
    assertThat(p.checks().getFirst().recent().getFirst().message()).contains("unreachable");
  }

  @Test
  void invalidChecksFailTheRunAndValidateSpeaksBothLanguages() {
    List<AnalysisCheck> bad = List.of(promql("up", 5000, null));
    AnalysisProgress p = analysis.advance(SUBJECT, bad, AnalysisProgress.start(T0), T0);
    assertThat(p.phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(p.reason()).isEqualTo(KubewardReleaseAnalysis.REASON_INVALID);
    assertThat(analysis.validate(bad))
        .containsExactly("checks[0].count: must be between 0 and 1000");
    assertThat(analysis.validate(bad, Locale.SIMPLIFIED_CHINESE))
        .containsExactly("checks[0].count: 必须在 0 到 1000 之间");
    assertThat(analysis.validate(List.of(promql("up", 1, null)))).isEmpty();
  }

  @Test
  void backgroundChecksWithoutACountRunUntilTheReleaseEnds() {
    List<AnalysisCheck> checks = List.of(promql("up", null, null));
    AnalysisProgress p = AnalysisProgress.start(T0);
    for (int i = 0; i < 5; i++) {
      p = analysis.advanceBackground(SUBJECT, checks, p, T0.plusSeconds(10L * i));
    }
    assertThat(p.phase()).isEqualTo(AnalysisPhase.RUNNING);
    assertThat(p.checks().getFirst().successful()).isEqualTo(5);
    // in a step the same check measures once
    assertThat(analysis.advance(SUBJECT, checks, AnalysisProgress.start(T0), T0).phase())
        .isEqualTo(AnalysisPhase.SUCCESSFUL);
  }

  @Test
  void anEndedRunIsReturnedAsItIs() {
    AnalysisProgress done = new AnalysisProgress(T0, AnalysisPhase.FAILED, "x", "y", List.of());
    assertThat(analysis.advance(SUBJECT, List.of(promql("up", 1, null)), done, T0)).isSameAs(done);
  }
}
