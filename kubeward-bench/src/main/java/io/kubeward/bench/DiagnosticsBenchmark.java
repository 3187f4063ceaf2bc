package io.kubeward.bench;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.EventProjection;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.PodProjection;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.cluster.domain.ViewChange;
import io.kubeward.diagnostics.app.DiagnosticsEngine;
import io.kubeward.diagnostics.app.DiagnosticsSettings;
import io.kubeward.diagnostics.app.EngineStatistics;
import io.kubeward.diagnostics.app.FindingHistory;
import io.kubeward.diagnostics.domain.rules.DiagnosticRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Diagnostics over a synthetic cache (no apiserver): {@code pods} pods built as fabric8 objects and
 * projected by the real {@link PodProjection} into in-memory stores with the real indexes, 4 % of
 * them failing (crash loops, some OOMKilled, image pulls, unschedulable with the scheduler's
 * message, configuration errors) with a Warning event each, in 100 namespaces. Measures:
 *
 * <ol>
 *   <li>a full pass of every rule of {@link DiagnosticRules} over every object (p50 and max of 10
 *       after 3 warm-ups);
 *   <li>the incremental cost per change: one pod flips between healthy and crash-looping, the cache
 *       tells the engine, and the next debounced evaluation judges it ({@code processPending} after
 *       every change: no coalescing, the worst case), p50/p99 over 2,000 changes;
 *   <li>a burst: 5,000 changes, then one evaluation (time per change).
 * </ol>
 *
 * Run: {@code bin/benchmark diagnostics [pods]} (default 30,000), or {@code
 * DiagnosticsBenchmark.run(pods)} from a test.
 */
public final class DiagnosticsBenchmark {

  static final int NAMESPACES = 100;

  /** What one run measured. */
  public record Result(
      int pods,
      int findings,
      Duration fullPassP50,
      Duration fullPassMax,
      Duration changeP50,
      Duration changeP99,
      Duration burstPerChange,
      long heapUsedMiB) {

    String markdown() {
      return String.format(
          Locale.ROOT,
          "| %,d pods | %,d findings | full pass p50 %.1f ms, max %.1f ms | per change p50 %.1f µs,"
              + " p99 %.1f µs | burst %.1f µs/change | heap after %d MiB |",
          pods,
          findings,
          fullPassP50.toNanos() / 1e6,
          fullPassMax.toNanos() / 1e6,
          changeP50.toNanos() / 1e3,
          changeP99.toNanos() / 1e3,
          burstPerChange.toNanos() / 1e3,
          heapUsedMiB);
    }
  }

  private DiagnosticsBenchmark() {}

  public static void main(String[] args) {
    int pods = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
    Result result = run(pods);
    System.out.println(
        "Diagnostics benchmark (synthetic cache, " + DiagnosticRules.all().size() + " rules)");
    System.out.println(result.markdown());
  }

  public static Result run(int podCount) {
    MemoryCache cache = new MemoryCache();
    Instant now = Instant.parse("2026-12-03T12:00:00Z");
    List<PodView> healthy = new ArrayList<>();
    for (int i = 0; i < podCount; i++) {
      String namespace = "ns-" + (i % NAMESPACES);
      String name = "app-" + (i / NAMESPACES / 15) + "-" + Integer.toString(i, 36);
      int kind = i % 100;
      Pod pod = kind < 4 ? failing(namespace, name, kind) : healthy(namespace, name);
      PodView view = PodProjection.pod(pod);
      cache.put(CachedKind.PODS, view);
      if (kind < 4) {
        cache.put(
            CachedKind.EVENTS,
            EventProjection.event(
                new EventBuilder()
                    .withNewMetadata()
                    .withNamespace(namespace)
                    .withName(name + ".1")
                    .withUid("e-" + i)
                    .withResourceVersion("1")
                    .endMetadata()
                    .withType("Warning")
                    .withReason(kind == 2 ? "FailedScheduling" : "BackOff")
                    .withMessage("Back-off restarting failed container app")
                    .withNewInvolvedObject()
                    .withKind("Pod")
                    .withNamespace(namespace)
                    .withName(name)
                    .endInvolvedObject()
                    .withCount(3)
                    .withLastTimestamp(now.toString())
                    .build()));
      } else if (healthy.size() < 2_000) {
        healthy.add(view);
      }
    }
    for (int n = 0; n < NAMESPACES; n++) {
      // the ConfigMap every pod mounts
      cache.put(
          CachedKind.CONFIGMAPS,
          new io.kubeward.cluster.domain.ObjectView(
              "ns-" + n, "settings", "cm-" + n, "1", now, Map.of(), null, "", Map.of()));
    }
    ClusterRegistry registry = new SingleCluster(cache);
    DiagnosticsEngine engine =
        new DiagnosticsEngine(
            registry,
            DiagnosticRules.all(),
            DiagnosticsSettings.DEFAULTS,
            FindingHistory.NONE,
            c -> false,
            Clock.fixed(now, java.time.ZoneOffset.UTC));

    long[] passes = new long[10];
    for (int i = 0; i < 13; i++) {
      long started = System.nanoTime();
      engine.fullPass();
      if (i >= 3) {
        passes[i - 3] = System.nanoTime() - started;
      }
    }
    Arrays.sort(passes);
    int findings = engine.active("bench").size();

    long[] changes = new long[healthy.size()];
    for (int i = 0; i < healthy.size(); i++) {
      PodView pod = healthy.get(i);
      PodView broken = PodProjection.pod(failing(pod.namespace(), pod.name(), 0));
      long started = System.nanoTime();
      cache.put(CachedKind.PODS, broken);
      engine.processPending();
      changes[i] = System.nanoTime() - started;
    }
    Arrays.sort(changes);

    int burst = Math.min(5_000, healthy.size() * 2);
    List<PodView> burstViews = new ArrayList<>(burst);
    for (int i = 0; i < burst; i++) {
      PodView pod = healthy.get(i % healthy.size());
      burstViews.add(
          i < healthy.size() ? pod : PodProjection.pod(failing(pod.namespace(), pod.name(), 1)));
    }
    long started = System.nanoTime();
    for (PodView view : burstViews) {
      cache.put(CachedKind.PODS, view);
    }
    engine.processPending();
    long burstNanos = System.nanoTime() - started;

    Runtime runtime = Runtime.getRuntime();
    System.gc();
    long heap = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    EngineStatistics statistics = engine.statistics("bench").orElseThrow();
    if (statistics.ruleFailures() > 0) {
      throw new IllegalStateException("rules failed: " + statistics);
    }
    engine.close();
    return new Result(
        podCount,
        findings,
        Duration.ofNanos(passes[passes.length / 2]),
        Duration.ofNanos(passes[passes.length - 1]),
        Duration.ofNanos(changes.length == 0 ? 0 : changes[changes.length / 2]),
        Duration.ofNanos(changes.length == 0 ? 0 : changes[(int) (changes.length * 0.99)]),
        Duration.ofNanos(burst == 0 ? 0 : burstNanos / burst),
        heap);
  }

  private static PodBuilder base(String namespace, String name, String phase) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withUid("uid-" + namespace + "-" + name)
        .withResourceVersion("1")
        .withCreationTimestamp("2026-12-03T11:00:00Z")
        .addToLabels("app", name.substring(0, name.lastIndexOf('-')))
        .endMetadata()
        .withNewSpec()
        .withNodeName("node-" + Math.abs(name.hashCode() % 50))
        .addNewContainer()
        .withName("app")
        .withImage("registry.example/shop/web:1.4.2")
        .withNewResources()
        .addToRequests("cpu", new Quantity("100m"))
        .addToRequests("memory", new Quantity("128Mi"))
        .addToLimits("memory", new Quantity("256Mi"))
        .endResources()
        .endContainer()
        .addNewVolume()
        .withName("config")
        .withNewConfigMap()
        .withName("settings")
        .endConfigMap()
        .endVolume()
        .endSpec()
        .withNewStatus()
        .withPhase(phase)
        .withStartTime("2026-12-03T11:00:00Z")
        .endStatus();
  }

  static Pod healthy(String namespace, String name) {
    return base(namespace, name, "Running")
        .editStatus()
        .addNewContainerStatus()
        .withName("app")
        .withImage("registry.example/shop/web:1.4.2")
        .withReady(true)
        .withRestartCount(0)
        .withNewState()
        .withNewRunning()
        .withStartedAt("2026-12-03T11:00:05Z")
        .endRunning()
        .endState()
        .endContainerStatus()
        .endStatus()
        .build();
  }

  /** 0: crash loop (every 10th OOMKilled), 1: image pull, 2: unschedulable, 3: config error. */
  static Pod failing(String namespace, String name, int kind) {
    return switch (kind) {
      case 0 ->
          base(namespace, name, "Running")
              .editStatus()
              .withContainerStatuses(
                  new ContainerStatusBuilder()
                      .withName("app")
                      .withImage("registry.example/shop/web:1.4.2")
                      .withRestartCount(7)
                      .withNewState()
                      .withNewWaiting()
                      .withReason("CrashLoopBackOff")
                      .withMessage("back-off 5m0s restarting failed container=app")
                      .endWaiting()
                      .endState()
                      .withNewLastState()
                      .withNewTerminated()
                      .withReason(name.hashCode() % 10 == 0 ? "OOMKilled" : "Error")
                      .withExitCode(name.hashCode() % 10 == 0 ? 137 : 1)
                      .withFinishedAt("2026-12-03T11:58:00Z")
                      .endTerminated()
                      .endLastState()
                      .build())
              .endStatus()
              .build();
      case 1 ->
          base(namespace, name, "Pending")
              .editStatus()
              .addNewContainerStatus()
              .withName("app")
              .withImage("registry.example/shop/web:9.9.9")
              .withNewState()
              .withNewWaiting()
              .withReason("ImagePullBackOff")
              .withMessage("Back-off pulling image \"registry.example/shop/web:9.9.9\"")
              .endWaiting()
              .endState()
              .endContainerStatus()
              .endStatus()
              .build();
      case 2 ->
          base(namespace, name, "Pending")
              .editSpec()
              .withNodeName(null)
              .endSpec()
              .editStatus()
              .addNewCondition()
              .withType("PodScheduled")
              .withStatus("False")
              .withReason("Unschedulable")
              .withMessage(
                  "0/50 nodes are available: 10 node(s) had untolerated taint {dedicated: gpu}, 40"
                      + " Insufficient cpu. preemption: 0/50 nodes are available: 50 No preemption"
                      + " victims found for incoming pod.")
              .endCondition()
              .endStatus()
              .build();
      default ->
          base(namespace, name, "Pending")
              .editStatus()
              .addNewContainerStatus()
              .withName("app")
              .withNewState()
              .withNewWaiting()
              .withReason("CreateContainerConfigError")
              .withMessage("couldn't find key url in ConfigMap " + namespace + "/settings")
              .endWaiting()
              .endState()
              .endContainerStatus()
              .endStatus()
              .build();
    };
  }

  private record SingleCluster(MemoryCache cache) implements ClusterRegistry {
    @Override
    public List<ManagedCluster> all() {
      return List.of(cache);
    }

    @Override
    public Optional<ManagedCluster> find(String name) {
      return Optional.of(cache);
    }

    @Override
    public String defaultClusterName() {
      return "bench";
    }
  }

  /** The cache's stores in memory, with the real indexes, telling listeners of each change. */
  static final class MemoryCache implements ManagedCluster {
    private final Map<CachedKind, Store> stores = new EnumMap<>(CachedKind.class);
    private final List<Consumer<ViewChange>> listeners = new CopyOnWriteArrayList<>();

    MemoryCache() {
      for (CachedKind kind : CachedKind.values()) {
        stores.put(kind, new Store(kind));
      }
    }

    void put(CachedKind kind, KubeObjectView view) {
      KubeObjectView before = stores.get(kind).put(view);
      ViewChange change =
          new ViewChange(
              kind, before == null ? ViewChange.Type.ADDED : ViewChange.Type.MODIFIED, view);
      listeners.forEach(l -> l.accept(change));
    }

    @Override
    public String name() {
      return "bench";
    }

    @Override
    public Reachability reachability() {
      Instant t = Instant.parse("2026-12-03T00:00:00Z");
      return Reachability.unknown(t).afterSuccess(t, Duration.ofMillis(1), "v1.34.4", null);
    }

    @Override
    public boolean cacheSynced() {
      return true;
    }

    @Override
    public boolean cacheSynced(Set<CachedKind> kinds) {
      return true;
    }

    @Override
    public ClusterSnapshot snapshot() {
      return new ClusterSnapshot(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @Override
    public IndexedViews<? extends KubeObjectView> views(CachedKind kind) {
      return stores.get(kind);
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

  private static final class Store implements IndexedViews<KubeObjectView> {
    final Map<String, KubeObjectView> views = new ConcurrentHashMap<>();
    final Map<String, Map<String, Set<String>>> indices = new ConcurrentHashMap<>();
    final Map<String, Function<KubeObjectView, List<String>>> indexers;

    Store(CachedKind kind) {
      indexers = Indexes.forKind(kind);
      indexers.keySet().forEach(i -> indices.put(i, new ConcurrentHashMap<>()));
    }

    KubeObjectView put(KubeObjectView view) {
      String key = view.namespace() == null ? view.name() : view.namespace() + "/" + view.name();
      KubeObjectView before = views.put(key, view);
      indexers.forEach(
          (index, fn) -> {
            Map<String, Set<String>> byValue = indices.get(index);
            if (before != null) {
              for (String value : fn.apply(before)) {
                Set<String> keys = byValue.get(value);
                if (keys != null) {
                  keys.remove(key);
                }
              }
            }
            for (String value : fn.apply(view)) {
              byValue.computeIfAbsent(value, v -> ConcurrentHashMap.newKeySet()).add(key);
            }
          });
      return before;
    }

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
      Map<String, Set<String>> byValue = indices.get(index);
      Set<String> keys = byValue == null ? null : byValue.get(value);
      return keys == null ? Set.of() : keys;
    }

    @Override
    public KubeObjectView view(String key) {
      return views.get(key);
    }
  }
}
