package io.kubeward.release.domain.analysis;

import io.kubeward.release.domain.MeasurementPhase;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Judges one PromQL answer against a check's conditions (the semantics written on {@code
 * AnalysisCheck.PromqlCheck}): an empty result or a NaN is inconclusive; a series meeting the
 * failure condition fails; every series must meet the success condition; with a failure condition a
 * value meeting neither is inconclusive, without one it fails. A range vector cannot be judged (an
 * error of the check's query). An answer Prometheus cut short is never successful.
 */
public final class PromqlJudge {

  /** Values shown in a measurement: the first few. */
  static final int MAX_SHOWN = 10;

  private PromqlJudge() {}

  /**
   * What Prometheus answered: {@code vector} or {@code scalar} with each series' value, or another
   * result type; {@code truncated} when Kubeward read only part of it.
   */
  public record Answer(String resultType, List<Double> values, boolean truncated) {
    public Answer {
      values = List.copyOf(values);
    }
  }

  /** The measurement's phase, the value as text and why, in English. */
  public record Verdict(MeasurementPhase phase, @Nullable String value, String message) {}

  public static Verdict judge(Answer answer, ResolvedCheck.Promql check) {
    if (!answer.resultType().equals("vector") && !answer.resultType().equals("scalar")) {
      return new Verdict(
          MeasurementPhase.ERROR,
          null,
          "the query gives a "
              + answer.resultType()
              + "; a check needs an instant vector or a scalar (e.g. sum(rate(x[1m])))");
    }
    String value = show(answer.values());
    if (answer.values().isEmpty()) {
      return new Verdict(MeasurementPhase.INCONCLUSIVE, value, "the query returned no data");
    }
    if (answer.values().stream().anyMatch(v -> Double.isNaN(v))) {
      return new Verdict(
          MeasurementPhase.INCONCLUSIVE, value, "the query returned NaN (e.g. 0/0: no traffic)");
    }
    if (check.failure() != null && answer.values().stream().anyMatch(check.failure()::holds)) {
      return new Verdict(
          MeasurementPhase.FAILED,
          value,
          value + " meets the failure condition " + check.failure());
    }
    boolean allSuccessful = answer.values().stream().allMatch(check.success()::holds);
    if (allSuccessful) {
      if (answer.truncated()) {
        return new Verdict(
            MeasurementPhase.INCONCLUSIVE,
            value,
            "Prometheus' answer was cut short (too many series): not judged successful");
      }
      return new Verdict(MeasurementPhase.SUCCESSFUL, value, value + " meets " + check.success());
    }
    if (check.failure() != null) {
      return new Verdict(
          MeasurementPhase.INCONCLUSIVE,
          value,
          value + " meets neither " + check.success() + " nor " + check.failure());
    }
    return new Verdict(MeasurementPhase.FAILED, value, value + " does not meet " + check.success());
  }

  static String show(List<Double> values) {
    if (values.size() == 1) {
      return Condition.Values.format(values.getFirst());
    }
    String shown =
        values.stream()
            .limit(MAX_SHOWN)
            .map(Condition.Values::format)
            .collect(Collectors.joining(", "));
    return "["
        + shown
        + (values.size() > MAX_SHOWN ? ", … " + values.size() + " series" : "")
        + "]";
  }
}
