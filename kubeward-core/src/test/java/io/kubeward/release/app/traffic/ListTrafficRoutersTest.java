package io.kubeward.release.app.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Caller;
import io.kubeward.access.app.TestAuthorizers;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Principal;
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.app.RuntimeClusterRegistry;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.release.app.TrafficRouter;
import io.kubeward.release.domain.RouterPresence;
import io.kubeward.release.domain.TrafficRouting;
import io.kubeward.release.domain.TrafficSplit;
import io.kubeward.release.domain.TrafficTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListTrafficRoutersTest {

  private static final Caller ALICE =
      new Caller(new Principal("alice", List.of()), Origin.API, "127.0.0.1");

  /** A cluster as far as the registry needs it. */
  private record Cluster(String name) implements ManagedCluster {
    @Override
    public Reachability reachability() {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean cacheSynced() {
      return true;
    }

    @Override
    public ClusterSnapshot snapshot() {
      throw new UnsupportedOperationException();
    }
  }

  private final ClusterRegistry registry =
      new RuntimeClusterRegistry(List.of(new Cluster("c")), "c");

  @Test
  void listsEveryRouterReplicaRatioFirstWithTheReasonInBothLanguages() {
    var useCase =
        new ListTrafficRouters(
            registry,
            TestAuthorizers.impersonating(),
            List.of(
                new Fake("gatewayApi", false, "no CRD", true),
                new Fake("replicaRatio", true, "", false)));

    var reports = useCase.list(ALICE, "c");

    assertThat(reports)
        .extracting(ListTrafficRouters.RouterReport::type)
        .containsExactly("replicaRatio", "gatewayApi");
    assertThat(reports.get(1).present()).isFalse();
    assertThat(reports.get(1).reason()).isEqualTo(Bilingual.of("no CRD", "没有 CRD"));
    assertThat(reports.get(1).supportsHeaderRoutes()).isTrue();
    assertThat(reports.get(0).reason().en()).isEmpty();
  }

  @Test
  void anUnknownClusterOrOneTheCallerDoesNotSeeIsRefused() {
    var useCase = new ListTrafficRouters(registry, TestAuthorizers.readOnly(), List.of());

    assertThatThrownBy(() -> useCase.list(ALICE, "other"))
        .isInstanceOf(ClusterNotFoundException.class);
    assertThatThrownBy(() -> useCase.list(ALICE, "c")).isInstanceOf(AccessDeniedException.class);
  }

  private record Fake(String type, boolean present, String reason, boolean supportsHeaderRoutes)
      implements TrafficRouter {

    @Override
    public RouterPresence presence(String cluster) {
      return new RouterPresence(type, present, reason);
    }

    @Override
    public Bilingual presenceReason(RouterPresence presence) {
      return Bilingual.of(presence.reason(), "没有 CRD");
    }

    @Override
    public List<String> validate(TrafficRouting routing) {
      return List.of();
    }

    @Override
    public void apply(String cluster, TrafficTarget target, TrafficSplit split) {}

    @Override
    public TrafficSplit observe(String cluster, TrafficTarget target) {
      return TrafficSplit.STABLE;
    }

    @Override
    public void restore(String cluster, TrafficTarget target) {}
  }
}
