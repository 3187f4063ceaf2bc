package io.kubeward.logs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.app.RuntimeClusterRegistry;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.ContainerResources;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.cluster.domain.Resources;
import io.kubeward.cluster.domain.ViewChange;
import io.kubeward.logs.domain.LogEvent;
import io.kubeward.logs.domain.LogLimits;
import io.kubeward.logs.domain.LogOptions;
import io.kubeward.logs.domain.LogRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Multi-pod tails over the cache (joining, leaving, capped), and the per-user bound. */
class StreamLogsTest {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private static final Caller ALICE =
      new Caller(new Principal("alice", List.of()), Origin.API, "127.0.0.1");

  private static final class Views implements IndexedViews<KubeObjectView> {
    final Map<String, KubeObjectView> byKey = new ConcurrentHashMap<>();

    @Override
    public Collection<KubeObjectView> all() {
      return byKey.values();
    }

    @Override
    public int size() {
      return byKey.size();
    }

    @Override
    public Collection<String> keys(String index, String value) {
      List<String> keys = new ArrayList<>();
      byKey.forEach(
          (k, v) -> {
            if (index.equals(Indexes.NAMESPACE) && value.equals(v.namespace())) {
              keys.add(k);
            }
          });
      return keys;
    }

    @Override
    public KubeObjectView view(String key) {
      return byKey.get(key);
    }
  }

  private static final class Cluster implements ManagedCluster {
    final Map<CachedKind, Views> views = new ConcurrentHashMap<>();
    final List<Consumer<ViewChange>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
      return "c";
    }

    @Override
    public Reachability reachability() {
      return Reachability.unknown(NOW).afterSuccess(NOW, Duration.ofMillis(5), "v1.34.4", null);
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
      return views.computeIfAbsent(kind, k -> new Views());
    }

    @Override
    public void addListener(Consumer<ViewChange> listener) {
      listeners.add(listener);
    }

    @Override
    public void removeListener(Consumer<ViewChange> listener) {
      listeners.remove(listener);
    }

    void put(CachedKind kind, KubeObjectView view) {
      boolean added =
          ((Views) views(kind)).byKey.put(view.namespace() + "/" + view.name(), view) == null;
      listeners.forEach(
          l ->
              l.accept(
                  new ViewChange(
                      kind, added ? ViewChange.Type.ADDED : ViewChange.Type.MODIFIED, view)));
    }

    void delete(CachedKind kind, KubeObjectView view) {
      ((Views) views(kind)).byKey.remove(view.namespace() + "/" + view.name());
      listeners.forEach(l -> l.accept(new ViewChange(kind, ViewChange.Type.DELETED, view)));
    }
  }

  /** Pods in "shop" visible, nothing elsewhere. */
  private static final AccessReviews SHOP_ONLY =
      new AccessReviews() {
        @Override
        public boolean allows(String cluster, KubeIdentity who, ResourceAction action) {
          return "shop".equals(action.namespace());
        }

        @Override
        public NamespaceVisibility namespaces(
            String cluster,
            KubeIdentity who,
            ResourceAction action,
            Supplier<? extends Collection<String>> namespaces) {
          return NamespaceVisibility.only(Set.of("shop"));
        }

        @Override
        public AccessRules rules(String cluster, KubeIdentity who, String namespace) {
          return AccessRules.NONE;
        }
      };

  /** Each container's log: one line, then (following) open until closed. */
  private static final class FakeLogs implements PodLogs {
    final List<String> opened = new CopyOnWriteArrayList<>();

    @Override
    public InputStream open(
        Caller caller, String cluster, String namespace, String pod, LogOptions options) {
      opened.add(pod + "/" + options.container() + (options.tailLines() == null ? "" : ":tail"));
      byte[] line = ("hello from " + pod + "\n").getBytes(StandardCharsets.UTF_8);
      if (!options.follow()) {
        return new ByteArrayInputStream(line);
      }
      try {
        PipedInputStream in = new PipedInputStream(4096);
        PipedOutputStream out = new PipedOutputStream(in);
        out.write(line);
        out.flush();
        return in;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private final Cluster cluster = new Cluster();
  private final FakeLogs logs = new FakeLogs();
  private final List<LogEvent> events = new CopyOnWriteArrayList<>();

  private StreamLogs useCase(int maxPods, int maxStreams) {
    return useCase(maxPods, maxStreams, ClusterAccess.Mode.IMPERSONATE);
  }

  private StreamLogs useCase(int maxPods, int maxStreams, ClusterAccess.Mode mode) {
    LogLimits d = LogLimits.defaults();
    LogLimits limits =
        new LogLimits(
            maxStreams,
            maxPods,
            d.defaultTailLines(),
            d.maxTailLines(),
            d.maxSince(),
            d.maxLineLength(),
            d.maxBytes(),
            d.idleTimeout(),
            d.maxDuration());
    Authorizer authorizer = new Authorizer(name -> new ClusterAccess(mode, "test", NOW), SHOP_ONLY);
    return new StreamLogs(
        new ClusterReads(new RuntimeClusterRegistry(List.of(cluster), "c"), authorizer),
        authorizer,
        logs,
        limits,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static PodView pod(
      String name, PodPhase phase, Map<String, String> labels, OwnerRef owner) {
    return pod(name, phase, labels, owner, 0);
  }

  private static PodView pod(
      String name, PodPhase phase, Map<String, String> labels, OwnerRef owner, int restarts) {
    return new PodView(
        "shop",
        name,
        "uid-" + name,
        "1",
        NOW,
        labels,
        owner,
        "n1",
        phase,
        null,
        "1/1",
        restarts,
        null,
        new Resources(0, 0, 1),
        new Resources(0, 0, 1),
        List.of(new ContainerResources("app", 0, 0, 0, 0)));
  }

  private static LogRequest follow() {
    return new LogRequest(null, true, false, false, null, null, null, null);
  }

  private List<String> names(Class<? extends LogEvent> type) {
    return events.stream()
        .filter(type::isInstance)
        .map(
            e ->
                switch (e) {
                  case LogEvent.Joined j -> j.pod();
                  case LogEvent.Left l -> l.pod() + ":" + l.reason();
                  case LogEvent.Lines l -> l.pod() + ":" + l.lines().getFirst().text();
                  default -> e.type();
                })
        .toList();
  }

  @Test
  void aSelectorTailFollowsRunningPodsAndSeesPodsJoinAndLeave() {
    Map<String, String> web = Map.of("app", "web");
    cluster.put(CachedKind.PODS, pod("web-1", PodPhase.RUNNING, web, null));
    cluster.put(CachedKind.PODS, pod("web-0", PodPhase.PENDING, web, null));
    cluster.put(CachedKind.PODS, pod("db-0", PodPhase.RUNNING, Map.of("app", "db"), null));
    StreamLogs streams = useCase(20, 5);

    try (LogStream tail =
        streams.tail(ALICE, "c", "shop", "app=web", null, null, follow(), events::add)) {
      await().until(() -> names(LogEvent.Lines.class).contains("web-1:hello from web-1"));
      assertThat(names(LogEvent.Joined.class)).containsExactly("web-1");

      cluster.put(CachedKind.PODS, pod("web-0", PodPhase.RUNNING, web, null));
      await().until(() -> names(LogEvent.Lines.class).contains("web-0:hello from web-0"));
      assertThat(logs.opened).contains("web-1/app:tail", "web-0/app");

      cluster.put(CachedKind.PODS, pod("web-0", PodPhase.RUNNING, web, null, 1));
      await().until(() -> names(LogEvent.Left.class).contains("web-0:restarted"));
      await().until(() -> logs.opened.stream().filter("web-0/app"::equals).count() == 2);

      cluster.delete(CachedKind.PODS, pod("web-1", PodPhase.RUNNING, web, null));
      await().until(() -> names(LogEvent.Left.class).contains("web-1:deleted"));
      assertThat(streams.openStreams("alice")).isEqualTo(1);
    }
    assertThat(streams.openStreams("alice")).isZero();
    assertThat(cluster.listeners).isEmpty();
  }

  @Test
  void aDeploymentTailFindsItsPodsThroughItsReplicaSetsAndIsCapped() {
    cluster.put(
        CachedKind.DEPLOYMENTS,
        new ObjectView("shop", "web", "u", "1", NOW, Map.of(), null, "ok", Map.of()));
    cluster.put(
        CachedKind.REPLICASETS,
        new ObjectView(
            "shop",
            "web-abc",
            "u",
            "1",
            NOW,
            Map.of(),
            new OwnerRef("Deployment", "web"),
            "ok",
            Map.of()));
    for (int i = 0; i < 3; i++) {
      cluster.put(
          CachedKind.PODS,
          pod("web-abc-" + i, PodPhase.RUNNING, Map.of(), new OwnerRef("ReplicaSet", "web-abc")));
    }
    cluster.put(
        CachedKind.PODS, pod("other", PodPhase.RUNNING, Map.of(), new OwnerRef("ReplicaSet", "x")));
    StreamLogs streams = useCase(2, 5);

    LogRequest once = new LogRequest(null, false, false, false, null, null, "10", null);
    try (LogStream tail =
        streams.tail(ALICE, "c", "shop", null, "deploy", "web", once, events::add)) {
      await().until(() -> events.stream().anyMatch(LogEvent.Finished.class::isInstance));
    }
    assertThat(names(LogEvent.Joined.class)).containsExactly("web-abc-0", "web-abc-1");
    assertThat(events)
        .filteredOn(LogEvent.Capped.class::isInstance)
        .singleElement()
        .isEqualTo(new LogEvent.Capped(3, 2, List.of("web-abc-2")));
    assertThatThrownBy(
            () -> streams.tail(ALICE, "c", "shop", null, "deployment", "nope", once, events::add))
        .hasMessageContaining("does not exist");
  }

  @Test
  void aCronJobTailFindsThePodsOfItsJobs() {
    cluster.put(
        CachedKind.CRONJOBS,
        new ObjectView("shop", "nightly", "u", "1", NOW, Map.of(), null, "ok", Map.of()));
    cluster.put(
        CachedKind.JOBS,
        new ObjectView(
            "shop",
            "nightly-1",
            "u",
            "1",
            NOW,
            Map.of(),
            new OwnerRef("CronJob", "nightly"),
            "ok",
            Map.of()));
    cluster.put(
        CachedKind.PODS,
        pod("nightly-1-x", PodPhase.SUCCEEDED, Map.of(), new OwnerRef("Job", "nightly-1")));
    cluster.put(
        CachedKind.PODS,
        pod("other-x", PodPhase.SUCCEEDED, Map.of(), new OwnerRef("Job", "other")));
    StreamLogs streams = useCase(20, 5);

    LogRequest once = new LogRequest(null, false, false, false, null, null, "10", null);
    try (LogStream tail =
        streams.tail(ALICE, "c", "shop", null, "cj", "nightly", once, events::add)) {
      await().until(() -> events.stream().anyMatch(LogEvent.Finished.class::isInstance));
    }
    assertThat(names(LogEvent.Joined.class)).containsExactly("nightly-1-x");
  }

  @Test
  void streamsPerUserAreBoundedAndOtherNamespacesRefused() {
    cluster.put(CachedKind.PODS, pod("web-1", PodPhase.RUNNING, Map.of("app", "web"), null));
    StreamLogs streams = useCase(20, 2);
    LogStream a = streams.pod(ALICE, "c", "shop", "web-1", follow(), events::add);
    LogStream b = streams.tail(ALICE, "c", "shop", "app=web", null, null, follow(), events::add);
    assertThatThrownBy(() -> streams.pod(ALICE, "c", "shop", "web-1", follow(), events::add))
        .isInstanceOf(LogStreamLimitException.class);
    a.close();
    a.close();
    LogStream c = streams.pod(ALICE, "c", "shop", "web-1", follow(), events::add);
    b.close();
    c.close();
    assertThat(streams.openStreams("alice")).isZero();
    assertThat(logs.opened).contains("web-1/app:tail");

    assertThatThrownBy(
            () -> streams.tail(ALICE, "c", "kube-system", "a=b", null, null, follow(), events::add))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () -> streams.tail(ALICE, "c", "shop", "a=b", "deployment", "x", follow(), events::add))
        .hasMessageContaining("logs.invalid-option");
  }

  @Test
  void whereKubewardMayNotImpersonateTheCallersGrantsDecideBeforeAnythingIsRead() {
    cluster.put(CachedKind.PODS, pod("web-1", PodPhase.RUNNING, Map.of(), null));
    StreamLogs streams = useCase(20, 5, ClusterAccess.Mode.READ_ONLY);
    assertThatThrownBy(() -> streams.pod(ALICE, "c", "shop", "web-1", follow(), events::add))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(logs.opened).isEmpty();
    assertThat(streams.openStreams("alice")).isZero();
  }

  @Test
  void aFollowedStreamEndsWhenIdleOrTooLong() {
    cluster.put(CachedKind.PODS, pod("web-1", PodPhase.RUNNING, Map.of(), null));
    StreamLogs streams = useCase(20, 5);
    try (LogStream s = streams.pod(ALICE, "c", "shop", "web-1", follow(), events::add)) {
      assertThat(s.expired(NOW.plusSeconds(60))).isNull();
      assertThat(s.expired(NOW.plus(Duration.ofMinutes(31)))).isEqualTo("idle");
      assertThat(s.expired(NOW.plus(Duration.ofHours(5)))).isEqualTo("max-duration");
    }
  }
}
