package io.kubeward.events.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.cluster.domain.PodProjection;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.events.domain.InvolvedObject;
import io.kubeward.events.domain.Timeline.Related;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which objects a timeline gathers, over a cache of views made by the real projections. */
class GetEventTimelineTest {

  static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  final Map<CachedKind, Map<String, KubeObjectView>> cache = new EnumMap<>(CachedKind.class);

  void put(CachedKind kind, KubeObjectView view) {
    cache
        .computeIfAbsent(kind, k -> new LinkedHashMap<>())
        .put(view.namespace() == null ? view.name() : view.namespace() + "/" + view.name(), view);
  }

  static ObjectView object(String ns, String name, OwnerRef owner) {
    return new ObjectView(ns, name, "uid-" + name, "1", T0, Map.of(), owner, "", Map.of());
  }

  static KubeObjectView pod(String ns, String name, String node, OwnerRef owner) {
    PodBuilder pod =
        new PodBuilder()
            .withNewMetadata()
            .withNamespace(ns)
            .withName(name)
            .withUid("uid-" + name)
            .withResourceVersion("1")
            .endMetadata()
            .withNewSpec()
            .withNodeName(node)
            .endSpec();
    if (owner != null) {
      pod.editMetadata()
          .addNewOwnerReference()
          .withKind(owner.kind())
          .withName(owner.name())
          .withController(true)
          .endOwnerReference()
          .endMetadata();
    }
    return PodProjection.pod(pod.build());
  }

  List<String> relatives(InvolvedObject subject, int max) {
    List<Related> out = new ArrayList<>();
    boolean truncated = GetEventTimeline.relatives(new Cluster(), subject, max, out);
    List<String> names = new ArrayList<>();
    for (Related r : out) {
      names.add(r.relation() + " " + r.object().kind() + " " + r.object().name());
    }
    if (truncated) {
      names.add("…");
    }
    return names;
  }

  void deployment() {
    put(CachedKind.DEPLOYMENTS, object("a", "web", null));
    put(CachedKind.REPLICASETS, object("a", "web-1", new OwnerRef("Deployment", "web")));
    put(CachedKind.REPLICASETS, object("a", "web-2", new OwnerRef("Deployment", "web")));
    put(CachedKind.PODS, pod("a", "web-1-x", "n1", new OwnerRef("ReplicaSet", "web-1")));
    put(CachedKind.PODS, pod("a", "web-2-y", "n2", new OwnerRef("ReplicaSet", "web-2")));
    put(CachedKind.PODS, pod("a", "lonely", "n1", null));
    put(CachedKind.PODS, pod("b", "web-1-z", "n1", new OwnerRef("ReplicaSet", "web-1")));
  }

  @Test
  void aDeploymentGathersItsReplicaSetsAndTheirPods() {
    deployment();
    assertThat(relatives(new InvolvedObject("Deployment", "a", "web"), 100))
        .containsExactlyInAnyOrder(
            "SELF Deployment web",
            "OWNED ReplicaSet web-1",
            "OWNED ReplicaSet web-2",
            "POD Pod web-1-x",
            "POD Pod web-2-y")
        .startsWith("SELF Deployment web");
  }

  @Test
  void aPodGathersItsOwnerChain() {
    deployment();
    assertThat(relatives(new InvolvedObject("Pod", "a", "web-1-x"), 100))
        .containsExactly("SELF Pod web-1-x", "OWNER ReplicaSet web-1", "OWNER Deployment web");
  }

  @Test
  void aNodeGathersItsPodsAndTheBoundCuts() {
    deployment();
    assertThat(relatives(new InvolvedObject("Node", null, "n1"), 100))
        .containsExactlyInAnyOrder(
            "SELF Node n1", "POD Pod web-1-x", "POD Pod lonely", "POD Pod web-1-z");
    assertThat(relatives(new InvolvedObject("Node", null, "n1"), 2)).hasSize(3).endsWith("…");
  }

  @Test
  void settingsAreValidated() {
    assertThat(EventSettings.defaults().retention()).isEqualTo(Duration.ofDays(7));
    assertThatThrownBy(
            () ->
                new EventSettings(
                    true,
                    Duration.ofMinutes(5),
                    500,
                    Duration.ofSeconds(5),
                    Duration.ofMinutes(10),
                    1_000_000,
                    50_000,
                    Duration.ofDays(31),
                    100_000,
                    500))
        .hasMessageContaining("kubeward.events.retention");
    assertThatThrownBy(
            () ->
                new EventSettings(
                    true,
                    Duration.ofDays(7),
                    500,
                    Duration.ofSeconds(5),
                    Duration.ofMinutes(10),
                    1_000_000,
                    10,
                    Duration.ofDays(31),
                    100_000,
                    500))
        .hasMessageContaining("kubeward.events.max-buffered");
  }

  final class Cluster implements ManagedCluster {
    @Override
    public String name() {
      return "c";
    }

    @Override
    public Reachability reachability() {
      return Reachability.unknown(T0);
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
      Map<String, KubeObjectView> views = cache.getOrDefault(kind, Map.of());
      return new IndexedViews<>() {
        @Override
        public Collection<KubeObjectView> all() {
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
        public KubeObjectView view(String key) {
          return views.get(key);
        }
      };
    }
  }
}
