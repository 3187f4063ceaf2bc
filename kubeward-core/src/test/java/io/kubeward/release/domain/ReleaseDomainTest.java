package io.kubeward.release.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReleaseDomainTest {

  @Test
  void theCanaryGetsTheCeilingOfItsShareAndStableTheRest() {
    assertThat(ReplicaPlan.of(4, 25)).isEqualTo(new ReplicaPlan(1, 3));
    assertThat(ReplicaPlan.of(4, 20)).isEqualTo(new ReplicaPlan(1, 3));
    assertThat(ReplicaPlan.of(3, 50)).isEqualTo(new ReplicaPlan(2, 1));
    assertThat(ReplicaPlan.of(10, 1)).isEqualTo(new ReplicaPlan(1, 9));
    assertThat(ReplicaPlan.of(4, 0)).isEqualTo(new ReplicaPlan(0, 4));
    assertThat(ReplicaPlan.of(4, 100)).isEqualTo(new ReplicaPlan(4, 0));
    assertThat(ReplicaPlan.of(0, 50)).isEqualTo(new ReplicaPlan(0, 0));
    assertThat(ReplicaPlan.of(10_000, 33)).isEqualTo(new ReplicaPlan(3_300, 6_700));
    assertThatThrownBy(() -> ReplicaPlan.of(4, 101)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReplicaPlan.of(10_001, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ReplicaPlan.weightOf(1, 3)).isEqualTo(25);
    assertThat(ReplicaPlan.weightOf(0, 0)).isZero();
  }

  @Test
  void theNewVersionSetsImagesByContainerAndMergesThePatchByName() {
    Map<String, Object> template =
        Map.of(
            "metadata",
            Map.of("labels", Map.of("app", "web")),
            "spec",
            Map.of(
                "containers",
                List.of(
                    Map.of(
                        "name",
                        "web",
                        "image",
                        "web:1",
                        "env",
                        List.of(Map.of("name", "A", "value", "1"))),
                    Map.of("name", "sidecar", "image", "side:1"))));
    Map<String, Object> patch =
        Map.of(
            "metadata",
            Map.of("annotations", Map.of("note", "v2")),
            "spec",
            Map.of(
                "containers",
                List.of(Map.of("name", "web", "env", List.of(Map.of("name", "B", "value", "2"))))));
    Map<String, Object> result =
        NewVersion.apply(template, new ReleaseSpec.ReleaseVersion(Map.of("web", "web:2"), patch));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> containers =
        (List<Map<String, Object>>) ((Map<String, Object>) result.get("spec")).get("containers");
    assertThat(containers.get(0)).containsEntry("image", "web:2");
    assertThat((List<?>) containers.get(0).get("env")).hasSize(2);
    assertThat(containers.get(1)).containsEntry("image", "side:1");
    assertThat(result.get("metadata"))
        .isEqualTo(Map.of("labels", Map.of("app", "web"), "annotations", Map.of("note", "v2")));
    // pure: the input is untouched, and applying again changes nothing more
    assertThat(((List<?>) ((Map<?, ?>) template.get("spec")).get("containers"))).hasSize(2);
    assertThat(
            NewVersion.apply(result, new ReleaseSpec.ReleaseVersion(Map.of("web", "web:2"), null)))
        .isEqualTo(result);
    assertThat(NewVersion.containerNames(template)).containsExactly("web", "sidecar");
  }

  @Test
  void stepsSayTheWeightAndHeaderRouteInForceAndWherePromotionGoes() {
    RouteMatch match = new RouteMatch("X-Canary", null, "yes");
    List<ReleaseSpec.CanaryStep> steps =
        List.of(
            new ReleaseSpec.CanaryStep(20, null, null, null),
            new ReleaseSpec.CanaryStep(null, new ReleaseSpec.PauseStep(null), null, null),
            new ReleaseSpec.CanaryStep(
                null, null, null, new ReleaseSpec.HeaderRouteStep(List.of(match))),
            new ReleaseSpec.CanaryStep(60, null, null, null));
    assertThat(CanarySteps.weightBefore(steps, 0)).isZero();
    assertThat(CanarySteps.weightBefore(steps, 1)).isEqualTo(20);
    assertThat(CanarySteps.weightBefore(steps, 4)).isEqualTo(60);
    assertThat(CanarySteps.headerRouteBefore(steps, 2)).isEmpty();
    assertThat(CanarySteps.headerRouteBefore(steps, 3)).containsExactly(match);
    assertThat(CanarySteps.promotedStep(1, 4, false)).isEqualTo(2);
    assertThat(CanarySteps.promotedStep(1, 4, true)).isEqualTo(4);
    assertThat(CanarySteps.promotedStep(4, 4, false)).isEqualTo(4);
  }

  @Test
  void aRequestIsPendingUntilItsTokenIsRecordedAsHandled() {
    ReleaseObject release =
        new ReleaseObject(
            "ns",
            "r",
            "uid",
            "1",
            1,
            null,
            Map.of("kubeward.io/promote", "42-abc:full"),
            null,
            ReleaseStatus.EMPTY);
    assertThat(ReleaseRequests.pending(release, ReleaseRequests.PROMOTE)).contains("42-abc:full");
    assertThat(ReleaseRequests.full("42-abc:full")).isTrue();
    ReleaseObject handled =
        new ReleaseObject(
            "ns",
            "r",
            "uid",
            "2",
            1,
            null,
            release.annotations(),
            null,
            ReleaseStatus.EMPTY.toBuilder().handled("promote", "42-abc:full").build());
    assertThat(ReleaseRequests.pending(handled, ReleaseRequests.PROMOTE)).isEmpty();
    assertThat(ReleaseRequests.pending(handled, ReleaseRequests.ABORT)).isEmpty();
  }
}
