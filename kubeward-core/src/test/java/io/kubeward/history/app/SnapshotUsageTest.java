package io.kubeward.history.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.cluster.domain.Resources;
import io.kubeward.history.domain.UsageSnapshot;
import io.kubeward.usage.domain.ContainerSample;
import io.kubeward.usage.domain.MetricsSnapshot;
import io.kubeward.usage.domain.MetricsSource;
import io.kubeward.usage.domain.NodeSample;
import io.kubeward.usage.domain.PodSample;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sampler's view of the usage snapshot: pods on their nodes and in their workloads. */
class SnapshotUsageTest {

  static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

  static <V extends KubeObjectView> IndexedViews<V> indexed(Map<String, V> byKey) {
    return new IndexedViews<>() {
      @Override
      public Collection<V> all() {
        return byKey.values();
      }

      @Override
      public int size() {
        return byKey.size();
      }

      @Override
      public Collection<String> keys(String index, String value) {
        return List.of();
      }

      @Override
      public V view(String key) {
        return byKey.get(key);
      }
    };
  }

  static PodView pod(String ns, String name, String node, OwnerRef owner) {
    return new PodView(
        ns,
        name,
        name,
        "1",
        T,
        Map.of(),
        owner,
        node,
        PodPhase.RUNNING,
        null,
        "1/1",
        0,
        null,
        Resources.ZERO,
        Resources.ZERO);
  }

  static ObjectView object(String ns, String name, OwnerRef owner) {
    return new ObjectView(ns, name, name, "1", T, Map.of(), owner, "", Map.of());
  }

  final ManagedCluster cluster =
      new ManagedCluster() {
        @Override
        public String name() {
          return "c1";
        }

        @Override
        public Reachability reachability() {
          return Reachability.unknown(T);
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
          return switch (kind) {
            case PODS ->
                indexed(
                    Map.of(
                        "a/web-7d9f-x1",
                            pod("a", "web-7d9f-x1", "n1", new OwnerRef("ReplicaSet", "web-7d9f")),
                        "a/job-1-zz", pod("a", "job-1-zz", "n2", new OwnerRef("Job", "job-1")),
                        "a/db-0", pod("a", "db-0", "n2", new OwnerRef("StatefulSet", "db"))));
            case REPLICASETS ->
                indexed(
                    Map.of(
                        "a/web-7d9f", object("a", "web-7d9f", new OwnerRef("Deployment", "web"))));
            case JOBS ->
                indexed(
                    Map.of("a/job-1", object("a", "job-1", new OwnerRef("CronJob", "nightly"))));
            default -> indexed(Map.of());
          };
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

  static PodSample sample(String name, long cpuNanos) {
    return new PodSample("a", name, T, null, List.of(new ContainerSample("c", cpuNanos, 1024)));
  }

  @Test
  void podsArePlacedOnTheirNodesAndInTheirWorkloads() {
    MetricsSnapshot snapshot =
        new MetricsSnapshot(
            "c1",
            MetricsSource.metricsApi(),
            T,
            Map.of("n1", new NodeSample("n1", T, null, 1_500_000_000L, 4096)),
            Map.of(
                "a",
                Map.of(
                    "web-7d9f-x1", sample("web-7d9f-x1", 250_000_000L),
                    "job-1-zz", sample("job-1-zz", 1_000_000L),
                    "db-0", sample("db-0", 0),
                    "gone", sample("gone", 10))),
            false);
    UsageSnapshot usage =
        new SnapshotUsage(name -> snapshot, registry).snapshot("c1").orElseThrow();

    assertThat(usage.sampledAt()).isEqualTo(T);
    assertThat(usage.nodes()).containsExactly(new UsageSnapshot.NodeUsage("n1", 1500, 4096));
    assertThat(usage.pods())
        .extracting(
            p ->
                new UsageSnapshot.PodUsage(
                    p.namespace(),
                    p.name(),
                    p.node(),
                    p.workloadKind(),
                    p.workloadName(),
                    p.cpu(),
                    p.memory()))
        .contains(
            new UsageSnapshot.PodUsage("a", "web-7d9f-x1", "n1", "Deployment", "web", 250, 1024),
            new UsageSnapshot.PodUsage("a", "job-1-zz", "n2", "CronJob", "nightly", 1, 1024),
            new UsageSnapshot.PodUsage("a", "db-0", "n2", "StatefulSet", "db", 0, 1024),
            new UsageSnapshot.PodUsage("a", "gone", null, null, null, 1, 1024));
    assertThat(usage.pods())
        .filteredOn(p -> p.name().equals("web-7d9f-x1"))
        .singleElement()
        .satisfies(p -> assertThat(p.containers()).extracting(c -> c.name()).containsExactly("c"));
  }

  @Test
  void noMetricsSourceMeansNoSample() {
    MetricsSnapshot absent =
        MetricsSnapshot.absent(
            "c1", MetricsSource.none(MetricsSource.Reason.NOT_INSTALLED, "404"), T);
    assertThat(new SnapshotUsage(name -> absent, registry).snapshot("c1")).isEmpty();
    assertThat(new SnapshotUsage(name -> absent, registry).snapshot("other")).isEmpty();
  }
}
