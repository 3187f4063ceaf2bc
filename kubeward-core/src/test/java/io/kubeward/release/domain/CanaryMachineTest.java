package io.kubeward.release.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.release.domain.CanaryMachine.Observed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canary step machine, fed with a recorded status and a shifted clock (no sleeps). */
class CanaryMachineTest {

  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  private static final Duration DEADLINE = Duration.ofMinutes(10);

  private static final ReleaseSpec.CanaryStrategy CANARY =
      new ReleaseSpec.CanaryStrategy(
          "web",
          null,
          null,
          null,
          null,
          List.of(
              new ReleaseSpec.CanaryStep(25, null, null, null),
              new ReleaseSpec.CanaryStep(null, new ReleaseSpec.PauseStep(null), null, null),
              new ReleaseSpec.CanaryStep(null, new ReleaseSpec.PauseStep("30s"), null, null),
              new ReleaseSpec.CanaryStep(
                  null,
                  null,
                  new ReleaseSpec.AnalysisStep(
                      List.of(
                          new AnalysisCheck(
                              "errors", null, null, null, null, null, null, null, null))),
                  null)),
          null);

  private static ReleaseStatus at(int step, int weight) {
    return ReleaseStatus.EMPTY.toBuilder()
        .totalReplicas(4)
        .stableHash("abc")
        .currentStep(step)
        .canaryWeight(weight)
        .stepStartedAt(T0)
        .build();
  }

  private static CanaryMachine.Action next(ReleaseStatus status, int ready, Instant now) {
    return CanaryMachine.next(CANARY, status, new Observed(ready), DEADLINE, now);
  }

  @Test
  void setWeightRecordsTheWeightThenWaitsForPodsThenShiftsTraffic() {
    assertThat(next(at(0, 0), 0, T0)).isEqualTo(new CanaryMachine.RecordWeight(25));
    assertThat(next(at(0, 25), 0, T0.plusSeconds(5)))
        .isEqualTo(new CanaryMachine.WaitForPods(0, 1, T0.plus(DEADLINE), false));
    assertThat(next(at(0, 25), 0, T0.plus(DEADLINE).plusSeconds(1)))
        .isEqualTo(new CanaryMachine.WaitForPods(0, 1, T0.plus(DEADLINE), true));
    assertThat(next(at(0, 25), 1, T0.plusSeconds(5)))
        .isEqualTo(new CanaryMachine.ShiftAndAdvance(25, new ReplicaPlan(1, 3)));
  }

  @Test
  void pausesWaitForAPersonOrForTheirTime() {
    assertThat(next(at(1, 25), 1, T0.plusSeconds(3600)))
        .isEqualTo(new CanaryMachine.PauseUntilPromoted());
    assertThat(next(at(2, 25), 1, T0.plusSeconds(10)))
        .isEqualTo(new CanaryMachine.PauseUntil(T0.plusSeconds(30)));
    assertThat(next(at(2, 25), 1, T0.plusSeconds(30))).isInstanceOf(CanaryMachine.Advance.class);
  }

  @Test
  void anAnalysisStartsFreshAtItsStepContinuesARecordedRunAndEnds() {
    CanaryMachine.Action first = next(at(3, 25), 1, T0.plusSeconds(1));
    assertThat(first).isInstanceOf(CanaryMachine.Analyse.class);
    assertThat(((CanaryMachine.Analyse) first).previous().startedAt()).isEqualTo(T0.plusSeconds(1));
    // a run recorded in status (e.g. before a restart) is continued, not started again
    AnalysisProgress running =
        new AnalysisProgress(T0.plusSeconds(1), AnalysisPhase.RUNNING, null, null, List.of());
    CanaryMachine.Action again =
        next(at(3, 25).toBuilder().analysis(running).build(), 1, T0.plusSeconds(20));
    assertThat(((CanaryMachine.Analyse) again).previous()).isSameAs(running);
    // a run of an earlier step is not this step's
    AnalysisProgress old =
        new AnalysisProgress(T0.minusSeconds(60), AnalysisPhase.SUCCESSFUL, null, null, List.of());
    assertThat(next(at(3, 25).toBuilder().analysis(old).build(), 1, T0.plusSeconds(2)))
        .isInstanceOf(CanaryMachine.Analyse.class);
    AnalysisProgress passed =
        new AnalysisProgress(T0.plusSeconds(1), AnalysisPhase.SUCCESSFUL, null, null, List.of());
    assertThat(next(at(3, 25).toBuilder().analysis(passed).build(), 1, T0.plusSeconds(40)))
        .isEqualTo(new CanaryMachine.Advance(ReleaseReason.AnalysisSuccessful, "analysis passed"));
    AnalysisProgress unsure =
        new AnalysisProgress(T0.plusSeconds(1), AnalysisPhase.INCONCLUSIVE, null, null, List.of());
    assertThat(next(at(3, 25).toBuilder().analysis(unsure).build(), 1, T0.plusSeconds(40)))
        .isEqualTo(new CanaryMachine.Hold());
  }

  @Test
  void afterTheLastStepItPromotes() {
    assertThat(next(at(4, 25), 1, T0)).isEqualTo(new CanaryMachine.Promote());
  }
}
