package io.kubeward.release.domain.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.release.domain.MeasurementPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConditionAndJudgeTest {

  @Test
  void parsesConditions() {
    assertThat(Condition.parse("< 0.05")).contains(new Condition(Condition.Op.LT, 0.05));
    assertThat(Condition.parse(">=1e3")).contains(new Condition(Condition.Op.GE, 1000));
    assertThat(Condition.parse(" != -2 ")).contains(new Condition(Condition.Op.NE, -2));
    assertThat(Condition.parse("== .5")).contains(new Condition(Condition.Op.EQ, 0.5));
    assertThat(Condition.parse("<= 3")).contains(new Condition(Condition.Op.LE, 3));
    assertThat(Condition.parse("> 0")).contains(new Condition(Condition.Op.GT, 0));
    for (String bad :
        new String[] {
          "",
          "<",
          "0.05",
          "< abc",
          "=< 1",
          "< 1 2",
          "< NaN",
          "< Inf",
          "< 1e999",
          "result < 1",
          "< " + "1".repeat(70)
        }) {
      assertThat(Condition.parse(bad)).as(bad).isEmpty();
    }
    assertThat(Condition.parse(null)).isEmpty();
  }

  @Test
  void comparesAndNanMeetsNothing() {
    Condition lt = Condition.parse("< 0.05").orElseThrow();
    assertThat(lt.holds(0.01)).isTrue();
    assertThat(lt.holds(0.05)).isFalse();
    assertThat(lt.holds(Double.NaN)).isFalse();
    assertThat(Condition.parse("!= 0").orElseThrow().holds(Double.NaN)).isFalse();
    assertThat(Condition.parse("> 1").orElseThrow().holds(Double.POSITIVE_INFINITY)).isTrue();
    assertThat(lt.toString()).isEqualTo("< 0.05");
  }

  static ResolvedCheck.Promql promql(String success, String failure) {
    return new ResolvedCheck.Promql(
        "q",
        Condition.parse(success).orElseThrow(),
        failure == null ? null : Condition.parse(failure).orElseThrow());
  }

  static PromqlJudge.Verdict judge(
      String type, List<Double> values, String success, String failure) {
    return PromqlJudge.judge(new PromqlJudge.Answer(type, values, false), promql(success, failure));
  }

  @Test
  void judgesPromqlAnswers() {
    assertThat(judge("vector", List.of(0.01), "< 0.05", null).phase())
        .isEqualTo(MeasurementPhase.SUCCESSFUL);
    assertThat(judge("vector", List.of(0.01), "< 0.05", null).value()).isEqualTo("0.01");
    assertThat(judge("scalar", List.of(0.2), "< 0.05", null).phase())
        .isEqualTo(MeasurementPhase.FAILED);
    // every series must succeed
    PromqlJudge.Verdict two = judge("vector", List.of(0.01, 0.3), "< 0.05", null);
    assertThat(two.phase()).isEqualTo(MeasurementPhase.FAILED);
    assertThat(two.value()).isEqualTo("[0.01, 0.3]");
    assertThat(two.message()).contains("does not meet < 0.05");
    // empty and NaN are inconclusive
    assertThat(judge("vector", List.of(), "< 0.05", null).phase())
        .isEqualTo(MeasurementPhase.INCONCLUSIVE);
    assertThat(judge("vector", List.of(Double.NaN), "< 0.05", null).phase())
        .isEqualTo(MeasurementPhase.INCONCLUSIVE);
    // with a failure condition: neither is inconclusive, failure wins
    assertThat(judge("vector", List.of(0.07), "< 0.05", "> 0.1").phase())
        .isEqualTo(MeasurementPhase.INCONCLUSIVE);
    assertThat(judge("vector", List.of(0.01, 0.2), "< 0.05", "> 0.1").phase())
        .isEqualTo(MeasurementPhase.FAILED);
    assertThat(judge("vector", List.of(0.01), "< 0.05", "> 0.1").phase())
        .isEqualTo(MeasurementPhase.SUCCESSFUL);
    // a range vector is an error of the query
    assertThat(judge("matrix", List.of(1.0), "< 0.05", null).phase())
        .isEqualTo(MeasurementPhase.ERROR);
    // an answer cut short is never successful
    assertThat(
            PromqlJudge.judge(
                    new PromqlJudge.Answer("vector", List.of(0.01), true), promql("< 0.05", null))
                .phase())
        .isEqualTo(MeasurementPhase.INCONCLUSIVE);
    assertThat(
            PromqlJudge.judge(
                    new PromqlJudge.Answer("vector", List.of(0.9), true), promql("< 0.05", null))
                .phase())
        .isEqualTo(MeasurementPhase.FAILED);
  }

  @Test
  void showsAtMostTenValues() {
    List<Double> many = java.util.Collections.nCopies(12, 1.0);
    assertThat(PromqlJudge.show(many)).endsWith(", … 12 series]");
  }

  static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  static SignalFacts facts() {
    return new SignalFacts(
        List.of(
            new SignalFacts.Pod("web-canary-1", T0.minusSeconds(300), true, 0),
            new SignalFacts.Pod("web-canary-2", T0.minusSeconds(300), false, 3),
            new SignalFacts.Pod("web-canary-3", T0.minusSeconds(5), false, 0)),
        List.of(
            new SignalFacts.WarningEvent("web-canary-2", "BackOff", T0.plusSeconds(10), 4),
            new SignalFacts.WarningEvent("web-canary-1", "Unhealthy", T0.minusSeconds(60), 1)),
        List.of(
            new SignalFacts.PodFinding("web-canary-2", "pod-crash-loop", "CRITICAL"),
            new SignalFacts.PodFinding("web-canary-1", "pod-hygiene", "INFO")),
        true);
  }

  static PromqlJudge.Verdict signal(String type, int max, Set<String> severities) {
    return SignalJudge.judge(
        new ResolvedCheck.Signal(SignalType.of(type).orElseThrow(), max, severities),
        facts(),
        T0,
        T0.plusSeconds(20),
        Duration.ofSeconds(30));
  }

  @Test
  void judgesSignals() {
    PromqlJudge.Verdict restarts = signal("restarts", 0, Set.of());
    assertThat(restarts.phase()).isEqualTo(MeasurementPhase.FAILED);
    assertThat(restarts.value()).isEqualTo("3");
    assertThat(restarts.message()).contains("web-canary-2 (3)").contains("max 0");
    assertThat(signal("restarts", 3, Set.of()).phase()).isEqualTo(MeasurementPhase.SUCCESSFUL);
    // the third pod is within its grace
    assertThat(signal("readinessFailures", 0, Set.of()).value()).isEqualTo("1");
    // only events seen since the analysis started
    assertThat(signal("warningEvents", 0, Set.of()).value()).isEqualTo("1");
    assertThat(signal("findings", 0, Set.of("CRITICAL", "WARNING")).value()).isEqualTo("1");
    assertThat(signal("findings", 1, Set.of("CRITICAL", "WARNING", "INFO")).phase())
        .isEqualTo(MeasurementPhase.FAILED);
  }

  @Test
  void noPodsIsInconclusiveAndUnevaluatedFindingsAnError() {
    SignalFacts none = new SignalFacts(List.of(), List.of(), List.of(), true);
    assertThat(
            SignalJudge.judge(
                    new ResolvedCheck.Signal(SignalType.RESTARTS, 0, Set.of()),
                    none,
                    T0,
                    T0,
                    Duration.ZERO)
                .phase())
        .isEqualTo(MeasurementPhase.INCONCLUSIVE);
    SignalFacts unevaluated = new SignalFacts(facts().pods(), List.of(), List.of(), false);
    assertThat(
            SignalJudge.judge(
                    new ResolvedCheck.Signal(SignalType.FINDINGS, 0, Set.of("CRITICAL")),
                    unevaluated,
                    T0,
                    T0,
                    Duration.ZERO)
                .phase())
        .isEqualTo(MeasurementPhase.ERROR);
  }

  @Test
  void templatesTheQueryWithEscapedPodRegexes() {
    String q =
        "sum(rate(http_errors_total{namespace=\"{{namespace}}\",pod=~\"{{ canaryPods }}\"}[1m]))"
            + " / on() sum(x{pod=~\"{{stablePods}}\",release=\"{{release}}\",other=\"{{unknown}}\"})";
    String rendered =
        PromqlTemplate.render(q, "shop", "web-v2", List.of("web-b", "web.a"), List.of());
    assertThat(rendered)
        .isEqualTo(
            "sum(rate(http_errors_total{namespace=\"shop\",pod=~\"web-b|web\\\\.a\"}[1m]))"
                + " / on() sum(x{pod=~\"kubeward:no-pods\",release=\"web-v2\",other=\"{{unknown}}\"})");
  }
}
