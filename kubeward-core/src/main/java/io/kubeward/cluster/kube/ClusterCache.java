package io.kubeward.cluster.kube;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.impl.BaseClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.impl.DefaultSharedIndexInformer;
import io.fabric8.kubernetes.client.informers.impl.ListerWatcher;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.DeploymentView;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.NamespaceView;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Projections;
import io.kubeward.cluster.domain.ServiceView;
import io.kubeward.cluster.domain.ViewChange;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one shared cache of a cluster: an informer per {@link CachedKind}, each keeping compact,
 * indexed views in a {@link ProjectingItemStore}. Every feature reads from here; nothing lists the
 * API per request. Secrets are listed and watched as metadata only ({@link
 * MetadataOnlyListerWatcher}).
 *
 * <p>Lists are paginated ({@value #PAGE_SIZE} objects a page) so that a first list or a relist of a
 * big cluster holds at most one page of full objects per kind at a time, and every page request of
 * the cluster's informers passes one {@link ListGate} of {@value #LISTS_IN_FLIGHT} permits, so that
 * when all kinds relist at once (API server restart) at most that many pages are in memory.
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
   * ListGate}): a relist after an API server restart holds at most this many pages of full objects.
   */
  static final int LISTS_IN_FLIGHT = 2;

  private final Map<CachedKind, Informed<?, ?>> informers = new EnumMap<>(CachedKind.class);
  private final List<Consumer<ViewChange>> listeners = new CopyOnWriteArrayList<>();
  private final ListGate listGate;
  private final Executor informerExecutor;
  private final ExecutorService metadataExecutor;
  private final MetadataOnlyListerWatcher secretsListerWatcher;

  private ClusterCache(String cluster, KubernetesClient client) {
    this.listGate = new ListGate(LISTS_IN_FLIGHT);
    this.informerExecutor = client.adapt(BaseClient.class).getExecutor();
    add(
        cluster,
        CachedKind.NODES,
        () -> client.nodes().withLimit(PAGE_SIZE),
        Projections::node,
        Node::new);
    add(
        cluster,
        CachedKind.NAMESPACES,
        () -> client.namespaces().withLimit(PAGE_SIZE),
        Projections::namespace,
        Namespace::new);
    add(
        cluster,
        CachedKind.PODS,
        () -> client.pods().inAnyNamespace().withLimit(PAGE_SIZE),
        Projections::pod,
        Pod::new);
    add(
        cluster,
        CachedKind.DEPLOYMENTS,
        () -> client.apps().deployments().inAnyNamespace().withLimit(PAGE_SIZE),
        Projections::deployment,
        Deployment::new);
    add(
        cluster,
        CachedKind.REPLICASETS,
        () -> client.apps().replicaSets().inAnyNamespace().withLimit(PAGE_SIZE),
        Projections::replicaSet,
        ReplicaSet::new);
    add(
        cluster,
        CachedKind.STATEFULSETS,
        () -> client.apps().statefulSets().inAnyNamespace().withLimit(PAGE_SIZE),
        Projections::statefulSet,
        StatefulSet::new);
    add(
        cluster,
        CachedKind.DAEMONSETS,
        () -> client.apps().daemonSets().inAnyNamespace().withLimit(PAGE_SIZE),
        Projections::daemonSet,
        DaemonSet::new);
    add(
        cluster,
        CachedKind.JOBS,
        () -> client.batch().v1().jobs().inAnyNamespace().withLimit(PAGE_SIZE),
        Projections::job,
        Job::new);
    add(
        cluster,
        CachedKind.CRONJOBS,
        () -> client.batch().v1().cronjobs().inAnyNamespace().withLimit(PAGE_SIZE),
        Projections::cronJob,
        CronJob::new);
    add(
        cluster,
        CachedKind.SERVICES,
        () -> client.services().inAnyNamespace().withLimit(PAGE_SIZE),
        Projections::service,
        Service::new);
    add(
        cluster,
        CachedKind.ENDPOINTSLICES,
        () -> client.discovery().v1().endpointSlices().inAnyNamespace().withLimit(PAGE_SIZE),
        Projections::endpointSlice,
        EndpointSlice::new);
    add(
        cluster,
        CachedKind.INGRESSES,
        () -> client.network().v1().ingresses().inAnyNamespace().withLimit(PAGE_SIZE),
        Projections::ingress,
        Ingress::new);
    add(
        cluster,
        CachedKind.PERSISTENTVOLUMECLAIMS,
        () -> client.persistentVolumeClaims().inAnyNamespace().withLimit(PAGE_SIZE),
        Projections::persistentVolumeClaim,
        PersistentVolumeClaim::new);
    add(
        cluster,
        CachedKind.PERSISTENTVOLUMES,
        () -> client.persistentVolumes().withLimit(PAGE_SIZE),
        Projections::persistentVolume,
        PersistentVolume::new);
    add(
        cluster,
        CachedKind.STORAGECLASSES,
        () -> client.storage().v1().storageClasses().withLimit(PAGE_SIZE),
        Projections::storageClass,
        StorageClass::new);
    add(
        cluster,
        CachedKind.EVENTS,
        () -> client.v1().events().inAnyNamespace().withLimit(PAGE_SIZE),
        Projections::event,
        Event::new);
    add(
        cluster,
        CachedKind.HORIZONTALPODAUTOSCALERS,
        () ->
            client
                .autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inAnyNamespace()
                .withLimit(PAGE_SIZE),
        Projections::horizontalPodAutoscaler,
        HorizontalPodAutoscaler::new);
    add(
        cluster,
        CachedKind.PODDISRUPTIONBUDGETS,
        () -> client.policy().v1().podDisruptionBudget().inAnyNamespace().withLimit(PAGE_SIZE),
        Projections::podDisruptionBudget,
        PodDisruptionBudget::new);
    add(
        cluster,
        CachedKind.RESOURCEQUOTAS,
        () -> client.resourceQuotas().inAnyNamespace().withLimit(PAGE_SIZE),
        Projections::resourceQuota,
        ResourceQuota::new);
    add(
        cluster,
        CachedKind.LIMITRANGES,
        () -> client.limitRanges().inAnyNamespace().withLimit(PAGE_SIZE),
        Projections::limitRange,
        LimitRange::new);
    add(
        cluster,
        CachedKind.CONFIGMAPS,
        () -> client.configMaps().inAnyNamespace().withLimit(PAGE_SIZE),
        Projections::configMap,
        ConfigMap::new);
    metadataExecutor =
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("kubeward-secrets-" + cluster + "-", 0).factory());
    secretsListerWatcher =
        new MetadataOnlyListerWatcher(client.getConfiguration(), "v1", "Secret", PAGE_SIZE);
    informers.put(
        CachedKind.SECRETS,
        new Informed<GenericKubernetesResource, KubeObjectView>(
            cluster,
            CachedKind.SECRETS,
            () ->
                new DefaultSharedIndexInformer<
                    GenericKubernetesResource, GenericKubernetesResourceList>(
                    GenericKubernetesResource.class,
                    new GatedListerWatcher<>(
                        secretsListerWatcher,
                        listGate,
                        CachedKind.SECRETS,
                        listPriority(CachedKind.SECRETS)),
                    0,
                    metadataExecutor),
            Projections::secretMetadata,
            GenericKubernetesResource::new));
    informers
        .values()
        .forEach(informed -> informed.store.addListener((b, a) -> publish(informed.kind, b, a)));
  }

  private <T extends HasMetadata, V extends KubeObjectView> void add(
      String cluster,
      CachedKind kind,
      Supplier<Informable<T>> operation,
      Function<T, V> projection,
      Supplier<T> stubFactory) {
    informers.put(
        kind,
        new Informed<>(
            cluster,
            kind,
            () -> gatedInformer(kind, stubFactory, operation.get()),
            projection,
            stubFactory));
  }

  /**
   * What {@code operation.runnableInformer(0)} builds, except that its lists pass the {@link
   * #listGate}: fabric8's operations are {@link ListerWatcher}s ({@code BaseOperation} implements
   * it), so the informer gets the same operation wrapped.
   */
  @SuppressWarnings("unchecked")
  private <T extends HasMetadata, L extends KubernetesResourceList<T>>
      SharedIndexInformer<T> gatedInformer(
          CachedKind kind, Supplier<T> stubFactory, Informable<T> operation) {
    Class<T> type = (Class<T>) stubFactory.get().getClass();
    ListerWatcher<T, L> listerWatcher = (ListerWatcher<T, L>) operation;
    return new DefaultSharedIndexInformer<T, L>(
        type,
        new GatedListerWatcher<>(listerWatcher, listGate, kind, listPriority(kind)),
        0,
        informerExecutor);
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
    ClusterCache cache = new ClusterCache(cluster, client);
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

  /** The snapshot's kinds list first: a cold start shows the overview before events are in. */
  private static ListGate.Priority listPriority(CachedKind kind) {
    return ClusterSnapshot.KINDS.contains(kind) ? ListGate.Priority.FIRST : ListGate.Priority.LATER;
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
    secretsListerWatcher.close();
    metadataExecutor.shutdownNow();
  }

  /** One kind: its store outlives the informers that fill it. */
  private static final class Informed<T extends HasMetadata, V extends KubeObjectView> {

    private final String cluster;
    private final CachedKind kind;
    private final Supplier<SharedIndexInformer<T>> factory;
    private final ProjectingItemStore<T, V> store;
    private volatile SharedIndexInformer<T> informer;
    private volatile boolean synced;
    private volatile boolean failing;
    private volatile boolean closed;

    Informed(
        String cluster,
        CachedKind kind,
        Supplier<SharedIndexInformer<T>> factory,
        Function<T, V> projection,
        Supplier<T> stubFactory) {
      this.cluster = cluster;
      this.kind = kind;
      this.factory = factory;
      this.store = new ProjectingItemStore<>(projection, stubFactory, Indexes.forKind(kind));
    }

    synchronized void start() {
      if (closed) {
        return;
      }
      SharedIndexInformer<T> next = factory.get();
      next.removeNamespaceIndex();
      next.itemStore(store);
      next.exceptionHandler(this::retryAfter);
      informer = next;
      next.start()
          .whenComplete(
              (ignored, failure) -> {
                if (failure == null) {
                  synced = true;
                  failing = false;
                  log.info(
                      "Cluster {}: cache of {} synced ({} objects)",
                      cluster,
                      kind.plural(),
                      store.size());
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
