package io.kubeward.fleet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Caller;
import io.kubeward.access.app.TestAuthorizers;
import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Principal;
import io.kubeward.access.domain.Role;
import io.kubeward.access.domain.Scope;
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ListClusters;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.app.RuntimeClusterRegistry;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodProblem;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.cluster.domain.Resources;
import io.kubeward.common.KubewardException;
import io.kubeward.diagnostics.MemoryCluster;
import io.kubeward.fleet.domain.ClusterProblems;
import io.kubeward.fleet.domain.ClusterProblems.Availability;
import io.kubeward.fleet.domain.FleetProblemPods;
import io.kubeward.fleet.domain.ProblemPod;
import io.kubeward.fleet.domain.ProblemPodFilter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListProblemPodsTest {

  private static final Caller ADMIN = Caller.controller("test");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Reachability UP =
      Reachability.unknown(T0).afterSuccess(T0, Duration.ofMillis(5), "v1.34.4", null);
  private static final Reachability DOWN = UP.afterFailure(T0.plusSeconds(5), "Connection refused");

  /** A cluster that is away or still loading, over an in-memory cache with the real indexes. */
  private record AwayCluster(
      String name, Reachability reachability, boolean synced, MemoryCluster cache)
      implements ManagedCluster {
    @Override
    public boolean cacheSynced() {
      return synced;
    }

    @Override
    public ClusterSnapshot snapshot() {
      return cache.snapshot();
    }

    @Override
    public IndexedViews<? extends KubeObjectView> views(CachedKind kind) {
      return cache.views(kind);
    }

    @Override
    public void close() {}
  }

  private static PodView pod(String namespace, String name, PodProblem problem) {
    return new PodView(
        namespace,
        name,
        "u-" + name,
        "1",
        T0,
        Map.of(),
        null,
        "node-1",
        problem == PodProblem.UNSCHEDULABLE ? PodPhase.PENDING : PodPhase.RUNNING,
        problem,
        "0/1",
        3,
        null,
        Resources.ZERO,
        Resources.ZERO);
  }

  /** A reachable, synced cluster whose cache holds {@code pods}. */
  private static MemoryCluster cluster(String name, PodView... pods) {
    MemoryCluster cluster = new MemoryCluster(name);
    for (PodView pod : pods) {
      cluster.put(CachedKind.PODS, pod);
    }
    return cluster;
  }

  private static ListProblemPods useCase(
      io.kubeward.access.app.Authorizer authorizer, ManagedCluster... clusters) {
    RuntimeClusterRegistry registry =
        new RuntimeClusterRegistry(List.of(clusters), clusters[0].name());
    ClusterReads reads = new ClusterReads(registry, authorizer);
    return new ListProblemPods(new ListClusters(registry, reads), reads);
  }

  private static ListProblemPods useCase(ManagedCluster... clusters) {
    return useCase(TestAuthorizers.impersonating(), clusters);
  }

  private static ProblemPodFilter filter(String cluster, String namespace, String reason, int n) {
    return ProblemPodFilter.parse(cluster, namespace, reason, String.valueOf(n));
  }

  private static List<String> names(FleetProblemPods answer) {
    return answer.items().stream().map(p -> p.cluster() + ":" + p.pod().name()).toList();
  }

  @Test
  void findsTheProblemPodsOfEveryClusterDefaultClusterFirstAndLeavesHealthyPodsOut() {
    var answer =
        useCase(
                cluster("prod", pod("web", "crash", PodProblem.CRASH_LOOP_BACK_OFF)),
                cluster(
                    "edge", pod("a", "pending", PodProblem.UNSCHEDULABLE), pod("a", "fine", null)),
                cluster("beta", pod("b", "oom", PodProblem.OOM_KILLED)))
            .list(ADMIN, filter(null, null, null, 50));

    assertThat(names(answer)).containsExactly("prod:crash", "beta:oom", "edge:pending");
    assertThat(answer.total()).isEqualTo(3);
    assertThat(answer.complete()).isTrue();
    assertThat(answer.clusters())
        .extracting(ClusterProblems::cluster, ClusterProblems::availability, ClusterProblems::total)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("prod", Availability.READY, 1),
            org.assertj.core.groups.Tuple.tuple("beta", Availability.READY, 1),
            org.assertj.core.groups.Tuple.tuple("edge", Availability.READY, 1));
  }

  @Test
  void filtersByReasonNamespaceAndCluster() {
    ManagedCluster prod =
        cluster(
            "prod",
            pod("web", "crash", PodProblem.CRASH_LOOP_BACK_OFF),
            pod("db", "crash-db", PodProblem.CRASH_LOOP_BACK_OFF),
            pod("web", "image", PodProblem.IMAGE_PULL_BACK_OFF));
    ManagedCluster edge = cluster("edge", pod("web", "crash-edge", PodProblem.CRASH_LOOP_BACK_OFF));

    assertThat(names(useCase(prod, edge).list(ADMIN, filter(null, null, "CrashLoopBackOff", 50))))
        .containsExactly("prod:crash-db", "prod:crash", "edge:crash-edge");
    assertThat(names(useCase(prod, edge).list(ADMIN, filter(null, "web", null, 50))))
        .containsExactly("prod:crash", "prod:image", "edge:crash-edge");
    var onlyEdge = useCase(prod, edge).list(ADMIN, filter("edge", null, null, 50));
    assertThat(names(onlyEdge)).containsExactly("edge:crash-edge");
    assertThat(onlyEdge.clusters()).extracting(ClusterProblems::cluster).containsExactly("edge");
  }

  @Test
  void theLimitBoundsTheItemsWhileTotalsCountEveryMatch() {
    var answer =
        useCase(
                cluster(
                    "prod", pod("a", "p1", PodProblem.EVICTED), pod("a", "p2", PodProblem.EVICTED)),
                cluster("edge", pod("a", "p3", PodProblem.EVICTED)))
            .list(ADMIN, filter(null, null, null, 1));

    assertThat(names(answer)).containsExactly("prod:p1");
    assertThat(answer.total()).isEqualTo(3);
    assertThat(answer.clusters())
        .extracting(ClusterProblems::total, ClusterProblems::shown)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, 1), org.assertj.core.groups.Tuple.tuple(1, 0));
  }

  @Test
  void anUnreachableOrLoadingClusterIsMarkedAndTheOthersStillAnswer() {
    var answer =
        useCase(
                cluster("prod", pod("a", "crash", PodProblem.CRASH_LOOP_BACK_OFF)),
                new AwayCluster(
                    "away", DOWN, true, cluster("away", pod("a", "hidden", PodProblem.EVICTED))),
                new AwayCluster(
                    "loading",
                    UP,
                    false,
                    cluster("loading", pod("a", "partial", PodProblem.EVICTED))))
            .list(ADMIN, filter(null, null, null, 50));

    assertThat(names(answer)).containsExactly("prod:crash");
    assertThat(answer.complete()).isFalse();
    ClusterProblems away = answer.clusters().get(1);
    assertThat(away.availability()).isEqualTo(Availability.UNREACHABLE);
    assertThat(away.code()).isEqualTo("cluster.unreachable");
    assertThat(away.details())
        .containsEntry("lastError", "Connection refused")
        .containsEntry("unreachableSince", T0.plusSeconds(5));
    ClusterProblems loading = answer.clusters().get(2);
    assertThat(loading.availability()).isEqualTo(Availability.SYNCING);
    assertThat(loading.code()).isEqualTo("cluster.syncing");
    assertThat(loading.total()).isZero();
  }

  private static final Principal ANN =
      new Principal("ann", List.of(new Grant(Role.VIEWER, Scope.namespace("prod", "web"))));
  private static final Caller ANN_CALLER = new Caller(ANN, Origin.API, null);

  private static ManagedCluster[] annsClusters() {
    return new ManagedCluster[] {
      cluster(
          "prod",
          pod("web", "mine", PodProblem.OOM_KILLED),
          pod("db", "theirs", PodProblem.OOM_KILLED)),
      cluster("edge", pod("web", "elsewhere", PodProblem.OOM_KILLED))
    };
  }

  @Test
  void aNamespaceScopedUserSeesOnlyTheirNamespacesAndClustersWithoutReadsAreMarkedForbidden() {
    var reviews = new TestAuthorizers.GrantReviews().know(ANN);

    var answer =
        useCase(TestAuthorizers.impersonating(reviews), annsClusters())
            .list(ANN_CALLER, filter(null, null, null, 50));

    assertThat(names(answer)).containsExactly("prod:mine");
    assertThat(answer.total()).isEqualTo(1);
    assertThat(answer.clusters())
        .extracting(ClusterProblems::cluster, ClusterProblems::availability)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("prod", Availability.READY),
            org.assertj.core.groups.Tuple.tuple("edge", Availability.FORBIDDEN));
    assertThat(answer.clusters().get(1).code()).isEqualTo("access.denied");
    // nothing the user may read is missing
    assertThat(answer.complete()).isTrue();
  }

  @Test
  void clustersTheUserCannotSeeAreLeftOutAndNamingOneIsRefused() {
    ListProblemPods useCase = useCase(TestAuthorizers.readOnly(), annsClusters());

    var answer = useCase.list(ANN_CALLER, filter(null, null, null, 50));

    assertThat(names(answer)).containsExactly("prod:mine");
    assertThat(answer.clusters()).extracting(ClusterProblems::cluster).containsExactly("prod");
    assertThatThrownBy(() -> useCase.list(ANN_CALLER, filter("edge", null, null, 50)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void anUnknownClusterIsNamedAsSuch() {
    assertThatThrownBy(() -> useCase(cluster("prod")).list(ADMIN, filter("nope", null, null, 50)))
        .isInstanceOf(ClusterNotFoundException.class);
  }

  @Test
  void itemsCarryTheirCluster() {
    ProblemPod only =
        useCase(cluster("prod", pod("a", "x", PodProblem.ERR_IMAGE_PULL)))
            .list(ADMIN, filter(null, null, "ErrImagePull", 5))
            .items()
            .getFirst();
    assertThat(only.cluster()).isEqualTo("prod");
    assertThat(only.pod().problem()).isEqualTo(PodProblem.ERR_IMAGE_PULL);
  }

  @Test
  void refusesBadParametersNamingThem() {
    assertThatThrownBy(() -> ProblemPodFilter.parse(null, null, "Broken", null))
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> {
              assertThat(e.code()).isEqualTo("list.invalid-parameter");
              assertThat(e.properties()).containsEntry("parameter", "reason");
              assertThat((String) e.properties().get("reason")).contains("CrashLoopBackOff");
            });
    assertThatThrownBy(() -> ProblemPodFilter.parse(null, "Not_A_Namespace", null, null))
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> assertThat(e.properties()).containsEntry("parameter", "namespace"));
    assertThatThrownBy(() -> ProblemPodFilter.parse(null, null, null, "501"))
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> assertThat(e.properties()).containsEntry("parameter", "limit"));
    assertThatThrownBy(() -> ProblemPodFilter.parse("bad name", null, null, null))
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> assertThat(e.properties()).containsEntry("parameter", "cluster"));
    assertThat(ProblemPodFilter.parse(" ", " ", " ", null))
        .isEqualTo(new ProblemPodFilter(null, null, "any", 50));
  }
}
