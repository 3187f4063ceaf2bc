package io.kubeward.capacity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Resources;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityPlannerTest {

  private static NodeView node(String name, Map<String, String> labels, long cpu) {
    return new NodeView(
        name,
        "u-" + name,
        "1",
        null,
        labels,
        true,
        false,
        null,
        List.of(),
        new Resources(cpu, 8L << 30, 100),
        new Resources(cpu, 8L << 30, 100),
        null,
        List.of(),
        List.of(),
        List.of(),
        null);
  }

  private static PodView pod(String name, String node, long cpu) {
    return new PodView(
        "ns",
        name,
        "u",
        "1",
        Instant.EPOCH,
        Map.of(),
        null,
        node,
        PodPhase.RUNNING,
        null,
        "1/1",
        0,
        null,
        new Resources(cpu, 1L << 30, 1),
        Resources.ZERO);
  }

  @Test
  void groupsByTheFirstPoolLabelAndZoneWithHeadroom() {
    NodePools pools = new NodePools(List.of("kubeward.io/pool", "cloud.google.com/gke-nodepool"));
    CapacityPlanner planner = new CapacityPlanner(pools, new HeadroomPolicy(10));
    CapacityReport r =
        planner.report(
            "c",
            Instant.EPOCH,
            List.of(
                node(
                    "a",
                    Map.of(
                        "kubeward.io/pool",
                        "web",
                        "cloud.google.com/gke-nodepool",
                        "x",
                        "topology.kubernetes.io/zone",
                        "z1"),
                    4000),
                node("b", Map.of("cloud.google.com/gke-nodepool", "batch"), 2000),
                node("c", Map.of(), 1000)),
            List.of(pod("p1", "a", 1500), pod("p2", "b", 500)),
            name -> new CapacityPlanner.NodeUse(100, 1L << 20));
    assertThat(r.pools())
        .extracting(CapacityGroup::name)
        .containsExactly("batch", "default", "web");
    CapacityGroup web = r.pools().get(2);
    assertThat(web.cpu().allocatable()).isEqualTo(4000);
    assertThat(web.cpu().requested()).isEqualTo(1500);
    assertThat(web.cpu().headroom()).isEqualTo(400);
    assertThat(web.cpu().requestable()).isEqualTo(2100);
    assertThat(web.cpu().used()).isEqualTo(100);
    assertThat(web.pods().requested()).isEqualTo(1);
    assertThat(r.total().cpu().allocatable()).isEqualTo(7000);
    assertThat(r.zones()).extracting(CapacityGroup::name).containsExactly("", "z1");
  }

  @Test
  void usedIsNullWithoutMetricsAndHeadroomIsBounded() {
    CapacityPlanner planner =
        new CapacityPlanner(new NodePools(NodePools.DEFAULT_LABELS), HeadroomPolicy.DEFAULT);
    CapacityReport r =
        planner.report("c", Instant.EPOCH, List.of(node("a", Map.of(), 1000)), List.of(), null);
    assertThat(r.total().cpu().used()).isNull();
    assertThat(r.total().cpu().requestable()).isEqualTo(900);
    assertThatThrownBy(() -> new HeadroomPolicy(91)).isInstanceOf(IllegalArgumentException.class);
  }
}
