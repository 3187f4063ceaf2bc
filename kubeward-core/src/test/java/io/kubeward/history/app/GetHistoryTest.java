package io.kubeward.history.app;

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
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.common.KubewardException;
import io.kubeward.history.domain.History;
import io.kubeward.history.domain.HistoryTarget;
import io.kubeward.history.domain.SourceKind;
import io.kubeward.history.domain.UsageValues;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Who may see which history, and where it comes from. */
class GetHistoryTest {

  static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  /** What the cluster allows alice: "verb group/resource namespace" strings. */
  final Set<String> allowed = new HashSet<>();

  final TestClock clock = new TestClock(NOW);
  final InMemoryHistoryStore store = new InMemoryHistoryStore();
  final HistorySettings settings = HistorySettings.defaults();

  final AccessReviews reviews =
      new AccessReviews() {
        @Override
        public boolean allows(String cluster, KubeIdentity who, ResourceAction action) {
          return allowed.contains(
              action.verb()
                  + " "
                  + action.group()
                  + "/"
                  + action.resource()
                  + " "
                  + action.namespace());
        }

        @Override
        public NamespaceVisibility namespaces(
            String cluster,
            KubeIdentity who,
            ResourceAction action,
            Supplier<? extends Collection<String>> namespaces) {
          return NamespaceVisibility.NONE;
        }

        @Override
        public AccessRules rules(String cluster, KubeIdentity who, String namespace) {
          return AccessRules.NONE;
        }
      };

  final ManagedCluster cluster =
      new ManagedCluster() {
        @Override
        public String name() {
          return "c1";
        }

        @Override
        public Reachability reachability() {
          return Reachability.unknown(NOW);
        }

        @Override
        public boolean cacheSynced() {
          return true;
        }

        @Override
        public ClusterSnapshot snapshot() {
          throw new UnsupportedOperationException();
        }
      };

  final ClusterRegistry registry =
      new ClusterRegistry() {
        @Override
        public List<ManagedCluster> all() {
          return List.of(cluster);
        }

        @Override
        public Optional<ManagedCluster> find(String name) {
          return name.equals("c1") ? Optional.of(cluster) : Optional.empty();
        }

        @Override
        public String defaultClusterName() {
          return "c1";
        }
      };

  final Authorizer authorizer =
      new Authorizer(name -> new ClusterAccess(ClusterAccess.Mode.IMPERSONATE, "ok", NOW), reviews);
  final PrometheusConfigStore noPrometheus =
      new PrometheusConfigStore() {
        @Override
        public Optional<Stored> find(String c) {
          return Optional.empty();
        }

        @Override
        public void save(Stored stored) {}

        @Override
        public boolean delete(String c) {
          return false;
        }
      };
  final GetHistory history =
      new GetHistory(
          new ClusterReads(registry, authorizer),
          authorizer,
          new PrometheusHistory(noPrometheus, null, clock),
          new BuiltInHistory(store, settings, clock),
          settings,
          clock);
  final Caller alice = new Caller(new Principal("alice", List.of()), Origin.API, "127.0.0.1");

  static GetHistory.Request request(String target, String name, String namespace) {
    return new GetHistory.Request(target, name, namespace, null, "1h", null, null);
  }

  @Test
  void nodeHistoryNeedsNodesAndTheirMetrics() {
    allowed.add("list /nodes null");
    assertThatThrownBy(() -> history.get(alice, "c1", request("node", "n1", null)))
        .isInstanceOf(AccessDeniedException.class);
    allowed.add("list metrics.k8s.io/nodes null");
    assertThat(history.get(alice, "c1", request("node", "n1", null)).source())
        .isEqualTo(SourceKind.NONE);
  }

  @Test
  void podHistoryNeedsPodsAndTheirMetricsInTheNamespace() {
    allowed.add("list /pods a");
    allowed.add("list metrics.k8s.io/pods a");
    assertThat(history.get(alice, "c1", request("pod", "p", "a")).source())
        .isEqualTo(SourceKind.NONE);
    assertThatThrownBy(() -> history.get(alice, "c1", request("pod", "p", "b")))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> history.get(alice, "c1", request("cluster", null, null)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void theBuiltInHistoryOnceItHasSamples() {
    allowed.add("list /nodes null");
    allowed.add("list metrics.k8s.io/nodes null");
    History none = history.get(alice, "c1", request("cluster", null, null));
    assertThat(none.source()).isEqualTo(SourceKind.NONE);
    assertThat(none.message()).isEqualTo(GetHistory.NO_SOURCE);

    store.append(
        "c1",
        NOW.minusSeconds(60),
        Map.of(HistoryTarget.cluster(), new UsageValues(1.0, 2.0, 3.0)));
    History builtIn = history.get(alice, "c1", request("cluster", null, null));
    assertThat(builtIn.source()).isEqualTo(SourceKind.BUILT_IN);
    assertThat(builtIn.step()).isEqualTo(Duration.ofSeconds(30));
    assertThat(builtIn.series()).hasSize(3);
  }

  @Test
  void badRequestsAreProblems() {
    assertThatThrownBy(() -> history.get(alice, "c1", request("galaxy", null, null)))
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> assertThat(e.code()).isEqualTo(HistoryRequestException.INVALID));
    assertThatThrownBy(() -> history.get(alice, "c1", request("pod", "UPPER", "a")))
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> assertThat(e.code()).isEqualTo(HistoryRequestException.INVALID));
    allowed.add("list /nodes null");
    allowed.add("list metrics.k8s.io/nodes null");
    assertThatThrownBy(
            () ->
                history.get(
                    alice,
                    "c1",
                    new GetHistory.Request("cluster", null, null, null, "3h", null, null)))
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> assertThat(e.code()).isEqualTo(HistoryRequestException.INVALID));
    assertThatThrownBy(() -> history.get(alice, "nowhere", request("cluster", null, null)))
        .isInstanceOfSatisfying(
            KubewardException.class, e -> assertThat(e.code()).isEqualTo("cluster.not-found"));
  }
}
