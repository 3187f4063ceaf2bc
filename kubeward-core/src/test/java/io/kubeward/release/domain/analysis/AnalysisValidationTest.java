package io.kubeward.release.domain.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.release.domain.AnalysisCheck;
import io.kubeward.release.domain.AnalysisCheck.PromqlCheck;
import io.kubeward.release.domain.AnalysisCheck.SignalCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AnalysisValidationTest {

  static AnalysisCheck promql(String name, String interval, String query, String success) {
    return new AnalysisCheck(
        name, interval, null, null, null, null, null, new PromqlCheck(query, success, null), null);
  }

  static List<String> fields(List<AnalysisCheck> checks) {
    return AnalysisValidation.validate(checks).stream().map(AnalysisProblem::field).toList();
  }

  @Test
  void acceptsTheCrdExampleAndAppliesTheDefaults() {
    AnalysisCheck errors =
        new AnalysisCheck(
            "errors",
            "10s",
            3,
            0,
            null,
            null,
            null,
            new PromqlCheck(
                "sum(rate(http_errors_total{namespace=\"{{namespace}}\",pod=~\"{{canaryPods}}\"}[1m]))",
                "< 0.05",
                null),
            null);
    AnalysisCheck restarts =
        new AnalysisCheck(
            "restarts",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new SignalCheck("restarts", null, null));
    assertThat(AnalysisValidation.validate(List.of(errors, restarts))).isEmpty();
    ResolvedCheck r = AnalysisValidation.resolve(restarts);
    assertThat(r.interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(r.count()).isEqualTo(1);
    assertThat(r.failureLimit()).isZero();
    assertThat(r.inconclusiveLimit()).isZero();
    assertThat(r.consecutiveErrorLimit()).isEqualTo(4);
    assertThat(r.initialDelay()).isZero();
    assertThat(r.signal().max()).isZero();
    assertThat(r.signal().severities()).containsExactlyInAnyOrder("CRITICAL", "WARNING");
  }

  @Test
  void boundsEveryNumberAndDuration() {
    AnalysisCheck bad =
        new AnalysisCheck(
            "x", "500ms", 1001, 101, -1, 101, "2h", new PromqlCheck("up", "< 1", null), null);
    assertThat(fields(List.of(bad)))
        .containsExactlyInAnyOrder(
            "checks[0].interval",
            "checks[0].initialDelay",
            "checks[0].count",
            "checks[0].failureLimit",
            "checks[0].inconclusiveLimit",
            "checks[0].consecutiveErrorLimit");
    assertThat(fields(List.of(promql("x", "2h", "up", "< 1"))))
        .containsExactly("checks[0].interval");
    assertThat(fields(List.of(promql("x", "1h", "up", "< 1")))).isEmpty();
    assertThat(fields(List.of(promql("x", "abc", "up", "< 1"))))
        .containsExactly("checks[0].interval");
  }

  @Test
  void namesAreUniqueDnsLabels() {
    assertThat(
            fields(
                List.of(
                    promql("Bad_Name", null, "up", "< 1"),
                    promql("a", null, "up", "< 1"),
                    promql("a", null, "up", "< 1"),
                    promql("x".repeat(64), null, "up", "< 1"))))
        .containsExactly("checks[0].name", "checks[2].name", "checks[3].name");
  }

  @Test
  void queriesAndConditions() {
    assertThat(fields(List.of(promql("a", null, "x".repeat(4097), "< 1"))))
        .containsExactly("checks[0].promql.query");
    assertThat(fields(List.of(promql("a", null, "x".repeat(4096), "< 1")))).isEmpty();
    // multi-byte characters count as bytes
    assertThat(fields(List.of(promql("a", null, "中".repeat(1366), "< 1"))))
        .containsExactly("checks[0].promql.query");
    assertThat(fields(List.of(promql("a", null, " ", "< 1"))))
        .containsExactly("checks[0].promql.query");
    assertThat(fields(List.of(promql("a", null, "up{pod=~\"{{pods}}\"}", "< 1"))))
        .containsExactly("checks[0].promql.query");
    assertThat(fields(List.of(promql("a", null, "up", "less than 1"))))
        .containsExactly("checks[0].promql.successCondition");
    assertThat(fields(List.of(promql("a", null, "up", null))))
        .containsExactly("checks[0].promql.successCondition");
    AnalysisCheck badFailure =
        new AnalysisCheck(
            "a", null, null, null, null, null, null, new PromqlCheck("up", "< 1", ">"), null);
    assertThat(fields(List.of(badFailure))).containsExactly("checks[0].promql.failureCondition");
  }

  @Test
  void exactlyOneProviderAndKnownSignals() {
    AnalysisCheck both =
        new AnalysisCheck(
            "a",
            null,
            null,
            null,
            null,
            null,
            null,
            new PromqlCheck("up", "< 1", null),
            new SignalCheck("restarts", null, null));
    AnalysisCheck neither = new AnalysisCheck("b", null, null, null, null, null, null, null, null);
    AnalysisCheck unknown =
        new AnalysisCheck(
            "c", null, null, null, null, null, null, null, new SignalCheck("oom", 20000, null));
    AnalysisCheck severities =
        new AnalysisCheck(
            "d",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new SignalCheck("findings", 0, List.of("fatal")));
    AnalysisCheck severitiesOnRestarts =
        new AnalysisCheck(
            "e",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new SignalCheck("restarts", 0, List.of("info")));
    assertThat(fields(List.of(both, neither, unknown, severities, severitiesOnRestarts)))
        .containsExactly(
            "checks[0]",
            "checks[1]",
            "checks[2].signal.type",
            "checks[2].signal.max",
            "checks[3].signal.severities",
            "checks[4].signal.severities");
    AnalysisCheck ok =
        new AnalysisCheck(
            "f",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new SignalCheck("findings", 0, List.of("critical")));
    assertThat(AnalysisValidation.resolve(ok).signal().severities()).containsExactly("CRITICAL");
  }

  @Test
  void theListIsBoundedAndMessagesAreBilingual() {
    assertThat(fields(List.of())).containsExactly("checks");
    assertThat(fields(null)).containsExactly("checks");
    List<AnalysisCheck> many = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      many.add(promql("c" + i, null, "up", "< 1"));
    }
    assertThat(fields(many)).containsExactly("checks");
    assertThat(fields(Collections.singletonList(null))).containsExactly("checks[0]");
    List<AnalysisProblem> problems =
        AnalysisValidation.validate(List.of(promql("a", "0s", "up", "< 1")));
    assertThat(AnalysisValidation.describe(problems, Locale.ENGLISH))
        .containsExactly("checks[0].interval: must be a duration such as 30s or 5m, from 1s … 1h");
    assertThat(AnalysisValidation.describe(problems, Locale.SIMPLIFIED_CHINESE))
        .containsExactly("checks[0].interval: 必须是时长（如 30s、5m），范围 1s … 1h");
    assertThatThrownBy(() -> AnalysisValidation.resolve(promql("a", "0s", "up", "< 1")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
