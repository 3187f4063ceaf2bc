package io.kubeward.release.domain.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.release.domain.AnalysisCheck;
import io.kubeward.release.domain.AnalysisPhase;
import io.kubeward.release.domain.AnalysisProgress;
import io.kubeward.release.domain.CheckProgress;
import io.kubeward.release.domain.Measurement;
import io.kubeward.release.domain.MeasurementPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AnalysisRunTest {

  static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  static ResolvedCheck check(
      String name, String interval, Integer count, Integer failureLimit, Integer errorLimit) {
    return AnalysisValidation.resolve(
        new AnalysisCheck(
            name,
            interval,
            count,
            failureLimit,
            null,
            errorLimit,
            null,
            new AnalysisCheck.PromqlCheck("up", "< 1", null),
            null));
  }

  /** Answers the queued phases in order, recording when it was asked. */
  static final class Script implements Function<ResolvedCheck, Measurement> {
    final Deque<MeasurementPhase> phases = new ArrayDeque<>();
    final List<String> asked = new ArrayList<>();
    Instant now = T0;

    Script(MeasurementPhase... phases) {
      this.phases.addAll(List.of(phases));
    }

    @Override
    public Measurement apply(ResolvedCheck check) {
      asked.add(check.name());
      MeasurementPhase phase = phases.isEmpty() ? MeasurementPhase.SUCCESSFUL : phases.poll();
      return new Measurement(now, phase, "1", phase.name().toLowerCase());
    }
  }

  static AnalysisProgress step(
      List<ResolvedCheck> checks, AnalysisProgress p, Script script, Instant now) {
    script.now = now;
    return AnalysisRun.advance(checks, p, now, script);
  }

  @Test
  void measuresAtOnceThenEveryIntervalAndSucceedsAfterTheCount() {
    List<ResolvedCheck> checks = List.of(check("errors", "10s", 3, null, null));
    Script script = new Script();
    AnalysisProgress p = step(checks, AnalysisProgress.start(T0), script, T0);
    assertThat(p.phase()).isEqualTo(AnalysisPhase.RUNNING);
    assertThat(p.checks().getFirst().successful()).isEqualTo(1);
    assertThat(p.nextAt()).isEqualTo(T0.plusSeconds(10));

    AnalysisProgress same = step(checks, p, script, T0.plusSeconds(9));
    assertThat(same).isSameAs(p);
    assertThat(script.asked).hasSize(1);

    p = step(checks, p, script, T0.plusSeconds(10));
    p = step(checks, p, script, T0.plusSeconds(21));
    assertThat(p.phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(p.reason()).isEqualTo(AnalysisRun.REASON_SUCCESSFUL);
    assertThat(p.checks().getFirst().nextAt()).isNull();
    assertThat(p.nextAt()).isNull();
    assertThat(script.asked).hasSize(3);
    assertThat(step(checks, p, script, T0.plusSeconds(60))).isSameAs(p);
  }

  @Test
  void initialDelayPostponesTheFirstMeasurement() {
    ResolvedCheck delayed =
        AnalysisValidation.resolve(
            new AnalysisCheck(
                "late",
                "5s",
                1,
                null,
                null,
                null,
                "30s",
                null,
                new AnalysisCheck.SignalCheck("restarts", null, null)));
    Script script = new Script();
    AnalysisProgress p = step(List.of(delayed), AnalysisProgress.start(T0), script, T0);
    assertThat(script.asked).isEmpty();
    assertThat(p.nextAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(step(List.of(delayed), p, script, T0.plusSeconds(29))).isSameAs(p);
    p = step(List.of(delayed), p, script, T0.plusSeconds(30));
    assertThat(p.phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
  }

  @Test
  void failsWhenFailuresExceedTheLimit() {
    List<ResolvedCheck> checks = List.of(check("errors", "1s", 5, 1, null));
    Script script =
        new Script(MeasurementPhase.FAILED, MeasurementPhase.SUCCESSFUL, MeasurementPhase.FAILED);
    AnalysisProgress p = AnalysisProgress.start(T0);
    p = step(checks, p, script, T0);
    assertThat(p.phase()).isEqualTo(AnalysisPhase.RUNNING); // 1 failure, limit 1
    p = step(checks, p, script, T0.plusSeconds(1));
    p = step(checks, p, script, T0.plusSeconds(2));
    assertThat(p.phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(p.reason()).isEqualTo(AnalysisRun.REASON_FAILURE_LIMIT);
    assertThat(p.message()).contains("errors").contains("2 failed").contains("limit 1");
    CheckProgress c = p.checks().getFirst();
    assertThat(c.failed()).isEqualTo(2);
    assertThat(c.successful()).isEqualTo(1);
  }

  @Test
  void aFailureLimitOfZeroFailsAtTheFirstFailure() {
    List<ResolvedCheck> checks = List.of(check("errors", "1s", 3, null, null));
    AnalysisProgress p =
        step(checks, AnalysisProgress.start(T0), new Script(MeasurementPhase.FAILED), T0);
    assertThat(p.phase()).isEqualTo(AnalysisPhase.FAILED);
  }

  @Test
  void consecutiveErrorsBeyondTheLimitFailSafeAndASuccessResetsThem() {
    List<ResolvedCheck> checks = List.of(check("errors", "1s", 0, null, 2));
    Script script =
        new Script(
            MeasurementPhase.ERROR,
            MeasurementPhase.ERROR,
            MeasurementPhase.SUCCESSFUL,
            MeasurementPhase.ERROR,
            MeasurementPhase.ERROR,
            MeasurementPhase.ERROR);
    AnalysisProgress p = AnalysisProgress.start(T0);
    for (int i = 0; i < 5; i++) {
      p = step(checks, p, script, T0.plusSeconds(i));
      assertThat(p.phase()).as("after %d", i + 1).isEqualTo(AnalysisPhase.RUNNING);
    }
    assertThat(p.checks().getFirst().consecutiveErrors()).isEqualTo(2);
    assertThat(p.checks().getFirst().errors()).isEqualTo(4);
    p = step(checks, p, script, T0.plusSeconds(5));
    assertThat(p.phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(p.reason()).isEqualTo(AnalysisRun.REASON_ERROR_LIMIT);
    assertThat(p.message()).contains("3 errors in a row").contains("fails safe");
  }

  @Test
  void errorsDoNotUseUpTheCount() {
    List<ResolvedCheck> checks = List.of(check("errors", "1s", 1, null, null));
    Script script = new Script(MeasurementPhase.ERROR, MeasurementPhase.ERROR);
    AnalysisProgress p = step(checks, AnalysisProgress.start(T0), script, T0);
    p = step(checks, p, script, T0.plusSeconds(1));
    assertThat(p.phase()).isEqualTo(AnalysisPhase.RUNNING);
    p = step(checks, p, script, T0.plusSeconds(2));
    assertThat(p.phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
    assertThat(p.checks().getFirst().errors()).isEqualTo(2);
  }

  @Test
  void defaultErrorLimitIsFour() {
    List<ResolvedCheck> checks = List.of(check("errors", "1s", 0, null, null));
    Script script = new Script();
    for (int i = 0; i < 10; i++) {
      script.phases.add(MeasurementPhase.ERROR);
    }
    AnalysisProgress p = AnalysisProgress.start(T0);
    int measurements = 0;
    while (!p.phase().done()) {
      p = step(checks, p, script, T0.plusSeconds(measurements++));
    }
    assertThat(measurements).isEqualTo(5);
  }

  @Test
  void inconclusiveBeyondTheLimitWaitsForBoundedChecksThenEndsInconclusive() {
    ResolvedCheck flaky =
        AnalysisValidation.resolve(
            new AnalysisCheck(
                "flaky",
                "1s",
                3,
                null,
                0,
                null,
                null,
                new AnalysisCheck.PromqlCheck("up", "< 1", "> 5"),
                null));
    ResolvedCheck slow = check("slow", "10s", 2, null, null);
    List<ResolvedCheck> checks = List.of(flaky, slow);
    Script script = new Script(MeasurementPhase.INCONCLUSIVE);
    AnalysisProgress p = step(checks, AnalysisProgress.start(T0), script, T0);
    assertThat(p.checks().getFirst().phase()).isEqualTo(AnalysisPhase.INCONCLUSIVE);
    assertThat(p.phase()).isEqualTo(AnalysisPhase.RUNNING); // "slow" still measures
    p = step(checks, p, script, T0.plusSeconds(10));
    assertThat(p.phase()).isEqualTo(AnalysisPhase.INCONCLUSIVE);
    assertThat(p.reason()).isEqualTo(AnalysisRun.REASON_INCONCLUSIVE_LIMIT);
  }

  @Test
  void oneFailedCheckFailsTheRunAtOnce() {
    List<ResolvedCheck> checks =
        List.of(check("a", "10s", 10, null, null), check("b", "10s", 10, null, null));
    Script script = new Script(MeasurementPhase.SUCCESSFUL, MeasurementPhase.FAILED);
    AnalysisProgress p = step(checks, AnalysisProgress.start(T0), script, T0);
    assertThat(p.phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(p.message()).startsWith("check b:");
  }

  @Test
  void countZeroRunsUntilItFails() {
    List<ResolvedCheck> checks = List.of(check("bg", "1s", 0, null, null));
    Script script = new Script();
    AnalysisProgress p = AnalysisProgress.start(T0);
    for (int i = 0; i < 50; i++) {
      p = step(checks, p, script, T0.plusSeconds(i));
    }
    assertThat(p.phase()).isEqualTo(AnalysisPhase.RUNNING);
    assertThat(p.checks().getFirst().successful()).isEqualTo(50);
    assertThat(p.checks().getFirst().recent()).hasSize(AnalysisRun.RECENT);
    assertThat(p.checks().getFirst().recent().getLast().at()).isEqualTo(T0.plusSeconds(49));
    script.phases.add(MeasurementPhase.FAILED);
    p = step(checks, p, script, T0.plusSeconds(50));
    assertThat(p.phase()).isEqualTo(AnalysisPhase.FAILED);
  }

  @Test
  void aRestartedControllerFeedingBackTheStoredProgressContinuesTheCount() {
    List<ResolvedCheck> checks = List.of(check("errors", "10s", 4, 1, null));
    Script first = new Script(MeasurementPhase.FAILED, MeasurementPhase.SUCCESSFUL);
    AnalysisProgress p = AnalysisProgress.start(T0);
    p = step(checks, p, first, T0);
    p = step(checks, p, first, T0.plusSeconds(10));
    // the status as stored: a copy of the records, as a new process reads them back
    CheckProgress c = p.checks().getFirst();
    AnalysisProgress stored =
        new AnalysisProgress(
            p.startedAt(),
            p.phase(),
            p.reason(),
            p.message(),
            List.of(
                new CheckProgress(
                    c.name(),
                    c.phase(),
                    c.successful(),
                    c.failed(),
                    c.inconclusive(),
                    c.errors(),
                    c.consecutiveErrors(),
                    c.nextAt(),
                    new ArrayList<>(c.recent()))));
    Script second = new Script(MeasurementPhase.FAILED);
    // restarted a little before the next measurement was due: nothing is taken twice
    assertThat(step(checks, stored, second, T0.plusSeconds(15))).isSameAs(stored);
    assertThat(second.asked).isEmpty();
    AnalysisProgress after = step(checks, stored, second, T0.plusSeconds(20));
    assertThat(after.phase()).isEqualTo(AnalysisPhase.FAILED); // 2 failures > limit 1
    assertThat(after.checks().getFirst().failed()).isEqualTo(2);
    assertThat(after.checks().getFirst().recent()).hasSize(3);
    assertThat(second.asked).hasSize(1);
  }

  @Test
  void aRestartLongAfterTheDueTimeTakesOneMeasurementNotABacklog() {
    List<ResolvedCheck> checks = List.of(check("errors", "10s", 5, null, null));
    Script script = new Script();
    AnalysisProgress p = step(checks, AnalysisProgress.start(T0), script, T0);
    p = step(checks, p, script, T0.plus(Duration.ofMinutes(10)));
    assertThat(script.asked).hasSize(2);
    assertThat(p.nextAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)).plusSeconds(10));
  }

  @Test
  void aMeasurerThatThrowsIsAnErrorMeasurement() {
    List<ResolvedCheck> checks = List.of(check("errors", "10s", 5, null, 0));
    AnalysisProgress p =
        AnalysisRun.advance(
            checks,
            AnalysisProgress.start(T0),
            T0,
            c -> {
              throw new IllegalStateException("boom");
            });
    assertThat(p.phase()).isEqualTo(AnalysisPhase.FAILED);
    assertThat(p.checks().getFirst().recent().getFirst().phase()).isEqualTo(MeasurementPhase.ERROR);
    assertThat(p.checks().getFirst().recent().getFirst().message()).isEqualTo("boom");
  }

  @Test
  void checksRemovedFromTheSpecAreDroppedAndNewOnesStart() {
    Script script = new Script();
    AnalysisProgress p =
        step(List.of(check("old", "10s", 5, null, null)), AnalysisProgress.start(T0), script, T0);
    p = step(List.of(check("new", "10s", 1, null, null)), p, script, T0.plusSeconds(1));
    assertThat(p.checks()).extracting(CheckProgress::name).containsExactly("new");
    assertThat(p.phase()).isEqualTo(AnalysisPhase.SUCCESSFUL);
  }

  @Test
  void theSameInputsGiveTheSameProgress() {
    List<ResolvedCheck> checks = List.of(check("a", "3s", 4, 1, 1), check("b", "7s", 0, 0, 2));
    AnalysisProgress one = AnalysisProgress.start(T0);
    AnalysisProgress two = AnalysisProgress.start(T0);
    Script s1 =
        new Script(MeasurementPhase.ERROR, MeasurementPhase.SUCCESSFUL, MeasurementPhase.FAILED);
    Script s2 =
        new Script(MeasurementPhase.ERROR, MeasurementPhase.SUCCESSFUL, MeasurementPhase.FAILED);
    for (int i = 0; i < 20; i++) {
      one = step(checks, one, s1, T0.plusSeconds(i));
      two = step(checks, two, s2, T0.plusSeconds(i));
    }
    assertThat(one).isEqualTo(two);
  }
}
