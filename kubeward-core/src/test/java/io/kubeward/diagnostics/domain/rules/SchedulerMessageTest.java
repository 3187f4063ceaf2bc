package io.kubeward.diagnostics.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.diagnostics.domain.rules.SchedulerMessage.Category;
import io.kubeward.diagnostics.domain.rules.SchedulerMessage.Reason;
import org.junit.jupiter.api.Test;

class SchedulerMessageTest {

  @Test
  void splitsTheNodesAndReasonsAndDropsPreemption() {
    SchedulerMessage message =
        SchedulerMessage.parse(
            "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2"
                + " Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims"
                + " found for incoming pod.");

    assertThat(message.available()).isZero();
    assertThat(message.total()).isEqualTo(3);
    assertThat(message.reasons())
        .containsExactly(
            new Reason(
                1,
                "node(s) had untolerated taint {dedicated: gpu}",
                Category.TAINT,
                "{dedicated: gpu}"),
            new Reason(2, "Insufficient cpu", Category.INSUFFICIENT, "cpu"));
  }

  @Test
  void knowsSelectorsCordonsVolumesPortsAndPods() {
    assertThat(
            SchedulerMessage.parse(
                    "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector."
                        + " preemption: 0/3 nodes are available: 3 Preemption is not helpful for"
                        + " scheduling.")
                .reasons())
        .extracting(Reason::category)
        .containsExactly(Category.NODE_SELECTOR);
    assertThat(
            SchedulerMessage.parse(
                    "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims."
                        + " preemption: 0/3 nodes are available: 3 Preemption is not helpful for"
                        + " scheduling.")
                .reasons())
        .extracting(Reason::category, Reason::nodes)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Category.VOLUME, -1));
    assertThat(
            SchedulerMessage.parse(
                    "0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) didn't have"
                        + " free ports for the requested pod ports, 3 Too many pods.")
                .reasons())
        .extracting(Reason::category)
        .containsExactly(Category.UNSCHEDULABLE_NODE, Category.PORTS, Category.INSUFFICIENT);
  }

  @Test
  void notesOfOtherPluginsAfterTheReasonsAreLeftOut() {
    SchedulerMessage message =
        SchedulerMessage.parse(
            "0/3 nodes are available: 3 Insufficient cpu. no new claims to deallocate,"
                + " preemption: 0/3 nodes are available: 3 No preemption victims found for"
                + " incoming pod.");

    assertThat(message.reasons())
        .containsExactly(new Reason(3, "Insufficient cpu", Category.INSUFFICIENT, "cpu"));
  }

  @Test
  void aMessageWithoutNodeCountsIsOneReason() {
    SchedulerMessage message = SchedulerMessage.parse("no nodes available to schedule pods");

    assertThat(message.total()).isEqualTo(-1);
    assertThat(message.reasons()).extracting(Reason::category).containsExactly(Category.NO_NODES);
  }
}
