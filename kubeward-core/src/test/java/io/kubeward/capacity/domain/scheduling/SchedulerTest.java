package io.kubeward.capacity.domain.scheduling;

import static io.kubeward.capacity.domain.scheduling.Fixtures.node;
import static io.kubeward.capacity.domain.scheduling.Fixtures.pod;
import static io.kubeward.capacity.domain.scheduling.Fixtures.spec;
import static io.kubeward.capacity.domain.scheduling.Fixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cluster.domain.NodeTaint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulerTest {

  @Test
  void leastAllocatedPrefersTheEmptierNodeAndPodsSeeEachOther() {
    SchedulingNode big = node("big", 4000, 8);
    SchedulingNode small = node("small", 2000, 4);
    PodShape p = pod("p", Map.of(), spec("1", "2Gi").build());
    SchedulingState s = state(List.of(big, small));
    List<Decision> d =
        Scheduler.placeAll(List.of(p.named("p1"), p.named("p2"), p.named("p3"), p.named("p4")), s);
    assertThat(d).extracting(Decision::node).containsExactly("big", "big", "small", "big");
  }

  @Test
  void explainsPerReasonHowManyNodesSaidNo() {
    SchedulingNode a = node("a", 500, 8);
    SchedulingNode b = node("b", 500, 8);
    SchedulingNode c = node("c", 500, 8);
    SchedulingNode gpu =
        node("g", 8000, 8, Map.of(), new NodeTaint("dedicated", "gpu", "NoSchedule"));
    Decision d =
        Scheduler.place(pod("p", Map.of(), spec("1", "1Gi").build()), state(List.of(a, b, c, gpu)));
    assertThat(d.fits()).isFalse();
    assertThat(d.reasons())
        .containsExactly(
            new ReasonCount(Rejection.INSUFFICIENT_CPU, "", 3),
            new ReasonCount(Rejection.UNTOLERATED_TAINT, "dedicated=gpu:NoSchedule", 1));
  }

  @Test
  void preferNoScheduleOnlyLowersTheScore() {
    SchedulingNode tainted =
        node("a", 4000, 8, Map.of(), new NodeTaint("spot", "", "PreferNoSchedule"));
    SchedulingNode plain = node("b", 4000, 8);
    Decision d =
        Scheduler.place(
            pod("p", Map.of(), spec("1", "1Gi").build()), state(List.of(tainted, plain)));
    assertThat(d.node()).isEqualTo("b");
    assertThat(d.tiedWith()).isEmpty();
  }

  @Test
  void equalNodesAreReportedAsTied() {
    Decision d =
        Scheduler.place(
            pod("p", Map.of(), spec("1", "1Gi").build()),
            state(List.of(node("a", 4000, 8), node("b", 4000, 8))));
    assertThat(d.node()).isEqualTo("a");
    assertThat(d.tiedWith()).containsExactly("b");
  }
}
