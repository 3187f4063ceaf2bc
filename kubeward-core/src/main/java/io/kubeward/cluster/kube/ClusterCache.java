package io.kubeward.cluster.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.DeploymentView;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.NamespaceView;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Projections;
import io.kubeward.cluster.domain.ServiceView;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one shared cache of a cluster: an informer per kind (nodes, namespaces, pods, deployments,
 * services), each keeping compact views in a {@link ProjectingItemStore}. Every feature reads from
 * here; nothing lists the API per request.
 *
 * <p>Resilience: informers retry every failure with fabric8's exponential back-off (1s doubling up
 * to 32x, see {@code ClientSettings#watchReconnectInterval}) instead of fabric8's default of giving
 * up on a failure before the first sync or on a watch error. While the API is away the views keep
 * their last state; when the watch comes back it resumes from the last resource version, or relists
 * on {@code 410 Gone}, and the relist removes objects deleted meanwhile. As a safety net {@link
 * #restartStopped()} (called by the probe when the API comes back) replaces any informer that
 * stopped anyway, reusing its store so the views stay available during the relist.
 *
 * <p>Indexes (pods by node, by namespace, by owner) are for the console queries of the next issue;
 * they belong in the stores, maintained on put/remove of views.
 */
public final class ClusterCache implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ClusterCache.class);

  private final Informed<Node, NodeView> nodes;
  private final Informed<Namespace, NamespaceView> namespaces;
  private final Informed<Pod, PodView> pods;
  private final Informed<Deployment, DeploymentView> deployments;
  private final Informed<Service, ServiceView> services;
  private final List<Informed<?, ?>> all;

  private ClusterCache(String cluster, KubernetesClient client) {
    nodes =
        new Informed<>(
            cluster,
            "nodes",
            () -> client.nodes().runnableInformer(0),
            Projections::node,
            Node::new);
    namespaces =
        new Informed<>(
            cluster,
            "namespaces",
            () -> client.namespaces().runnableInformer(0),
            Projections::namespace,
            Namespace::new);
    pods =
        new Informed<>(
            cluster,
            "pods",
            () -> client.pods().inAnyNamespace().runnableInformer(0),
            Projections::pod,
            Pod::new);
    deployments =
        new Informed<>(
            cluster,
            "deployments",
            () -> client.apps().deployments().inAnyNamespace().runnableInformer(0),
            Projections::deployment,
            Deployment::new);
    services =
        new Informed<>(
            cluster,
            "services",
            () -> client.services().inAnyNamespace().runnableInformer(0),
            Projections::service,
            Service::new);
    all = List.of(nodes, namespaces, pods, deployments, services);
  }

  /** Creates the informers and starts them without waiting: an absent API must not block. */
  public static ClusterCache start(String cluster, KubernetesClient client) {
    ClusterCache cache = new ClusterCache(cluster, client);
    cache.all.forEach(Informed::start);
    return cache;
  }

  /** Whether every kind has completed a first list (stays true while the API is away). */
  public boolean hasSynced() {
    return all.stream().allMatch(i -> i.synced);
  }

  public ClusterSnapshot snapshot() {
    return new ClusterSnapshot(
        nodes.views(), namespaces.views(), pods.views(), deployments.views(), services.views());
  }

  /** Replaces informers that have stopped (for whatever reason) by new ones over the same store. */
  public void restartStopped() {
    all.forEach(Informed::restartIfStopped);
  }

  @Override
  public void close() {
    all.forEach(Informed::close);
  }

  /** One kind: its store outlives the informers that fill it. */
  private static final class Informed<T extends HasMetadata, V extends KubeObjectView> {

    private final String cluster;
    private final String kind;
    private final Supplier<SharedIndexInformer<T>> factory;
    private final ProjectingItemStore<T, V> store;
    private volatile SharedIndexInformer<T> informer;
    private volatile boolean synced;
    private volatile boolean failing;
    private volatile boolean closed;

    Informed(
        String cluster,
        String kind,
        Supplier<SharedIndexInformer<T>> factory,
        Function<T, V> projection,
        Supplier<T> stubFactory) {
      this.cluster = cluster;
      this.kind = kind;
      this.factory = factory;
      this.store = new ProjectingItemStore<>(projection, stubFactory);
    }

    Collection<V> views() {
      return store.views();
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
                      "Cluster {}: cache of {} synced ({} objects)", cluster, kind, store.size());
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
                      kind,
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
            kind,
            Failures.describe(failure));
      }
      return true;
    }

    synchronized void restartIfStopped() {
      SharedIndexInformer<T> current = informer;
      if (closed || current == null || !current.stopped().toCompletableFuture().isDone()) {
        return;
      }
      log.info("Cluster {}: restarting the informer for {}", cluster, kind);
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
