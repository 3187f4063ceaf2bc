package io.kubeward.drain.domain;

import static io.kubeward.drain.domain.DrainFixtures.NODE;
import static io.kubeward.drain.domain.DrainFixtures.budget;
import static io.kubeward.drain.domain.DrainFixtures.ownedBy;
import static io.kubeward.drain.domain.DrainFixtures.pod;
import static io.kubeward.drain.domain.DrainFixtures.replicaPod;
import static io.kubeward.drain.domain.DrainFixtures.unready;
import static io.kubeward.drain.domain.DrainFixtures.withEmptyDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrainPlannerTest {

  private static DrainPlan plan(List<Pod> pods, List<PodDisruptionBudget> budgets) {
    return DrainPlanner.plan(NODE, pods, budgets, DrainOptions.defaults());
  }

  private static PodPlan only(DrainPlan plan) {
    assertThat(plan.pods()).hasSize(1);
    return plan.pods().get(0);
  }

  @Test
  void evictsControlledPodsWithoutBudgetAtOnce() {
    DrainPlan plan = plan(List.of(replicaPod("web-1").build()), List.of());

    assertThat(plan.verdict()).isEqualTo(DrainVerdict.CAN_DRAIN_NOW);
    assertThat(only(plan))
        .extracting(PodPlan::fate, PodPlan::ownerKind, PodPlan::ownerName, PodPlan::pdb)
        .containsExactly(PodFate.EVICT, "ReplicaSet", "web-6f7d", null);
  }

  @Test
  void skipsDaemonSetMirrorAndFinishedPods() {
    Pod daemon = ownedBy(pod("agent"), "DaemonSet", "agent").build();
    Pod mirror =
        pod("etcd")
            .editMetadata()
            .addToAnnotations(DrainPlanner.MIRROR_ANNOTATION, "abc")
            .endMetadata()
            .build();
    Pod done = pod("job-1").editStatus().withPhase("Succeeded").endStatus().build();
    Pod failedBareWithEmptyDir =
        withEmptyDir(pod("job-2")).editStatus().withPhase("Failed").endStatus().build();

    DrainPlan plan = plan(List.of(daemon, mirror, done, failedBareWithEmptyDir), List.of());

    assertThat(plan.verdict()).isEqualTo(DrainVerdict.CAN_DRAIN_NOW);
    assertThat(plan.pods())
        .extracting(PodPlan::name, PodPlan::fate)
        .containsExactly(
            tuple("agent", PodFate.SKIP_DAEMONSET),
            tuple("etcd", PodFate.SKIP_MIRROR),
            tuple("job-1", PodFate.SKIP_FINISHED),
            tuple("job-2", PodFate.SKIP_FINISHED));
  }

  @Test
  void podWithoutControllerNeedsForceAndIsThenDeleted() {
    List<Pod> bare = List.of(pod("debug").build());

    DrainPlan refused = plan(bare, List.of());
    DrainPlan forced =
        DrainPlanner.plan(NODE, bare, List.of(), DrainOptions.defaults().withForce(true));

    assertThat(refused.verdict()).isEqualTo(DrainVerdict.REFUSED);
    assertThat(only(refused).fate()).isEqualTo(PodFate.NEEDS_FORCE);
    assertThat(forced.verdict()).isEqualTo(DrainVerdict.CAN_DRAIN_NOW);
    assertThat(only(forced).fate()).isEqualTo(PodFate.EVICT);
    assertThat(only(forced).reason()).contains("force");
  }

  @Test
  void emptyDirNeedsTheFlag() {
    List<Pod> pods = List.of(withEmptyDir(replicaPod("cache-1")).build());

    DrainPlan refused = plan(pods, List.of());
    DrainPlan allowed =
        DrainPlanner.plan(
            NODE, pods, List.of(), DrainOptions.defaults().withDeleteEmptyDirData(true));

    assertThat(refused.verdict()).isEqualTo(DrainVerdict.REFUSED);
    assertThat(only(refused).fate()).isEqualTo(PodFate.NEEDS_DELETE_EMPTYDIR);
    assertThat(only(allowed).fate()).isEqualTo(PodFate.EVICT);
  }

  @Test
  void bareEmptyDirPodNeedsForceFirstAndSaysItNeedsTheFlagToo() {
    PodPlan plan = only(plan(List.of(withEmptyDir(pod("scratch")).build()), List.of()));

    assertThat(plan.fate()).isEqualTo(PodFate.NEEDS_FORCE);
    assertThat(plan.reason()).contains("deleteEmptyDirData");
  }

  @Test
  void budgetIsCountedAcrossThePodsOfTheNode() {
    List<Pod> pods = List.of(replicaPod("web-2").build(), replicaPod("web-1").build());

    DrainPlan plan = plan(pods, List.of(budget("web-pdb", 1)));

    assertThat(plan.verdict()).isEqualTo(DrainVerdict.WILL_WAIT);
    assertThat(plan.pods())
        .extracting(PodPlan::name, PodPlan::fate, PodPlan::pdb, PodPlan::disruptionsAllowed)
        .containsExactly(
            tuple("web-1", PodFate.EVICT, "web-pdb", 1),
            tuple("web-2", PodFate.BLOCKED_BY_PDB, "web-pdb", 1));
    assertThat(plan.pods().get(1).reason()).contains("used up");
  }

  @Test
  void budgetThatAllowsNothingBlocksEveryPodItCovers() {
    DrainPlan plan = plan(List.of(replicaPod("web-1").build()), List.of(budget("web-pdb", 0)));

    assertThat(only(plan).fate()).isEqualTo(PodFate.BLOCKED_BY_PDB);
    assertThat(only(plan).disruptionsAllowed()).isZero();
  }

  @Test
  void budgetsOfOtherNamespacesOrSelectorsDoNotCount() {
    PodDisruptionBudget elsewhere =
        new PodDisruptionBudgetBuilder(budget("other", 0))
            .editMetadata()
            .withNamespace("billing")
            .endMetadata()
            .build();
    PodDisruptionBudget otherApp =
        new PodDisruptionBudgetBuilder(budget("db", 0))
            .editSpec()
            .withSelector(new LabelSelectorBuilder().withMatchLabels(Map.of("app", "db")).build())
            .endSpec()
            .build();

    PodPlan plan = only(plan(List.of(replicaPod("web-1").build()), List.of(elsewhere, otherApp)));

    assertThat(plan.fate()).isEqualTo(PodFate.EVICT);
    assertThat(plan.pdb()).isNull();
  }

  @Test
  void budgetNotYetObservedByItsControllerAllowsNothing() {
    PodDisruptionBudget stale =
        new PodDisruptionBudgetBuilder(budget("web-pdb", 1))
            .editMetadata()
            .withGeneration(2L)
            .endMetadata()
            .build();

    assertThat(only(plan(List.of(replicaPod("web-1").build()), List.of(stale))).fate())
        .isEqualTo(PodFate.BLOCKED_BY_PDB);
  }

  @Test
  void unreadyPodOfAHealthyBudgetAndTerminatingPodsDoNotUseTheBudget() {
    Pod unready = unready(replicaPod("web-1")).build();
    Pod terminating =
        replicaPod("web-2")
            .editMetadata()
            .withDeletionTimestamp("2026-11-22T04:00:00Z")
            .endMetadata()
            .build();
    Pod ready = replicaPod("web-3").build();

    DrainPlan plan = plan(List.of(unready, terminating, ready), List.of(budget("web-pdb", 1)));

    assertThat(plan.pods()).extracting(PodPlan::fate).containsOnly(PodFate.EVICT);
  }

  @Test
  void terminatingPodIsWaitedForWithoutAnyOption() {
    Pod leaving =
        withEmptyDir(pod("debug"))
            .editMetadata()
            .withDeletionTimestamp("2026-11-22T04:00:00Z")
            .endMetadata()
            .build();

    DrainPlan plan = plan(List.of(leaving), List.of());

    assertThat(plan.verdict()).isEqualTo(DrainVerdict.CAN_DRAIN_NOW);
    assertThat(only(plan).reason()).contains("already terminating");
  }

  @Test
  void unreadyPodOfAnUnhealthyBudgetWaits() {
    Pod unready = unready(replicaPod("web-1")).build();

    DrainPlan plan = plan(List.of(unready), List.of(budget("web-pdb", 0, 1, 2)));

    assertThat(only(plan).fate()).isEqualTo(PodFate.BLOCKED_BY_PDB);
  }

  @Test
  void podCoveredBySeveralBudgetsWaits() {
    DrainPlan plan =
        plan(List.of(replicaPod("web-1").build()), List.of(budget("b-pdb", 1), budget("a-pdb", 1)));

    assertThat(only(plan).fate()).isEqualTo(PodFate.BLOCKED_BY_PDB);
    assertThat(only(plan).pdb()).isEqualTo("a-pdb");
    assertThat(only(plan).reason()).contains("a-pdb, b-pdb");
  }

  @Test
  void countsEveryFate() {
    DrainPlan plan =
        plan(
            List.of(
                replicaPod("web-1").build(),
                replicaPod("web-2").build(),
                pod("debug").build(),
                ownedBy(pod("agent"), "DaemonSet", "agent").build()),
            List.of(budget("web-pdb", 1)));

    assertThat(plan.counts())
        .containsEntry(PodFate.EVICT, 1)
        .containsEntry(PodFate.BLOCKED_BY_PDB, 1)
        .containsEntry(PodFate.NEEDS_FORCE, 1)
        .containsEntry(PodFate.SKIP_DAEMONSET, 1)
        .containsEntry(PodFate.SKIP_MIRROR, 0)
        .hasSize(PodFate.values().length);
    assertThat(plan.verdict()).isEqualTo(DrainVerdict.REFUSED);
  }

  @Test
  void selectorExpressionsAreHonoured() {
    var selector =
        new LabelSelectorBuilder()
            .addNewMatchExpression()
            .withKey("app")
            .withOperator("In")
            .withValues("web", "api")
            .endMatchExpression()
            .addNewMatchExpression()
            .withKey("canary")
            .withOperator("DoesNotExist")
            .endMatchExpression()
            .build();

    assertThat(DrainPlanner.matches(selector, Map.of("app", "web"))).isTrue();
    assertThat(DrainPlanner.matches(selector, Map.of("app", "web", "canary", "1"))).isFalse();
    assertThat(DrainPlanner.matches(selector, Map.of("app", "db"))).isFalse();
    assertThat(DrainPlanner.matches(new LabelSelectorBuilder().build(), Map.of())).isTrue();
    assertThat(DrainPlanner.matches(null, Map.of("app", "web"))).isFalse();
  }
}
