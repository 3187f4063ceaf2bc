package io.kubeward.release.app.analysis;

import io.kubeward.history.app.PromResult;
import io.kubeward.history.app.PromSeries;
import io.kubeward.history.app.PrometheusApi;
import io.kubeward.history.app.PrometheusConfigStore;
import io.kubeward.release.app.ReleaseAnalysis;
import io.kubeward.release.domain.AnalysisCheck;
import io.kubeward.release.domain.AnalysisPhase;
import io.kubeward.release.domain.AnalysisProgress;
import io.kubeward.release.domain.AnalysisSubject;
import io.kubeward.release.domain.Measurement;
import io.kubeward.release.domain.MeasurementPhase;
import io.kubeward.release.domain.analysis.AnalysisProblem;
import io.kubeward.release.domain.analysis.AnalysisRun;
import io.kubeward.release.domain.analysis.AnalysisValidation;
import io.kubeward.release.domain.analysis.PromqlJudge;
import io.kubeward.release.domain.analysis.PromqlTemplate;
import io.kubeward.release.domain.analysis.ResolvedCheck;
import io.kubeward.release.domain.analysis.SignalFacts;
import io.kubeward.release.domain.analysis.SignalJudge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link ReleaseAnalysis} of Kubeward (ADR 0037): validation by {@link AnalysisValidation},
 * bookkeeping by {@link AnalysisRun}, measurements from two providers: PromQL instant queries
 * against the cluster's configured Prometheus through the history feature's bounded client ({@link
 * PrometheusApi}: the SSRF guard, timeouts and limits of ADR 0021 apply), and built-in signals from
 * the shared cache and the diagnostics engine ({@link AnalysisSignals}). Never throws: whatever
 * goes wrong is an ERROR measurement, and too many in a row fail the analysis.
 */
public final class KubewardReleaseAnalysis implements ReleaseAnalysis {

  private static final System.Logger log =
      System.getLogger(KubewardReleaseAnalysis.class.getName());

  /** The reason of a run whose checks are not valid (the Release's validation missed them). */
  public static final String REASON_INVALID = "InvalidChecks";

  private final PrometheusConfigStore prometheusConfigs;
  private final PrometheusApi prometheus;
  private final AnalysisSignals signals;
  private final AnalysisMeter meter;
  private final AnalysisSettings settings;

  public KubewardReleaseAnalysis(
      PrometheusConfigStore prometheusConfigs,
      PrometheusApi prometheus,
      AnalysisSignals signals,
      AnalysisMeter meter,
      AnalysisSettings settings) {
    this.prometheusConfigs = prometheusConfigs;
    this.prometheus = prometheus;
    this.signals = signals;
    this.meter = meter;
    this.settings = settings;
  }

  @Override
  public List<String> validate(List<AnalysisCheck> checks) {
    return validate(checks, Locale.ENGLISH);
  }

  @Override
  public List<String> validate(List<AnalysisCheck> checks, Locale locale) {
    return AnalysisValidation.describe(AnalysisValidation.validate(checks), locale);
  }

  @Override
  public AnalysisProgress advance(
      AnalysisSubject subject, List<AnalysisCheck> checks, AnalysisProgress previous, Instant now) {
    if (previous.phase().done()) {
      return previous;
    }
    List<AnalysisProblem> problems = AnalysisValidation.validate(checks);
    if (!problems.isEmpty()) {
      meter.ended(AnalysisPhase.FAILED);
      return new AnalysisProgress(
          previous.startedAt(),
          AnalysisPhase.FAILED,
          REASON_INVALID,
          "the checks are not valid: " + problems.getFirst(),
          previous.checks());
    }
    List<ResolvedCheck> resolved = checks.stream().map(AnalysisValidation::resolve).toList();
    Observations observations = new Observations(subject);
    AnalysisProgress next =
        AnalysisRun.advance(
            resolved,
            previous,
            now,
            check -> {
              Measurement m = measure(subject, check, observations, previous.startedAt(), now);
              meter.measured(provider(check), m.phase());
              return m;
            });
    if (next != previous && next.phase().done()) {
      meter.ended(next.phase());
    }
    return next;
  }

  private static String provider(ResolvedCheck check) {
    return check.promql() != null ? "promql" : check.signal().type().value();
  }

  private Measurement measure(
      AnalysisSubject subject,
      ResolvedCheck check,
      Observations observations,
      Instant startedAt,
      Instant now) {
    try {
      PromqlJudge.Verdict verdict =
          check.promql() != null
              ? promql(subject, check.promql(), observations, now)
              : SignalJudge.judge(
                  check.signal(), observations.canary(), startedAt, now, settings.readinessGrace());
      return new Measurement(now, verdict.phase(), verdict.value(), verdict.message());
    } catch (RuntimeException e) {
      log.log(
          System.Logger.Level.DEBUG,
          "Check " + check.name() + " of release " + subject.namespace() + "/" + subject.release(),
          e);
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Measurement(now, MeasurementPhase.ERROR, null, message);
    }
  }

  private PromqlJudge.Verdict promql(
      AnalysisSubject subject, ResolvedCheck.Promql check, Observations observations, Instant now) {
    PrometheusConfigStore.Stored stored = prometheusConfigs.find(subject.cluster()).orElse(null);
    if (stored == null) {
      return new PromqlJudge.Verdict(
          MeasurementPhase.ERROR,
          null,
          "no Prometheus is configured for cluster "
              + subject.cluster()
              + " (an administrator sets one in the cluster's Prometheus settings)");
    }
    List<String> canary =
        check.query().contains("canaryPods") ? podNames(observations.canary()) : List.of();
    List<String> stable =
        check.query().contains("stablePods") ? podNames(observations.stable()) : List.of();
    String query =
        PromqlTemplate.render(
            check.query(), subject.namespace(), subject.release(), canary, stable);
    PromResult result = prometheus.query(subject.cluster(), stored.settings(), query, now);
    List<Double> values = new ArrayList<>();
    for (PromSeries series : result.series()) {
      if (!series.points().isEmpty()) {
        values.add(series.points().getLast().v());
      }
    }
    return PromqlJudge.judge(
        new PromqlJudge.Answer(result.resultType(), values, result.truncated()), check);
  }

  private List<String> podNames(SignalFacts facts) {
    if (facts.pods().size() > settings.maxPodsInQuery()) {
      throw new IllegalStateException(
          facts.pods().size()
              + " pods are more than a query may name (kubeward.release.analysis.max-pods-in-query = "
              + settings.maxPodsInQuery()
              + ")");
    }
    return facts.pods().stream().map(SignalFacts.Pod::name).toList();
  }

  /** The facts of each version, read at most once per advance. */
  private final class Observations {
    private final AnalysisSubject subject;
    private SignalFacts canary;
    private SignalFacts stable;

    Observations(AnalysisSubject subject) {
      this.subject = subject;
    }

    SignalFacts canary() {
      if (canary == null) {
        canary = observe(subject.canaryPodLabels());
      }
      return canary;
    }

    SignalFacts stable() {
      if (stable == null) {
        stable = observe(subject.stablePodLabels());
      }
      return stable;
    }

    private SignalFacts observe(Map<String, String> labels) {
      if (labels.isEmpty()) {
        throw new IllegalStateException("the pods of a version have no labels to be found by");
      }
      return signals.observe(subject.cluster(), subject.namespace(), labels);
    }
  }
}
