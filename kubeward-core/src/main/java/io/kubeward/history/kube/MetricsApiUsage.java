package io.kubeward.history.kube;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.history.app.LiveUsage;
import io.kubeward.history.domain.UsageSnapshot;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in sampler's live usage: the metrics API ({@code metrics.k8s.io}, served by
 * metrics-server) read with Kubeward's own client (the sampler is Kubeward's, ADR 0013), each pod
 * placed on its node and in its workload from the shared cache (ReplicaSet → Deployment, Job →
 * CronJob). A cluster without the metrics API gives nothing (logged once per state change).
 *
 * <p>Written against a port of the history feature's own; when the usage feature's snapshot port is
 * available this adapter can delegate to it.
 */
public final class MetricsApiUsage implements LiveUsage {

  private static final Logger log = LoggerFactory.getLogger(MetricsApiUsage.class);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private final ClusterRegistry clusters;
  private final Function<String, KubernetesClient> kubeward;
  private final Clock clock;
  private final Map<String, Boolean> answering = new java.util.concurrent.ConcurrentHashMap<>();

  public MetricsApiUsage(
      ClusterRegistry clusters, Function<String, KubernetesClient> kubeward, Clock clock) {
    this.clusters = clusters;
    this.kubeward = kubeward;
    this.clock = clock;
  }

  @Override
  public Optional<UsageSnapshot> snapshot(String cluster) {
    ManagedCluster managed = clusters.find(cluster).orElse(null);
    if (managed == null || !managed.reachability().reachable()) {
      return Optional.empty();
    }
    KubernetesClient client = kubeward.apply(cluster);
    List<NodeMetrics> nodes;
    List<PodMetrics> pods;
    try {
      nodes = client.resources(NodeMetrics.class).list().getItems();
      pods = client.resources(PodMetrics.class).inAnyNamespace().list().getItems();
    } catch (KubernetesClientException e) {
      if (!Boolean.FALSE.equals(answering.put(cluster, false))) {
        log.info(
            "Cluster {}: no metrics API ({}); the built-in history waits for metrics-server",
            cluster,
            e.getCode() == 0 ? e.getMessage() : "HTTP " + e.getCode());
      }
      return Optional.empty();
    }
    if (!Boolean.TRUE.equals(answering.put(cluster, true))) {
      log.info("Cluster {}: the metrics API answers; the built-in history samples it", cluster);
    }
    List<UsageSnapshot.NodeUsage> nodeUsage = new ArrayList<>(nodes.size());
    for (NodeMetrics n : nodes) {
      Map<String, Quantity> usage = n.getUsage();
      if (usage == null) {
        continue;
      }
      nodeUsage.add(
          new UsageSnapshot.NodeUsage(
              n.getMetadata().getName(), millicores(usage.get("cpu")), bytes(usage.get("memory"))));
    }
    IndexedViews<? extends KubeObjectView> podViews = views(managed, CachedKind.PODS);
    IndexedViews<? extends KubeObjectView> replicaSets = views(managed, CachedKind.REPLICASETS);
    IndexedViews<? extends KubeObjectView> jobs = views(managed, CachedKind.JOBS);
    List<UsageSnapshot.PodUsage> podUsage = new ArrayList<>(pods.size());
    for (PodMetrics p : pods) {
      String namespace = p.getMetadata().getNamespace();
      String name = p.getMetadata().getName();
      long cpu = 0;
      long memory = 0;
      if (p.getContainers() != null) {
        for (ContainerMetrics c : p.getContainers()) {
          if (c.getUsage() != null) {
            cpu += millicores(c.getUsage().get("cpu"));
            memory += bytes(c.getUsage().get("memory"));
          }
        }
      }
      String node = null;
      OwnerRef workload = null;
      KubeObjectView view = podViews == null ? null : podViews.view(namespace + "/" + name);
      if (view instanceof PodView pod) {
        node = pod.nodeName();
        workload = workload(namespace, pod.owner(), replicaSets, jobs);
      }
      podUsage.add(
          new UsageSnapshot.PodUsage(
              namespace,
              name,
              node,
              workload == null ? null : workload.kind(),
              workload == null ? null : workload.name(),
              cpu,
              memory));
    }
    return Optional.of(new UsageSnapshot(clock.instant(), nodeUsage, podUsage));
  }

  /** The workload a pod belongs to: its owner, or the owner's owner for ReplicaSets and Jobs. */
  static OwnerRef workload(
      String namespace,
      OwnerRef owner,
      IndexedViews<? extends KubeObjectView> replicaSets,
      IndexedViews<? extends KubeObjectView> jobs) {
    if (owner == null) {
      return null;
    }
    IndexedViews<? extends KubeObjectView> parents =
        switch (owner.kind()) {
          case "ReplicaSet" -> replicaSets;
          case "Job" -> jobs;
          default -> null;
        };
    if (parents != null) {
      KubeObjectView parent = parents.view(namespace + "/" + owner.name());
      if (parent != null && parent.owner() != null) {
        return parent.owner();
      }
    }
    return owner;
  }

  private static IndexedViews<? extends KubeObjectView> views(
      ManagedCluster cluster, CachedKind kind) {
    try {
      return cluster.views(kind);
    } catch (UnsupportedOperationException e) {
      return null;
    }
  }

  static long millicores(Quantity q) {
    if (q == null) {
      return 0;
    }
    return Quantity.getAmountInBytes(q)
        .multiply(THOUSAND)
        .setScale(0, java.math.RoundingMode.HALF_UP)
        .longValue();
  }

  static long bytes(Quantity q) {
    if (q == null) {
      return 0;
    }
    return Quantity.getAmountInBytes(q).setScale(0, java.math.RoundingMode.HALF_UP).longValue();
  }
}
