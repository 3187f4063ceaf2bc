package io.kubeward.usage.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.AccessReviews;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.AccessRules;
import io.kubeward.access.domain.ClusterAccess;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Principal;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ClusterRequestException;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.app.RuntimeClusterRegistry;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.ContainerResources;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.NamespaceView;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.cluster.domain.Resources;
import io.kubeward.usage.domain.ContainerSample;
import io.kubeward.usage.domain.MetricsSnapshot;
import io.kubeward.usage.domain.MetricsSource;
import io.kubeward.usage.domain.NodeSample;
import io.kubeward.usage.domain.PodSample;
import io.kubeward.usage.domain.UsagePod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Who sees what of usage: the cluster's answers for the caller's identity decide. */
class GetUsageTest {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private static final Reachability UP =
      Reachability.unknown(NOW).afterSuccess(NOW, Duration.ofMillis(5), "v1.34.4", null);

  /** A namespace-scoped user: pods (and their metrics, if {@code podMetrics}) in "a" only. */
  private record ScopedReviews(boolean podMetrics) implements AccessReviews {
    @Override
    public boolean allows(String cluster, KubeIdentity who, ResourceAction action) {
      return action.namespace() != null && action.namespace().equals("a") && allowed(action);
    }

    private boolean allowed(ResourceAction action) {
      return action.resource().equals("pods")
          && (action.group().isEmpty() || (podMetrics && action.group().equals("metrics.k8s.io")));
    }

    @Override
    public NamespaceVisibility namespaces(
        String cluster,
        KubeIdentity who,
        ResourceAction action,
        Supplier<? extends Collection<String>> namespaces) {
      return allowed(action) ? NamespaceVisibility.only(Set.of("a")) : NamespaceVisibility.NONE;
    }

    @Override
    public AccessRules rules(String cluster, KubeIdentity who, String namespace) {
      return AccessRules.NONE;
    }
  }

  private static final class Views<V extends KubeObjectView> implements IndexedViews<V> {
    private final List<V> views;

    Views(List<V> views) {
      this.views = views;
    }

    @Override
    public Collection<V> all() {
      return views;
    }

    @Override
    public int size() {
      return views.size();
    }

    @Override
    public Collection<String> keys(String index, String value) {
      List<String> keys = new ArrayList<>();
      for (V view : views) {
        if (index.equals(Indexes.NAMESPACE) && value.equals(view.namespace())) {
          keys.add(view.namespace() + "/" + view.name());
        }
      }
      return keys;
    }

    @Override
    public V view(String key) {
      for (V view : views) {
        String own = view.namespace() == null ? view.name() : view.namespace() + "/" + view.name();
        if (own.equals(key)) {
          return view;
        }
      }
      return null;
    }
  }

  private static final NodeView NODE =
      new NodeView(
          "n1",
          "u",
          "1",
          NOW,
          Map.of(),
          true,
          false,
          "a",
          List.of(),
          new Resources(2000, 4L << 30, 110),
          new Resources(2000, 4L << 30, 110),
          "v1.34.4");

  private static PodView pod(String namespace, String name) {
    return new PodView(
        namespace,
        name,
        "u-" + name,
        "1",
        NOW,
        Map.of("app", name),
        null,
        "n1",
        PodPhase.RUNNING,
        null,
        "1/1",
        0,
        null,
        new Resources(100, 1 << 20, 1),
        new Resources(200, 2 << 20, 1),
        List.of(new ContainerResources("app", 100, 1 << 20, 200, 2 << 20)));
  }

  private record Cluster(Map<CachedKind, IndexedViews<? extends KubeObjectView>> views)
      implements ManagedCluster {
    @Override
    public String name() {
      return "c";
    }

    @Override
    public Reachability reachability() {
      return UP;
    }

    @Override
    public boolean cacheSynced() {
      return true;
    }

    @Override
    public ClusterSnapshot snapshot() {
      throw new UnsupportedOperationException();
    }

    @Override
    public IndexedViews<? extends KubeObjectView> views(CachedKind kind) {
      return views.getOrDefault(kind, new Views<>(List.of()));
    }
  }

  private final Cluster cluster =
      new Cluster(
          Map.of(
              CachedKind.NODES, new Views<>(List.of(NODE)),
              CachedKind.NAMESPACES,
                  new Views<>(
                      List.of(
                          new NamespaceView("a", "ua", "1", NOW, Map.of(), "Active"),
                          new NamespaceView("b", "ub", "1", NOW, Map.of(), "Active"))),
              CachedKind.PODS, new Views<>(List.of(pod("a", "p1"), pod("b", "p2")))));

  private final AtomicInteger reads = new AtomicInteger();

  private final UsageSnapshots snapshots =
      name -> {
        reads.incrementAndGet();
        return new MetricsSnapshot(
            name,
            MetricsSource.metricsApi(),
            NOW,
            Map.of("n1", new NodeSample("n1", NOW, Duration.ofSeconds(15), 900_000_000L, 1L << 30)),
            Map.of(
                "a", Map.of("p1", sample("a", "p1")),
                "b", Map.of("p2", sample("b", "p2"))),
            false);
      };

  private static PodSample sample(String namespace, String name) {
    return new PodSample(
        namespace,
        name,
        NOW,
        Duration.ofSeconds(15),
        List.of(new ContainerSample("app", 50_000_000L, 1 << 20)));
  }

  private GetUsage useCase(AccessReviews reviews) {
    RuntimeClusterRegistry registry = new RuntimeClusterRegistry(List.of(cluster), "c");
    Authorizer authorizer =
        new Authorizer(
            name -> new ClusterAccess(ClusterAccess.Mode.IMPERSONATE, "test", NOW), reviews);
    return new GetUsage(new ClusterReads(registry, authorizer), authorizer, snapshots);
  }

  private static final Caller ALICE =
      new Caller(new Principal("alice", List.of()), Origin.API, "127.0.0.1");

  @Test
  void aNamespaceScopedUserSeesOnlyItsPodsUsageAndNoNodeUsage() {
    GetUsage usage = useCase(new ScopedReviews(true));

    var overview = usage.overview(ALICE, "c");
    assertThat(overview.topNodes()).isEmpty();
    assertThat(overview.cpu().allocatable()).isNull();
    assertThat(overview.cpu().used()).isEqualTo(50L);
    assertThat(overview.pods().count()).isEqualTo(1);

    var pods = usage.pods(ALICE, "c", new GetUsage.PodQuery(null, null, null, null, null, null));
    assertThat(pods.items()).extracting(UsagePod::name).containsExactly("p1");
    assertThat(pods.items().get(0).cpu().used()).isEqualTo(50L);

    assertThatThrownBy(() -> usage.nodes(ALICE, "c")).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () -> usage.pods(ALICE, "c", new GetUsage.PodQuery("b", null, null, null, null, null)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> usage.workloads(ALICE, "c", "b"))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void withoutTheRightToListPodMetricsRequestsAreShownButNotUsage() {
    GetUsage usage = useCase(new ScopedReviews(false));

    var pods = usage.pods(ALICE, "c", new GetUsage.PodQuery("a", null, null, null, null, null));

    assertThat(pods.items())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.cpu().used()).isNull();
              assertThat(p.cpu().requested()).isEqualTo(100);
            });
  }

  @Test
  void nothingIsReadFromTheMetricsApiForACallerWhoMayListNothing() {
    Caller bob = new Caller(new Principal("bob", List.of()), Origin.API, "127.0.0.1");
    GetUsage nobody =
        useCase(
            new AccessReviews() {
              @Override
              public boolean allows(String c, KubeIdentity who, ResourceAction action) {
                return false;
              }

              @Override
              public NamespaceVisibility namespaces(
                  String c,
                  KubeIdentity who,
                  ResourceAction action,
                  Supplier<? extends Collection<String>> namespaces) {
                return NamespaceVisibility.NONE;
              }

              @Override
              public AccessRules rules(String c, KubeIdentity who, String namespace) {
                return AccessRules.NONE;
              }
            });

    assertThatThrownBy(() -> nobody.overview(bob, "c")).isInstanceOf(AccessDeniedException.class);
    assertThat(reads).hasValue(0);
  }

  @Test
  void parametersAreBoundBeforeAnythingIsRead() {
    GetUsage usage = useCase(new ScopedReviews(true));

    assertThatThrownBy(
            () ->
                usage.pods(
                    ALICE, "c", new GetUsage.PodQuery("Not_A_NS", null, null, null, null, null)))
        .isInstanceOf(ClusterRequestException.class);
    assertThatThrownBy(
            () ->
                usage.pods(
                    ALICE, "c", new GetUsage.PodQuery(null, "a in (", null, null, null, null)))
        .isInstanceOf(ClusterRequestException.class);
    assertThatThrownBy(
            () ->
                usage.pods(ALICE, "c", new GetUsage.PodQuery(null, null, null, "disk", null, null)))
        .isInstanceOf(ClusterRequestException.class);
    assertThatThrownBy(
            () ->
                usage.pods(
                    ALICE, "c", new GetUsage.PodQuery(null, null, null, null, "100000", null)))
        .hasMessageContaining("limit");
    assertThatThrownBy(
            () -> usage.pods(ALICE, "c", new GetUsage.PodQuery(null, null, null, null, null, "xx")))
        .isInstanceOf(ClusterRequestException.class);
    assertThat(reads).hasValue(0);
  }
}
