package io.kubeward.capacity.domain.scheduling;

import static io.kubeward.capacity.domain.scheduling.Fixtures.node;
import static io.kubeward.capacity.domain.scheduling.Fixtures.pod;
import static io.kubeward.capacity.domain.scheduling.Fixtures.spec;
import static io.kubeward.capacity.domain.scheduling.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.kubeward.cluster.domain.NodeTaint;
import io.kubeward.cluster.domain.Resources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FiltersTest {

  @Nested
  class ResourcesFit {
    @Test
    void rejectsWhenCpuMemoryOrPodSlotsRunOut() {
      SchedulingNode n = node("n1", 1000, 2);
      PodShape big = pod("p", Map.of(), spec("600m", "1Gi").build());
      SchedulingState s = state(List.of(n), new SchedulingState.Bound(big.named("a"), "n1"));
      assertThat(new ResourcesFitFilter().check(big, n, s).code())
          .isEqualTo(Rejection.INSUFFICIENT_CPU);
      PodShape memory = pod("m", Map.of(), spec("100m", "1500Mi").build());
      assertThat(new ResourcesFitFilter().check(memory, n, s).code())
          .isEqualTo(Rejection.INSUFFICIENT_MEMORY);
      PodShape small = pod("s", Map.of(), spec("100m", "100Mi").build());
      assertThat(new ResourcesFitFilter().check(small, n, s)).isNull();
      SchedulingNode full =
          new SchedulingNode("f", Map.of(), List.of(), false, new Resources(4000, 1L << 33, 1));
      SchedulingState one = state(List.of(full), new SchedulingState.Bound(small.named("x"), "f"));
      assertThat(new ResourcesFitFilter().check(small, full, one).code())
          .isEqualTo(Rejection.TOO_MANY_PODS);
    }

    @Test
    void initContainersCountByTheMaxRule() {
      PodShape p =
          pod(
              "p",
              Map.of(),
              spec("200m", "100Mi")
                  .addToInitContainers(
                      new ContainerBuilder()
                          .withName("init")
                          .withNewResources()
                          .addToRequests("cpu", new Quantity("900m"))
                          .endResources()
                          .build())
                  .build());
      assertThat(p.requests().cpuMillis()).isEqualTo(900);
      SchedulingNode n = node("n1", 800, 1);
      assertThat(new ResourcesFitFilter().check(p, n, state(List.of(n))).code())
          .isEqualTo(Rejection.INSUFFICIENT_CPU);
    }
  }

  @Nested
  class Taints {
    NodeTaint gpu = new NodeTaint("dedicated", "gpu", "NoSchedule");

    @Test
    void untoleratedNoScheduleAndNoExecuteRejectPreferNoScheduleDoesNot() {
      SchedulingNode n = node("n1", 1000, 1, Map.of(), gpu);
      PodShape p = pod("p", Map.of(), spec("1m", "1Mi").build());
      Rejection r = new TaintTolerationFilter().check(p, n, state(List.of(n)));
      assertThat(r.code()).isEqualTo(Rejection.UNTOLERATED_TAINT);
      assertThat(r.detail()).isEqualTo("dedicated=gpu:NoSchedule");
      SchedulingNode exec = node("n2", 1000, 1, Map.of(), new NodeTaint("k", "", "NoExecute"));
      assertThat(new TaintTolerationFilter().check(p, exec, state(List.of(exec)))).isNotNull();
      SchedulingNode prefer =
          node("n3", 1000, 1, Map.of(), new NodeTaint("k", "", "PreferNoSchedule"));
      assertThat(new TaintTolerationFilter().check(p, prefer, state(List.of(prefer)))).isNull();
    }

    @Test
    void equalAndExistsTolerationsMatch() {
      SchedulingNode n = node("n1", 1000, 1, Map.of(), gpu);
      PodShape equal =
          pod(
              "p",
              Map.of(),
              spec("1m", "1Mi")
                  .addToTolerations(
                      new TolerationBuilder()
                          .withKey("dedicated")
                          .withOperator("Equal")
                          .withValue("gpu")
                          .withEffect("NoSchedule")
                          .build())
                  .build());
      PodShape wrongValue =
          pod(
              "q",
              Map.of(),
              spec("1m", "1Mi")
                  .addToTolerations(
                      new TolerationBuilder().withKey("dedicated").withValue("cpu").build())
                  .build());
      PodShape exists =
          pod(
              "r",
              Map.of(),
              spec("1m", "1Mi")
                  .addToTolerations(new TolerationBuilder().withOperator("Exists").build())
                  .build());
      SchedulingState s = state(List.of(n));
      assertThat(new TaintTolerationFilter().check(equal, n, s)).isNull();
      assertThat(new TaintTolerationFilter().check(wrongValue, n, s)).isNotNull();
      assertThat(new TaintTolerationFilter().check(exists, n, s)).isNull();
    }
  }

  @Test
  void cordonedNodesTakeNoPods() {
    SchedulingNode n = node("n1", 1000, 1).cordoned();
    PodShape p = pod("p", Map.of(), spec("1m", "1Mi").build());
    assertThat(new NodeUnschedulableFilter().check(p, n, state(List.of(n))).code())
        .isEqualTo(Rejection.UNSCHEDULABLE);
  }

  @Test
  void nodeSelectorAndRequiredNodeAffinityOperators() {
    SchedulingNode n = node("n1", 1000, 1, Map.of("disk", "ssd", "gen", "5"));
    SchedulingState s = state(List.of(n));
    PodShape selector =
        pod("p", Map.of(), spec("1m", "1Mi").addToNodeSelector("disk", "hdd").build());
    assertThat(new NodeAffinityFilter().check(selector, n, s).code())
        .isEqualTo(Rejection.NODE_AFFINITY);
    assertThat(affinity(n, s, "disk", "In", "ssd", "nvme")).isTrue();
    assertThat(affinity(n, s, "disk", "NotIn", "ssd")).isFalse();
    assertThat(affinity(n, s, "disk", "Exists")).isTrue();
    assertThat(affinity(n, s, "gpu", "DoesNotExist")).isTrue();
    assertThat(affinity(n, s, "gen", "Gt", "4")).isTrue();
    assertThat(affinity(n, s, "gen", "Lt", "5")).isFalse();
  }

  private static boolean affinity(
      SchedulingNode n, SchedulingState s, String key, String op, String... values) {
    PodShape p =
        pod(
            "p",
            Map.of(),
            spec("1m", "1Mi")
                .withNewAffinity()
                .withNewNodeAffinity()
                .withNewRequiredDuringSchedulingIgnoredDuringExecution()
                .addNewNodeSelectorTerm()
                .withMatchExpressions(
                    new NodeSelectorRequirementBuilder()
                        .withKey(key)
                        .withOperator(op)
                        .withValues(values)
                        .build())
                .endNodeSelectorTerm()
                .endRequiredDuringSchedulingIgnoredDuringExecution()
                .endNodeAffinity()
                .endAffinity()
                .build());
    return new NodeAffinityFilter().check(p, n, s) == null;
  }

  @Test
  void requiredAntiAffinityKeepsOnePerZoneAndAffinityNeedsAPartner() {
    SchedulingNode a1 = node("a1", 1000, 1, Map.of("zone", "a"));
    SchedulingNode a2 = node("a2", 1000, 1, Map.of("zone", "a"));
    SchedulingNode b1 = node("b1", 1000, 1, Map.of("zone", "b"));
    var term =
        new PodAffinityTermBuilder()
            .withTopologyKey("zone")
            .withLabelSelector(new LabelSelectorBuilder().addToMatchLabels("app", "web").build())
            .build();
    PodShape web =
        pod(
            "w",
            Map.of("app", "web"),
            spec("1m", "1Mi")
                .withNewAffinity()
                .withNewPodAntiAffinity()
                .withRequiredDuringSchedulingIgnoredDuringExecution(term)
                .endPodAntiAffinity()
                .endAffinity()
                .build());
    SchedulingState s =
        state(List.of(a1, a2, b1), new SchedulingState.Bound(web.named("w0"), "a1"));
    Rejection r = new InterPodAffinityFilter().check(web, a2, s);
    assertThat(r.code()).isEqualTo(Rejection.ANTI_AFFINITY);
    assertThat(r.detail()).isEqualTo("zone");
    assertThat(new InterPodAffinityFilter().check(web, b1, s)).isNull();
    // symmetry: a pod without terms is kept away by the existing pod's anti-affinity
    PodShape plain = pod("x", Map.of("app", "web"), spec("1m", "1Mi").build());
    assertThat(new InterPodAffinityFilter().check(plain, a2, s).code())
        .isEqualTo(Rejection.EXISTING_ANTI_AFFINITY);

    PodShape cache =
        pod(
            "c",
            Map.of("app", "cache"),
            spec("1m", "1Mi")
                .withNewAffinity()
                .withNewPodAffinity()
                .withRequiredDuringSchedulingIgnoredDuringExecution(term)
                .endPodAffinity()
                .endAffinity()
                .build());
    assertThat(new InterPodAffinityFilter().check(cache, a2, s)).isNull();
    assertThat(new InterPodAffinityFilter().check(cache, b1, s).code())
        .isEqualTo(Rejection.AFFINITY);
  }

  @Test
  void topologySpreadDoNotScheduleKeepsTheSkew() {
    SchedulingNode a = node("a", 1000, 1, Map.of("zone", "a"));
    SchedulingNode b = node("b", 1000, 1, Map.of("zone", "b"));
    SchedulingNode none = node("c", 1000, 1, Map.of());
    PodShape web =
        pod(
            "w",
            Map.of("app", "web"),
            spec("1m", "1Mi")
                .withTopologySpreadConstraints(
                    new TopologySpreadConstraintBuilder()
                        .withMaxSkew(1)
                        .withTopologyKey("zone")
                        .withWhenUnsatisfiable("DoNotSchedule")
                        .withLabelSelector(
                            new LabelSelectorBuilder().addToMatchLabels("app", "web").build())
                        .build())
                .build());
    SchedulingState s = state(List.of(a, b, none), new SchedulingState.Bound(web.named("w0"), "a"));
    assertThat(new TopologySpreadFilter().check(web, a, s).code()).isEqualTo(Rejection.SPREAD_SKEW);
    assertThat(new TopologySpreadFilter().check(web, b, s)).isNull();
    assertThat(new TopologySpreadFilter().check(web, none, s).code())
        .isEqualTo(Rejection.SPREAD_MISSING_LABEL);
  }
}
