package io.kubeward.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cluster.domain.PodView;
import io.kubeward.history.domain.HistoryTarget;
import io.kubeward.history.domain.SampleSelection;
import io.kubeward.history.domain.UsageSnapshot;
import io.kubeward.usage.domain.MetricsSnapshot;
import io.kubeward.usage.domain.UsageAggregates;
import io.kubeward.usage.domain.UsageOverview;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UsageFixtureTest {

  private final UsageFixture fixture = new UsageFixture(20, 1_000);
  private final Instant at = Instant.parse("2026-12-01T12:00:00Z");

  @Test
  void buildsTheAskedSizeThroughTheProjections() {
    assertThat(fixture.nodes).hasSize(20);
    assertThat(fixture.pods).hasSize(1_000);
    assertThat(fixture.namespaces).hasSize(UsageFixture.NAMESPACES);
    assertThat(fixture.quotas).hasSize(UsageFixture.NAMESPACES);
    assertThat(fixture.pods.stream().filter(PodView::holdsResources).count())
        .isEqualTo(1_000 - 2L * UsageFixture.NAMESPACES);
    assertThat(fixture.containerCount).isGreaterThan(1_000);
    PodView pod = fixture.pods.getLast();
    assertThat(UsageAggregates.workloadOf(pod, fixture.owners()).kind()).isEqualTo("Deployment");
  }

  @Test
  void metricsCoverEveryRunningPodAndAddUpOnTheNodes() {
    MetricsSnapshot metrics = fixture.metricsAt(at);
    assertThat(metrics.available()).isTrue();
    assertThat(metrics.nodes()).hasSize(20);
    assertThat(metrics.podCount()).isEqualTo(1_000 - 2 * UsageFixture.NAMESPACES);
    long podsCpu = 0;
    for (var inNamespace : metrics.pods().values()) {
      for (var pod : inNamespace.values()) {
        podsCpu += pod.cpuNanos();
      }
    }
    long nodesCpu = metrics.nodes().values().stream().mapToLong(n -> n.cpuNanos()).sum();
    assertThat(nodesCpu).isEqualTo(podsCpu + 20 * UsageFixture.NODE_CPU_NANOS);
    UsageOverview overview = UsageAggregates.overview("bench", metrics, fixture.cache());
    assertThat(overview.cpu().used()).isPositive();
    assertThat(overview.cpu().used()).isLessThan(overview.cpu().allocatable());
    assertThat(overview.topNodes()).hasSize(UsageAggregates.TOP);
  }

  @Test
  void theEmulationIsDeterministicInTheTime() {
    assertThat(fixture.metricsAt(at)).isEqualTo(fixture.metricsAt(at));
    assertThat(fixture.metricsAt(at)).isNotEqualTo(fixture.metricsAt(at.plusSeconds(30)));
  }

  @Test
  void theSamplerSeesNodesNamespacesAndWorkloads() {
    UsageSnapshot usage = fixture.usageOf(fixture.metricsAt(at));
    var selected = SampleSelection.select(usage, 200, 200);
    assertThat(selected).containsKeys(HistoryTarget.cluster(), HistoryTarget.node("node-0000"));
    assertThat(selected.keySet().stream().filter(t -> t.key().startsWith("workload/")).count())
        .isPositive();
  }
}
