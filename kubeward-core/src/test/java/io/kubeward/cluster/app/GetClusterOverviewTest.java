package io.kubeward.cluster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.cluster.domain.Resources;
import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GetClusterOverviewTest {

  private static final io.kubeward.access.app.Caller ADMIN =
      io.kubeward.access.app.Caller.controller("test");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private record FakeCluster(String name, Reachability reachability, boolean cacheSynced)
      implements ManagedCluster {
    @Override
    public ClusterSnapshot snapshot() {
      NodeView node =
          new NodeView(
              "n",
              "u",
              "1",
              null,
              java.util.Map.of(),
              true,
              false,
              "z",
              List.of(),
              Resources.ZERO,
              Resources.ZERO,
              "v1");
      return new ClusterSnapshot(List.of(node), List.of(), List.of(), List.of(), List.of());
    }
  }

  private static final Reachability UP =
      Reachability.unknown(T0).afterSuccess(T0, Duration.ofMillis(5), "v1.34.4", null);
  private static final Reachability DOWN = UP.afterFailure(T0.plusSeconds(5), "Connection refused");

  private static GetClusterOverview useCase(ManagedCluster... clusters) {
    return new GetClusterOverview(
        new RuntimeClusterRegistry(List.of(clusters), clusters[0].name()));
  }

  @Test
  void overviewOfAReachableSyncedClusterCarriesItsVersion() {
    var overview = useCase(new FakeCluster("prod", UP, true)).ofDefault(ADMIN);

    assertThat(overview.cluster()).isEqualTo("prod");
    assertThat(overview.kubernetesVersion()).isEqualTo("v1.34.4");
    assertThat(overview.nodes().total()).isEqualTo(1);
  }

  @Test
  void unreachableClusterIsUnavailableWithItsNameErrorAndSince() {
    assertThatThrownBy(() -> useCase(new FakeCluster("prod", DOWN, true)).of(ADMIN, "prod"))
        .isInstanceOfSatisfying(
            ClusterUnreachableException.class,
            e -> {
              assertThat(e.code()).isEqualTo("cluster.unreachable");
              assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
              assertThat(e.properties())
                  .containsEntry("cluster", "prod")
                  .containsEntry("lastError", "Connection refused")
                  .containsEntry("unreachableSince", T0.plusSeconds(5));
              assertThat(e.messageArguments())
                  .containsExactly("prod", "Connection refused", T0.plusSeconds(5));
            });
  }

  @Test
  void clusterNotYetLoadedIsUnavailableToo() {
    assertThatThrownBy(() -> useCase(new FakeCluster("prod", UP, false)).of(ADMIN, "prod"))
        .isInstanceOf(ClusterNotSyncedException.class)
        .extracting(e -> ((KubewardException) e).kind())
        .isEqualTo(ErrorKind.UNAVAILABLE);
  }

  @Test
  void notYetProbedButSyncedClusterIsServed() {
    assertThat(
            useCase(new FakeCluster("prod", Reachability.unknown(T0), true))
                .of(ADMIN, "prod")
                .cluster())
        .isEqualTo("prod");
  }

  @Test
  void unknownClusterIsNotFound() {
    assertThatThrownBy(() -> useCase(new FakeCluster("prod", UP, true)).of(ADMIN, "staging"))
        .isInstanceOf(ClusterNotFoundException.class)
        .hasMessage("No cluster named staging");
  }

  @Test
  void clustersAreListedDefaultFirst() {
    ListClusters list =
        new ListClusters(
            new RuntimeClusterRegistry(
                List.of(new FakeCluster("b", DOWN, true), new FakeCluster("a", UP, true)), "b"));

    assertThat(list.list())
        .extracting(ClusterStatus::name, ClusterStatus::defaultCluster, ClusterStatus::reachable)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("b", true, false),
            org.assertj.core.groups.Tuple.tuple("a", false, true));
    assertThat(list.defaultCluster().latencyMillis()).isEqualTo(5);
  }
}
