package io.kubeward.history.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleSelectionTest {

  @Test
  void clusterNodesNamespacesAndTheTopWorkloadsAndPods() {
    UsageSnapshot snapshot =
        new UsageSnapshot(
            Instant.EPOCH,
            List.of(
                new UsageSnapshot.NodeUsage("n1", 1000, 4000),
                new UsageSnapshot.NodeUsage("n2", 500, 1000)),
            List.of(
                new UsageSnapshot.PodUsage("a", "web-1", "n1", "Deployment", "web", 300, 10),
                new UsageSnapshot.PodUsage("a", "web-2", "n2", "Deployment", "web", 100, 10),
                new UsageSnapshot.PodUsage("a", "db-0", "n1", "StatefulSet", "db", 10, 900),
                new UsageSnapshot.PodUsage("b", "job-x", "n2", "Job", "job", 5, 5),
                new UsageSnapshot.PodUsage("b", "lone", null, null, null, 1, 1)));

    Map<HistoryTarget, UsageValues> selected = SampleSelection.select(snapshot, 1, 1);

    assertThat(selected.get(HistoryTarget.cluster()))
        .isEqualTo(new UsageValues(1500.0, 5000.0, 5.0));
    assertThat(selected.get(HistoryTarget.node("n1")))
        .isEqualTo(new UsageValues(1000.0, 4000.0, 2.0));
    assertThat(selected.get(HistoryTarget.node("n2")))
        .isEqualTo(new UsageValues(500.0, 1000.0, 2.0));
    assertThat(selected.get(HistoryTarget.namespace("a")))
        .isEqualTo(new UsageValues(410.0, 920.0, 3.0));
    assertThat(selected.get(HistoryTarget.namespace("b")))
        .isEqualTo(new UsageValues(6.0, 6.0, 2.0));
    // top 1 by CPU (web) and top 1 by memory (db)
    assertThat(selected.get(HistoryTarget.workload("a", "Deployment", "web")))
        .isEqualTo(new UsageValues(400.0, 20.0, 2.0));
    assertThat(selected).containsKey(HistoryTarget.workload("a", "StatefulSet", "db"));
    assertThat(selected).doesNotContainKey(HistoryTarget.workload("b", "Job", "job"));
    assertThat(selected)
        .containsKeys(HistoryTarget.pod("a", "web-1"), HistoryTarget.pod("a", "db-0"));
    assertThat(selected).doesNotContainKey(HistoryTarget.pod("a", "web-2"));
  }

  @Test
  void staysBoundedAtAThousandNodesAndThirtyThousandPods() {
    List<UsageSnapshot.NodeUsage> nodes = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      nodes.add(new UsageSnapshot.NodeUsage("node-" + i, i, i));
    }
    List<UsageSnapshot.PodUsage> pods = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      pods.add(
          new UsageSnapshot.PodUsage(
              "ns-" + i % 100,
              "pod-" + i,
              "node-" + i % 1000,
              "Deployment",
              "app-" + i / 3,
              i,
              30_000 - i));
    }
    Map<HistoryTarget, UsageValues> selected =
        SampleSelection.select(new UsageSnapshot(Instant.EPOCH, nodes, pods), 200, 200);
    // cluster + 1000 nodes + 100 namespaces + at most 400 workloads + at most 400 pods
    assertThat(selected).hasSizeLessThanOrEqualTo(1 + 1000 + 100 + 400 + 400);
    assertThat(selected).hasSizeGreaterThan(1 + 1000 + 100);
  }
}
