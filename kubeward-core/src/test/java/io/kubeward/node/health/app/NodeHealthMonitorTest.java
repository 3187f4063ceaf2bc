package io.kubeward.node.health.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.app.RuntimeClusterRegistry;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.NodeConditionView;
import io.kubeward.cluster.domain.NodeVersions;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodProblem;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.cluster.domain.Resources;
import io.kubeward.cluster.domain.ViewChange;
import io.kubeward.node.health.domain.HealthDetection;
import io.kubeward.node.health.domain.NodeHealthRules;
import io.kubeward.node.health.domain.NodeHealthType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class NodeHealthMonitorTest {

  private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final FakeCluster cluster = new FakeCluster();
  private final FakeGateway gateway = new FakeGateway();
  private final List<String> published = new CopyOnWriteArrayList<>();
  private final NodeHealthMonitor monitor =
      new NodeHealthMonitor(
          new RuntimeClusterRegistry(List.of(cluster), "c1"),
          gateway,
          new NodeHealthRules(
              Duration.ofSeconds(30),
              3,
              Duration.ofMinutes(5),
              2,
              Duration.ofMinutes(10),
              Duration.ofHours(1)),
          2,
          clock);

  {
    monitor.addListener(
        new NodeHealthListener() {
          @Override
          public void started(HealthDetection detection) {
            published.add("started " + detection.node() + " " + detection.type());
          }

          @Override
          public void ended(HealthDetection detection) {
            published.add("ended " + detection.node() + " " + detection.type());
          }
        });
  }

  @Test
  void aLeaseThatIsNotRenewedIsDetectedByTheScanAndEndsWhenRenewed() {
    cluster.putNode(node("n1", "True"));
    gateway.leases.put("n1", T0);
    monitor.scan();
    assertThat(published).isEmpty();

    clock.set(T0.plusSeconds(31));
    monitor.scan();

    assertThat(published).containsExactly("started n1 HeartbeatStale");
    assertThat(monitor.detections("c1", "n1", true))
        .singleElement()
        .satisfies(d -> assertThat(d.startedAt()).isEqualTo(T0.plusSeconds(31)));

    gateway.leases.put("n1", T0.plusSeconds(40));
    clock.set(T0.plusSeconds(41));
    monitor.scan();

    assertThat(published).containsExactly("started n1 HeartbeatStale", "ended n1 HeartbeatStale");
    assertThat(monitor.detections("c1", "n1", true)).isEmpty();
    assertThat(monitor.detections("c1", null, false))
        .singleElement()
        .satisfies(d -> assertThat(d.endedAt()).isEqualTo(T0.plusSeconds(41)));
  }

  @Test
  void aCachedNodeChangeIsObservedAtOnceBetweenScans() {
    cluster.putNode(node("n1", "True"));
    monitor.scan();

    clock.set(T0.plusSeconds(5));
    cluster.putNode(node("n1", "Unknown"));

    assertThat(published).containsExactly("started n1 Unknown");
    assertThat(monitor.detections("c1", null, null))
        .extracting(HealthDetection::type)
        .containsExactly(NodeHealthType.Unknown);
  }

  @Test
  void evictedPodsOnANodeCountAsEvictions() {
    cluster.putNode(node("n1", "True"));
    cluster.pods.put("shop/a", evictedPod("a", "n1"));
    monitor.scan();
    assertThat(published).isEmpty();

    cluster.pods.put("shop/b", evictedPod("b", "n1"));
    monitor.scan();

    assertThat(published).containsExactly("started n1 FrequentEvictions");
  }

  @Test
  void aDeletedNodeEndsItsDetectionsAndOnlyTheLastEndedAreKept() {
    cluster.putNode(node("n1", "False"));
    cluster.putNode(node("n2", "False"));
    cluster.putNode(node("n3", "False"));
    monitor.scan();

    clock.set(T0.plusSeconds(1));
    cluster.deleteNode("n1");
    cluster.deleteNode("n2");
    cluster.deleteNode("n3");

    assertThat(published).contains("ended n1 NotReady", "ended n2 NotReady", "ended n3 NotReady");
    assertThat(monitor.detections("c1", null, true)).isEmpty();
    assertThat(monitor.detections("c1", null, false)).hasSize(2);
  }

  // ---- fakes ---------------------------------------------------------------------------------

  private static NodeView node(String name, String ready) {
    return new NodeView(
        name,
        "uid-" + name,
        "1",
        T0,
        Map.of(),
        "True".equals(ready),
        false,
        null,
        List.of(),
        Resources.ZERO,
        Resources.ZERO,
        "v1",
        List.of(),
        List.of(),
        List.of(new NodeConditionView("Ready", ready, null, null, T0)),
        NodeVersions.UNKNOWN);
  }

  private static PodView evictedPod(String name, String node) {
    return new PodView(
        "shop",
        name,
        "uid-" + name,
        "1",
        T0,
        Map.of(),
        new OwnerRef("ReplicaSet", "web"),
        node,
        PodPhase.FAILED,
        PodProblem.EVICTED,
        "0/1",
        0,
        null,
        Resources.ZERO,
        Resources.ZERO);
  }

  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  static final class MapViews<V extends KubeObjectView> implements IndexedViews<V> {
    final Map<String, V> views;
    final CachedKind kind;

    MapViews(Map<String, V> views, CachedKind kind) {
      this.views = views;
      this.kind = kind;
    }

    @Override
    public Collection<V> all() {
      return views.values();
    }

    @Override
    public int size() {
      return views.size();
    }

    @Override
    public Collection<String> keys(String index, String value) {
      List<String> keys = new ArrayList<>();
      views.forEach(
          (key, view) -> {
            if (Indexes.forKind(kind).get(index).apply(view).contains(value)) {
              keys.add(key);
            }
          });
      return keys;
    }

    @Override
    public V view(String key) {
      return views.get(key);
    }
  }

  static final class FakeCluster implements ManagedCluster {
    final Map<String, NodeView> nodes = new ConcurrentHashMap<>();
    final Map<String, PodView> pods = new ConcurrentHashMap<>();
    final List<Consumer<ViewChange>> listeners = new CopyOnWriteArrayList<>();

    void putNode(NodeView node) {
      NodeView before = nodes.put(node.name(), node);
      ViewChange.Type type = before == null ? ViewChange.Type.ADDED : ViewChange.Type.MODIFIED;
      listeners.forEach(l -> l.accept(new ViewChange(CachedKind.NODES, type, node)));
    }

    void deleteNode(String name) {
      NodeView gone = nodes.remove(name);
      listeners.forEach(
          l -> l.accept(new ViewChange(CachedKind.NODES, ViewChange.Type.DELETED, gone)));
    }

    @Override
    public String name() {
      return "c1";
    }

    @Override
    public Reachability reachability() {
      return Reachability.unknown(T0).afterSuccess(T0, Duration.ofMillis(1), "v1.34.4", null);
    }

    @Override
    public boolean cacheSynced() {
      return true;
    }

    @Override
    public ClusterSnapshot snapshot() {
      return new ClusterSnapshot(nodes.values(), List.of(), pods.values(), List.of(), List.of());
    }

    @Override
    public IndexedViews<? extends KubeObjectView> views(CachedKind kind) {
      return switch (kind) {
        case NODES -> new MapViews<>(nodes, kind);
        case PODS -> new MapViews<>(pods, kind);
        default -> new MapViews<>(new HashMap<String, KubeObjectView>(), kind);
      };
    }

    @Override
    public void addListener(Consumer<ViewChange> listener) {
      listeners.add(listener);
    }

    @Override
    public void removeListener(Consumer<ViewChange> listener) {
      listeners.remove(listener);
    }
  }

  static final class FakeGateway implements NodeLeases {
    final Map<String, Instant> leases = new ConcurrentHashMap<>();

    @Override
    public Map<String, Instant> leaseRenewTimes(String cluster) {
      return Map.copyOf(leases);
    }
  }
}
