package io.kubeward.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The sizes and queries of {@code bin/benchmark huge} and {@code bin/benchmark fleet}. */
class FleetAndHugeSizesTest {

  @Test
  void hugeDefaultsToTheKubernetesLimitsInThreeStages() {
    FixtureSpec spec = HugeBenchmark.spec(150_000, 5_000);

    assertThat(spec.nodes()).isEqualTo(5_000);
    assertThat(spec.namespaces()).isEqualTo(500);
    assertThat(spec.podStages()).containsExactly(30_000, 75_000, 150_000);
  }

  @Test
  void aTinyHugeRunStillHasStagesTheDeploymentsCanReach() {
    FixtureSpec spec = HugeBenchmark.spec(2_010, 67);

    assertThat(spec.podStages()).containsExactly(390, 990, 2_010);
    assertThat(spec.podStages()).allMatch(stage -> stage % FixtureSpec.REPLICAS == 0);
  }

  @Test
  void hugeRefusesPodsThatDoNotFitTheNodes() {
    assertThatThrownBy(() -> HugeBenchmark.spec(150_000, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("do not fit");
  }

  @Test
  void fleetClustersAreNamedAfterTheServersOwnCluster() {
    assertThat(FleetBenchmark.name(0)).isEqualTo(ServerProcess.CLUSTER);
    assertThat(FleetBenchmark.name(1)).isEqualTo("fleet-02");
    assertThat(FleetBenchmark.name(19)).isEqualTo("fleet-20");
  }

  @Test
  void fleetQueriesAskEverythingByReasonByNamespaceAndEachCluster() {
    var queries = FleetBenchmark.fleetQueries(3);

    assertThat(IntStream.range(0, 4).mapToObj(queries::apply))
        .containsExactly(
            "/api/v1/problem-pods?limit=50",
            "/api/v1/problem-pods?limit=50&reason=Unschedulable",
            "/api/v1/problem-pods?limit=50&namespace=bench-000",
            "/api/v1/problem-pods?limit=50&cluster=bench");
    assertThat(IntStream.range(0, 12).mapToObj(queries::apply))
        .contains(
            "/api/v1/problem-pods?limit=50&cluster=fleet-02",
            "/api/v1/problem-pods?limit=50&cluster=fleet-03");
  }

  @Test
  void aFleetClusterIsTheScaleFixtureAtItsSize() {
    FixtureSpec spec = FleetBenchmark.spec(2_010);

    assertThat(spec.nodes()).isEqualTo(67);
    assertThat(spec.pods()).isEqualTo(2_010);
    assertThat(spec.podStages()).containsExactly(2_010);
  }
}
