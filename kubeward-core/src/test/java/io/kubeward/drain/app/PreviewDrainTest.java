package io.kubeward.drain.app;

import static io.kubeward.drain.domain.DrainFixtures.pod;
import static io.kubeward.drain.domain.DrainFixtures.replicaPod;
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
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.app.RuntimeClusterRegistry;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.drain.domain.DrainOptions;
import io.kubeward.drain.domain.DrainPlan;
import io.kubeward.drain.domain.DrainVerdict;
import io.kubeward.drain.domain.PodFate;
import io.kubeward.drain.domain.PodPlan;
import io.kubeward.node.app.NodeNotFoundException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreviewDrainTest {

  private record FakeCluster(String name) implements ManagedCluster {
    @Override
    public Reachability reachability() {
      return Reachability.unknown(Instant.EPOCH);
    }

    @Override
    public boolean cacheSynced() {
      return true;
    }

    @Override
    public ClusterSnapshot snapshot() {
      return new ClusterSnapshot(List.of(), List.of(), List.of(), List.of(), List.of());
    }
  }

  private final FakeDrainGateway gateway = new FakeDrainGateway();
  private final PreviewDrain preview =
      new PreviewDrain(
          new RuntimeClusterRegistry(List.of(new FakeCluster("dev")), "dev"),
          TestAuthorizers.readOnly(),
          gateway);

  private static Caller caller(Scope scope) {
    return new Caller(
        new Principal("ann", List.of(new Grant(Role.VIEWER, scope))), Origin.API, "127.0.0.1");
  }

  @Test
  void aClusterWideViewerSeesThePlanAndChangesNothing() {
    gateway.add(replicaPod("web-1").build());
    gateway.add(pod("debug").build());

    DrainPlan plan =
        preview.preview(caller(Scope.cluster("dev")), "dev", "node-1", DrainOptions.defaults());

    assertThat(plan.node()).isEqualTo("node-1");
    assertThat(plan.verdict()).isEqualTo(DrainVerdict.REFUSED);
    assertThat(plan.pods())
        .extracting(PodPlan::name, PodPlan::fate)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("debug", PodFate.NEEDS_FORCE),
            org.assertj.core.groups.Tuple.tuple("web-1", PodFate.EVICT));
    assertThat(gateway.calls).isEmpty();
  }

  @Test
  void aViewerOfOneNamespaceMayNotPreviewADrain() {
    assertThatThrownBy(
            () ->
                preview.preview(
                    caller(Scope.namespace("dev", "shop")),
                    "dev",
                    "node-1",
                    DrainOptions.defaults()))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void unknownNodeAndClusterAreNotFound() {
    Caller viewer = caller(Scope.everywhere());

    assertThatThrownBy(() -> preview.preview(viewer, "dev", "node-9", DrainOptions.defaults()))
        .isInstanceOfSatisfying(
            NodeNotFoundException.class,
            e -> {
              assertThat(e.code()).isEqualTo("node.not-found");
              assertThat(e.messageArguments()).containsExactly("node-9", "dev");
            });
    assertThatThrownBy(() -> preview.preview(viewer, "dev", "Bad/Name", DrainOptions.defaults()))
        .isInstanceOf(NodeNotFoundException.class);
    assertThatThrownBy(() -> preview.preview(viewer, "prod", "node-1", DrainOptions.defaults()))
        .isInstanceOf(ClusterNotFoundException.class);
  }
}
