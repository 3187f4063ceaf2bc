package io.kubeward.capacity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubeward.capacity.domain.scheduling.PodShape;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Resources;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WhatIfSimulatorTest {

  private static NodeView node(String name, long cpu) {
    return new NodeView(
        name,
        "u-" + name,
        "1",
        null,
        Map.of("kubernetes.io/hostname", name),
        true,
        false,
        null,
        List.of(),
        new Resources(cpu, 8L << 30, 110),
        new Resources(cpu, 8L << 30, 110),
        null,
        List.of(),
        List.of(),
        List.of(),
        null);
  }

  private static PodView pod(
      String name, String node, long cpu, Map<String, String> labels, OwnerRef owner) {
    return new PodView(
        "ns",
        name,
        "u-" + name,
        "1",
        Instant.EPOCH,
        labels,
        owner,
        node,
        PodPhase.RUNNING,
        null,
        "1/1",
        0,
        null,
        new Resources(cpu, 0, 1),
        Resources.ZERO);
  }

  private static PodSpec spec(String cpu) {
    return new PodSpecBuilder()
        .addNewContainer()
        .withName("app")
        .withNewResources()
        .addToRequests("cpu", new Quantity(cpu))
        .endResources()
        .endContainer()
        .build();
  }

  private static WorkloadTemplate web(int replicas, String cpu) {
    return new WorkloadTemplate(
        "Deployment",
        "ns",
        "web",
        replicas,
        new LabelSelectorBuilder().addToMatchLabels("app", "web").build(),
        Map.of("app", "web"),
        spec(cpu));
  }

  @Test
  void moreReplicasFillWhatIsFreeAndTheRestStayPending() {
    WhatIfAnswer a =
        WhatIfSimulator.replicas(
            List.of(node("a", 1000), node("b", 1000)),
            List.of(pod("web-1", "a", 600, Map.of("app", "web"), new OwnerRef("ReplicaSet", "r"))),
            web(1, "600m"),
            2);
    assertThat(a.fitting()).isEqualTo(1);
    assertThat(a.placements().get(0).node()).isEqualTo("b");
    assertThat(a.placements().get(1).node()).isNull();
    assertThat(a.placements().get(1).reasons().getFirst().code()).isEqualTo("insufficient-cpu");
  }

  @Test
  void otherRequestsReplaceTheWorkloadsOwnPods() {
    // both pods hold 600m of their nodes today; at 900m each they still fit once they are gone
    WhatIfAnswer a =
        WhatIfSimulator.requests(
            List.of(node("a", 1000), node("b", 1000)),
            List.of(
                pod("web-1", "a", 600, Map.of("app", "web"), new OwnerRef("ReplicaSet", "r")),
                pod("web-2", "b", 600, Map.of("app", "web"), new OwnerRef("ReplicaSet", "r"))),
            web(2, "600m"),
            new Resources(900, 0, 1));
    assertThat(a.allFit()).isTrue();
    assertThat(a.placements()).extracting(Placement::node).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void drainKeepsDaemonSetPodsAndListsPodsWithoutController() {
    List<PodView> pods =
        List.of(
            pod("web-1", "a", 500, Map.of("app", "web"), new OwnerRef("ReplicaSet", "r")),
            pod("agent", "a", 100, Map.of(), new OwnerRef("DaemonSet", "d")),
            pod("bare", "a", 100, Map.of(), null),
            pod("pending", null, 100, Map.of(), new OwnerRef("ReplicaSet", "r")));
    List<PodShape> live =
        List.of(
            PodShape.of("web-1", "ns", Map.of("app", "web"), spec("500m"), false),
            PodShape.of("agent", "ns", Map.of(), spec("100m"), true),
            PodShape.of("bare", "ns", Map.of(), spec("100m"), false));
    WhatIfAnswer a =
        WhatIfSimulator.drain(
            "node a",
            List.of(node("a", 1000), node("b", 1000)),
            pods,
            new java.util.TreeSet<>(Set.of("a")),
            live,
            Set.of("ns/web-1"));
    assertThat(a.drained()).containsExactly("a");
    assertThat(a.pods()).isEqualTo(1);
    assertThat(a.placements().getFirst().pod()).isEqualTo("ns/web-1");
    assertThat(a.placements().getFirst().node()).isEqualTo("b");
    assertThat(a.notRecreated()).containsExactly("ns/bare");
  }
}
