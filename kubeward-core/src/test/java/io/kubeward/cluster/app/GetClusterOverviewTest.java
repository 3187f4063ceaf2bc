package io.kubeward.cluster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.access.app.TestAuthorizers;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ClusterOverview;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.cluster.domain.Resources;
import io.kubeward.common.ErrorKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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

  /** Synced but for the kinds still listing. */
  private record PartlyListed(Set<CachedKind> stillListing) implements ManagedCluster {
    @Override
    public String name() {
      return "prod";
    }

    @Override
    public Reachability reachability() {
      return UP;
    }

    @Override
    public boolean cacheSynced() {
      return stillListing.isEmpty();
    }

    @Override
    public boolean cacheSynced(Set<CachedKind> kinds) {
      return kinds.stream().noneMatch(stillListing::contains);
    }

    @Override
    public ClusterSnapshot snapshot() {
      return new FakeCluster("prod", UP, true).snapshot();
    }
  }

  private static final Reachability UP =
      Reachability.unknown(T0).afterSuccess(T0, Duration.ofMillis(5), "v1.34.4", null);
  private static final Reachability DOWN = UP.afterFailure(T0.plusSeconds(5), "Connection refused");

  private static GetClusterOverview useCase(ManagedCluster... clusters) {
    RuntimeClusterRegistry registry =
        new RuntimeClusterRegistry(List.of(clusters), clusters[0].name());
    return new GetClusterOverview(
        registry, new ClusterReads(registry, TestAuthorizers.impersonating()));
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
  void clusterNotYetLoadedAnswersWhatIsListedSoFarMarkedLoading() {
    var overview = useCase(new FakeCluster("prod", UP, false)).of(ADMIN, "prod");

    assertThat(overview.loading()).isTrue();
    assertThat(overview.kinds()).noneMatch(ClusterOverview.KindProgress::synced);
    assertThat(overview.nodes().total()).isEqualTo(1);
  }

  @Test
  void overviewIsCompleteOnceItsOwnKindsAreListedWhileEventsStillList() {
    var overview =
        useCase(new PartlyListed(Set.of(CachedKind.EVENTS, CachedKind.CONFIGMAPS)))
            .of(ADMIN, "prod");

    assertThat(overview.loading()).isFalse();
    assertThat(overview.nodes().total()).isEqualTo(1);
  }

  @Test
  void overviewWhilePodsStillListIsMarkedLoadingWithPodsNotSynced() {
    var overview = useCase(new PartlyListed(Set.of(CachedKind.PODS))).of(ADMIN, "prod");

    assertThat(overview.loading()).isTrue();
    assertThat(overview.kinds())
        .filteredOn(kind -> !kind.synced())
        .extracting(ClusterOverview.KindProgress::kind)
        .containsExactly("pods");
  }

  @Test
  void unreachableClusterStillLoadingIsUnreachableNotAPartialOverview() {
    assertThatThrownBy(() -> useCase(new FakeCluster("prod", DOWN, false)).of(ADMIN, "prod"))
        .isInstanceOf(ClusterUnreachableException.class);
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
    RuntimeClusterRegistry registry =
        new RuntimeClusterRegistry(
            List.of(new FakeCluster("b", DOWN, true), new FakeCluster("a", UP, true)), "b");
    ListClusters list =
        new ListClusters(registry, new ClusterReads(registry, TestAuthorizers.impersonating()));

    assertThat(list.list())
        .extracting(ClusterStatus::name, ClusterStatus::defaultCluster, ClusterStatus::reachable)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("b", true, false),
            org.assertj.core.groups.Tuple.tuple("a", false, true));
    assertThat(list.defaultCluster().latencyMillis()).isEqualTo(5);
  }
}
