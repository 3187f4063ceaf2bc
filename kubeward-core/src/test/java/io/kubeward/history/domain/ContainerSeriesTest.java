package io.kubeward.history.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The container-level series the built-in history keeps for right-sizing (ADR 0048). */
class ContainerSeriesTest {

  static UsageSnapshot.PodUsage pod(String name, long appCpu, long appMem, long sideCpu) {
    return new UsageSnapshot.PodUsage(
        "shop",
        name,
        "n1",
        "Deployment",
        "web",
        appCpu + sideCpu,
        appMem + 1000,
        List.of(
            new UsageSnapshot.ContainerUsage("app", appCpu, appMem),
            new UsageSnapshot.ContainerUsage("sidecar", sideCpu, 1000)));
  }

  @Test
  void eachContainerOfASelectedWorkloadKeepsItsBusiestPod() {
    UsageSnapshot snapshot =
        new UsageSnapshot(
            Instant.EPOCH,
            List.of(new UsageSnapshot.NodeUsage("n1", 1000, 1 << 30)),
            List.of(pod("web-1", 30, 500, 2), pod("web-2", 70, 300, 5)));

    Map<HistoryTarget, UsageValues> samples = SampleSelection.select(snapshot, 10, 10);

    assertThat(samples.get(HistoryTarget.container("shop", "Deployment", "web", "app")))
        .isEqualTo(new UsageValues(70.0, 500.0, 2.0));
    assertThat(samples.get(HistoryTarget.container("shop", "Deployment", "web", "sidecar")))
        .isEqualTo(new UsageValues(5.0, 1000.0, 2.0));
    // the workload's own series is unchanged: the sum of its pods
    assertThat(samples.get(HistoryTarget.workload("shop", "Deployment", "web")))
        .isEqualTo(new UsageValues(107.0, 2800.0, 2.0));
  }

  @Test
  void aWorkloadNotSelectedHasNoContainerSeries() {
    UsageSnapshot snapshot =
        new UsageSnapshot(Instant.EPOCH, List.of(), List.of(pod("web-1", 30, 500, 2)));

    assertThat(SampleSelection.select(snapshot, 0, 0).keySet())
        .noneMatch(t -> t.kind() == TargetKind.CONTAINER);
  }

  @Test
  void aContainerTargetHasACompactKeyAndPromQlWithItsContainerLabel() {
    HistoryTarget t = HistoryTarget.container("shop", "Deployment", "web", "app");

    assertThat(t.key()).isEqualTo("ctr/shop/Deployment/web/app");
    assertThat(t.workloadTarget()).isEqualTo(HistoryTarget.workload("shop", "Deployment", "web"));
    assertThat(PromQueries.of(t, HistoryMetric.CPU, Duration.ofMinutes(1)).orElseThrow().promql())
        .startsWith("max(max by (namespace, pod, container)")
        .contains("container=\"app\"")
        .contains("pod=~\"web-[a-z0-9]{1,10}-[a-z0-9]{5}\"");
    assertThatThrownBy(() -> HistoryTarget.container("shop", "Deployment", "web", "Bad_Name"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
