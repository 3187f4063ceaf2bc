package io.kubeward.cluster.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.impl.BaseClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.impl.DefaultSharedIndexInformer;
import io.fabric8.kubernetes.client.informers.impl.ListerWatcher;
import io.kubeward.cluster.app.CacheStatistics;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.DeploymentView;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.NamespaceView;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.ServiceView;
import io.kubeward.cluster.domain.StartupTimeline;
import io.kubeward.cluster.domain.ViewChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one shared cache of a cluster: an informer per row of the {@link CachedKind} table, each
 * keeping compact, indexed views in a {@link ProjectingItemStore}; the table gives the model class,
 * projection, indexes, list order and whether only metadata is read, and nothing here is specific
 * to a kind. Every feature reads from here; nothing lists the API per request. Metadata-only kinds
 * (secrets) are listed and watched as {@code PartialObjectMetadata} ({@link
 * MetadataOnlyListerWatcher}).
 *
 * <p>Lists are paginated ({@value #PAGE_SIZE} objects a page) so that a first list or a relist of a
 * big cluster holds at most one page per kind at a time (its response body and, decoded, the views
 * of its objects: ADR 0058), and every page request of the cluster's informers passes one {@link
 * ListGate} of {@value #LISTS_IN_FLIGHT} permits, so that when all kinds relist at once (API server
 * restart) at most that many pages are in memory.
 *
 * <p>Resilience: informers retry every failure with fabric8's exponential back-off (1s doubling up
 * to 32x, see {@code ClientSettings#watchReconnectInterval}) instead of fabric8's default of giving
 * up on a failure before the first sync or on a watch error. While the API is away the views keep
 * their last state; when the watch comes back it resumes from the last resource version, or relists
 * on {@code 410 Gone}, and the relist removes objects deleted meanwhile. As a safety net {@link
 * #restartStopped()} (called by the probe when the API comes back) replaces any informer that
 * stopped anyway, reusing its store so the views stay available during the relist.
 */
public final class ClusterCache implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ClusterCache.class);
  static final long PAGE_SIZE = 500;

  /**
   * How many list pages of this cluster's informers may be in flight at once (see {@link
   * ListGate}): a relist after an API server restart holds at most this many pages at once.
   */
  static final int LISTS_IN_FLIGHT = 2;

  private final Map<CachedKind, Informed<?, ?>> informers = new EnumMap<>(CachedKind.class);
  private final List<Consumer<ViewChange>> listeners = new CopyOnWriteArrayList<>();
  private final ListGate listGate;
  private final Clock clock;
  private final Instant started;
  private final AtomicBoolean overviewLogged = new AtomicBoolean();
  private final AtomicBoolean allSyncedLogged = new AtomicBoolean();
  private final Executor informerExecutor;
  private final ExecutorService metadataExecutor;
  private final List<MetadataOnlyListerWatcher> metadataListerWatchers =
      new CopyOnWriteArrayList<>();

  private ClusterCache(String cluster, KubernetesClient client, Clock clock) {
    this.clock = clock;
    this.started = clock.instant();
    this.listGate = new ListGate(LISTS_IN_FLIGHT);
    this.informerExecutor = client.adapt(BaseClient.class).getExecutor();
    this.metadataExecutor =
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("kubeward-metadata-" + cluster + "-", 0).factory());
    for (CachedKind kind : CachedKind.values()) {
      informers.put(kind, informed(cluster, client, kind, kind.model()));
    }
    informers
        .values()
        .forEach(informed -> informed.store.addListener((b, a) -> publish(informed.kind, b, a)));
    informers.values().forEach(informed -> informed.onFirstSync = () -> firstSync(cluster));
  }

  /** Logs the start-up phase "first complete overview" once, when its last kind first synced. */
  private void firstSync(String cluster) {
    StartupTimeline timeline = startupTimeline(started, List.of());
    if (timeline.firstOverview() != null && overviewLogged.compareAndSet(false, true)) {
      log.info(
          "Cluster {}: first complete overview {} ms after the cache started",
          cluster,
          Duration.between(started, timeline.firstOverview()).toMillis());
    }
    if (timeline.allSynced() != null && allSyncedLogged.compareAndSet(false, true)) {
      log.info(
          "Cluster {}: every cached kind synced {} ms after the cache started",
          cluster,
          Duration.between(started, timeline.allSynced()).toMillis());
    }
  }

  /**
   * The start-up timeline of this cluster (issue 19): the process's {@code moments} from {@code
   * jvmStarted}, then each kind's first list and the first complete overview.
   */
  public StartupTimeline startupTimeline(Instant jvmStarted, List<StartupTimeline.Moment> moments) {
    List<StartupTimeline.KindSync> kinds =
        informers.values().stream()
            .map(
                i ->
                    new StartupTimeline.KindSync(
                        i.kind, i.size(), i.firstListStarted(), i.syncedAt()))
            .toList();
    return StartupTimeline.of(jvmStarted, moments, kinds);
  }

  /** One row of the {@link CachedKind} table: its informer factory over a store of its views. */
  private <T extends HasMetadata, V extends KubeObjectView> Informed<T, V> informed(
      String cluster, KubernetesClient client, CachedKind kind, CachedKind.Model<T, V> model) {
    ListerWatcher<T, ?> listerWatcher;
    Executor executor;
    if (model.metadataOnly()) {
      MetadataOnlyListerWatcher metadata =
          new MetadataOnlyListerWatcher(
              client.getConfiguration(), kind.apiVersion(), kind.kind(), PAGE_SIZE);
      metadataListerWatchers.add(metadata);
      listerWatcher = castListerWatcher(metadata);
      executor = metadataExecutor;
    } else {
      listerWatcher = castListerWatcher(operation(client, kind, model.type()));
      executor = informerExecutor;
    }
    return new Informed<>(
        cluster,
        kind,
        lists -> gatedInformer(kind, model.type(), listerWatcher, executor, lists),
        model.projection(),
        model.stubs(),
        clock);
  }

  /**
   * The fabric8 operation of a typed kind, over all namespaces, {@value #PAGE_SIZE} objects a page.
   * fabric8's operations are {@link ListerWatcher}s ({@code BaseOperation} implements it).
   */
  private static <T extends HasMetadata> Object operation(
      KubernetesClient client, CachedKind kind, Class<T> type) {
    return kind.namespaced()
        ? client.resources(type).inAnyNamespace().withLimit(PAGE_SIZE)
        : client.resources(type).withLimit(PAGE_SIZE);
  }

  @SuppressWarnings("unchecked")
  private static <T extends HasMetadata> ListerWatcher<T, ?> castListerWatcher(Object operation) {
    return (ListerWatcher<T, ?>) operation;
  }

  /**
   * What {@code operation.runnableInformer(0)} builds, except that its lists pass the {@link
   * #listGate} (with the kind's {@link CachedKind#listOrder()}).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private <T extends HasMetadata> SharedIndexInformer<T> gatedInformer(
      CachedKind kind,
      Class<T> type,
      ListerWatcher<T, ?> listerWatcher,
      Executor executor,
      GatedListerWatcher.Lists lists) {
    return new DefaultSharedIndexInformer(
        type,
        new GatedListerWatcher<>(listerWatcher, listGate, kind, listPriority(kind), lists),
        0,
        executor);
  }

  private void publish(CachedKind kind, KubeObjectView before, KubeObjectView after) {
    if (listeners.isEmpty()) {
      return;
    }
    ViewChange change =
        before == null
            ? new ViewChange(kind, ViewChange.Type.ADDED, after)
            : after == null
                ? new ViewChange(kind, ViewChange.Type.DELETED, before)
                : new ViewChange(kind, ViewChange.Type.MODIFIED, after);
    for (Consumer<ViewChange> listener : listeners) {
      listener.accept(change);
    }
  }

  /** Creates the informers and starts them without waiting: an absent API must not block. */
  public static ClusterCache start(String cluster, KubernetesClient client) {
    return start(cluster, client, Clock.systemUTC());
  }

  /** As {@link #start(String, KubernetesClient)}; {@code clock} times the statistics. */
  public static ClusterCache start(String cluster, KubernetesClient client, Clock clock) {
    ClusterCache cache = new ClusterCache(cluster, client, clock);
    cache.informers.values().forEach(Informed::start);
    return cache;
  }

  /** Whether every kind has completed a first list (stays true while the API is away). */
  public boolean hasSynced() {
    return hasSynced(informers.keySet());
  }

  /** Whether these kinds have completed a first list (stays true while the API is away). */
  public boolean hasSynced(Set<CachedKind> kinds) {
    return kinds.stream().allMatch(kind -> informers.get(kind).synced);
  }

  /** The table's list order: the overview's kinds list first (ADR 0012). */
  private static ListGate.Priority listPriority(CachedKind kind) {
    return kind.listOrder() == CachedKind.ListOrder.FIRST
        ? ListGate.Priority.FIRST
        : ListGate.Priority.LATER;
  }

  public ClusterSnapshot snapshot() {
    return new ClusterSnapshot(
        typed(CachedKind.NODES, NodeView.class),
        typed(CachedKind.NAMESPACES, NamespaceView.class),
        typed(CachedKind.PODS, PodView.class),
        typed(CachedKind.DEPLOYMENTS, DeploymentView.class),
        typed(CachedKind.SERVICES, ServiceView.class));
  }

  @SuppressWarnings("unchecked")
  private <V extends KubeObjectView> Collection<V> typed(CachedKind kind, Class<V> type) {
    return (Collection<V>) informers.get(kind).store.views();
  }

  /** What the cache tells about each kind (for metrics), in the table's order. */
  public List<CacheStatistics> statistics() {
    return List.copyOf(informers.values());
  }

  /** The indexed views of one kind. */
  public IndexedViews<? extends KubeObjectView> views(CachedKind kind) {
    return informers.get(kind).store;
  }

  /**
   * Runs {@code listener} on every change of a view, on the informer's thread: it must return
   * quickly (hand the change over, never block).
   */
  public void addListener(Consumer<ViewChange> listener) {
    listeners.add(listener);
  }

  public void removeListener(Consumer<ViewChange> listener) {
    listeners.remove(listener);
  }

  /** Replaces informers that have stopped (for whatever reason) by new ones over the same store. */
  public void restartStopped() {
    informers.values().forEach(Informed::restartIfStopped);
  }

  @Override
  public void close() {
    informers.values().forEach(Informed::close);
    metadataListerWatchers.forEach(MetadataOnlyListerWatcher::close);
    metadataExecutor.shutdownNow();
  }

  /**
   * One kind: its store outlives the informers that fill it. Its statistics are a few fields per
   * kind, never per object.
   */
  private static final class Informed<T extends HasMetadata, V extends KubeObjectView>
      implements CacheStatistics, GatedListerWatcher.Lists {

    private final String cluster;
    private final CachedKind kind;
    private final Function<GatedListerWatcher.Lists, SharedIndexInformer<T>> factory;
    private final ProjectingItemStore<T, V> store;
    private final Clock clock;
    private final AtomicLong watchRestarts = new AtomicLong();
    private final AtomicLong lists = new AtomicLong();
    private final AtomicLong listNanos = new AtomicLong();
    private volatile long listStartedNanos;
    private volatile @Nullable Instant firstListStarted;
    private volatile @Nullable Instant syncedAt;
    private volatile Runnable onFirstSync = () -> {};
    private volatile long lastEventMillis = -1;
    private volatile long lastWatchingMillis;
    private volatile SharedIndexInformer<T> informer;
    private volatile boolean synced;
    private volatile boolean failing;
    private volatile boolean closed;

    Informed(
        String cluster,
        CachedKind kind,
        Function<GatedListerWatcher.Lists, SharedIndexInformer<T>> factory,
        Function<T, V> projection,
        Supplier<T> stubFactory,
        Clock clock) {
      this.cluster = cluster;
      this.kind = kind;
      this.factory = factory;
      this.clock = clock;
      this.lastWatchingMillis = clock.millis();
      this.store = new ProjectingItemStore<>(projection, stubFactory, kind.indexes());
      this.store.onWrite(this::written);
    }

    /** On the informer's thread, for each object put or removed: cheap. */
    private void written() {
      long now = clock.millis();
      lastEventMillis = now;
      SharedIndexInformer<T> current = informer;
      if (current != null && current.isWatching()) {
        lastWatchingMillis = now;
      }
    }

    @Override
    public CachedKind kind() {
      return kind;
    }

    @Override
    public int size() {
      return store.size();
    }

    @Override
    public boolean synced() {
      return synced;
    }

    @Override
    public Duration lag() {
      long now = clock.millis();
      SharedIndexInformer<T> current = informer;
      if (current != null && current.isWatching()) {
        lastWatchingMillis = now;
        return Duration.ZERO;
      }
      return Duration.ofMillis(Math.max(0, now - lastWatchingMillis));
    }

    @Override
    public Instant lastEvent() {
      long at = lastEventMillis;
      return at < 0 ? null : Instant.ofEpochMilli(at);
    }

    @Override
    public long watchRestarts() {
      return watchRestarts.get();
    }

    @Override
    public long lists() {
      return lists.get();
    }

    @Override
    public Duration listTime() {
      return Duration.ofNanos(listNanos.get());
    }

    @Override
    public void listStarted() {
      listStartedNanos = System.nanoTime();
      if (firstListStarted == null) {
        firstListStarted = clock.instant();
      }
    }

    @Override
    public @Nullable Instant firstListStarted() {
      return firstListStarted;
    }

    @Override
    public @Nullable Instant syncedAt() {
      return syncedAt;
    }

    @Override
    public void listEnded(boolean complete) {
      if (complete) {
        listNanos.addAndGet(System.nanoTime() - listStartedNanos);
        lists.incrementAndGet();
      }
    }

    synchronized void start() {
      if (closed) {
        return;
      }
      SharedIndexInformer<T> next = factory.apply(this);
      next.removeNamespaceIndex();
      next.itemStore(store);
      next.exceptionHandler(this::retryAfter);
      informer = next;
      next.start()
          .whenComplete(
              (ignored, failure) -> {
                if (failure == null) {
                  boolean first = syncedAt == null;
                  if (first) {
                    syncedAt = clock.instant();
                  }
                  synced = true;
                  failing = false;
                  Instant started = firstListStarted;
                  log.info(
                      "Cluster {}: cache of {} synced ({} objects{})",
                      cluster,
                      kind.plural(),
                      store.size(),
                      first && started != null
                          ? ", first list " + Duration.between(started, syncedAt).toMillis() + " ms"
                          : "");
                  if (first) {
                    onFirstSync.run();
                  }
                }
              });
      next.stopped()
          .whenComplete(
              (ignored, failure) -> {
                if (!closed) {
                  log.warn(
                      "Cluster {}: informer for {} stopped; it will be restarted when the API"
                          + " answers again",
                      cluster,
                      kind.plural(),
                      failure);
                }
              });
    }

    /** fabric8's retry decision: always retry unless we are closing. */
    private boolean retryAfter(boolean started, Throwable failure) {
      if (closed) {
        return false;
      }
      watchRestarts.incrementAndGet();
      if (!failing) {
        failing = true;
        log.warn(
            "Cluster {}: cache of {} lost the API ({}); retrying with back-off",
            cluster,
            kind.plural(),
            Failures.describe(failure));
      }
      return true;
    }

    synchronized void restartIfStopped() {
      SharedIndexInformer<T> current = informer;
      if (closed || current == null || !current.stopped().toCompletableFuture().isDone()) {
        return;
      }
      log.info("Cluster {}: restarting the informer for {}", cluster, kind.plural());
      watchRestarts.incrementAndGet();
      start();
    }

    synchronized void close() {
      closed = true;
      if (informer != null) {
        informer.stop();
      }
    }
  }
}
