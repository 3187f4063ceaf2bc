package io.kubeward.history.app;

import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.history.domain.UsageSnapshot;
import io.kubeward.usage.app.UsageSnapshots;
import io.kubeward.usage.domain.ContainerSample;
import io.kubeward.usage.domain.MetricsSnapshot;
import io.kubeward.usage.domain.NodeSample;
import io.kubeward.usage.domain.PodSample;
import io.kubeward.usage.domain.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in sampler's live usage: the usage feature's shared snapshot of the metrics API (read
 * with Kubeward's own identity, ADR 0019), each pod placed on its node and in its workload from the
 * shared cache (ReplicaSet → Deployment, Job → CronJob). Empty when no metrics source answers.
 */
public final class SnapshotUsage implements LiveUsage {

  private final UsageSnapshots snapshots;
  private final ClusterRegistry clusters;

  public SnapshotUsage(UsageSnapshots snapshots, ClusterRegistry clusters) {
    this.snapshots = snapshots;
    this.clusters = clusters;
  }

  @Override
  public Optional<UsageSnapshot> snapshot(String cluster) {
    ManagedCluster managed = clusters.find(cluster).orElse(null);
    if (managed == null) {
      return Optional.empty();
    }
    MetricsSnapshot snapshot;
    try {
      snapshot = snapshots.current(cluster);
    } catch (ClusterNotFoundException e) {
      return Optional.empty();
    }
    if (!snapshot.available()) {
      return Optional.empty();
    }
    List<UsageSnapshot.NodeUsage> nodes = new ArrayList<>(snapshot.nodes().size());
    for (NodeSample n : snapshot.nodes().values()) {
      nodes.add(new UsageSnapshot.NodeUsage(n.name(), n.cpuMillis(), n.memoryBytes()));
    }
    IndexedViews<? extends KubeObjectView> podViews = views(managed, CachedKind.PODS);
    IndexedViews<? extends KubeObjectView> replicaSets = views(managed, CachedKind.REPLICASETS);
    IndexedViews<? extends KubeObjectView> jobs = views(managed, CachedKind.JOBS);
    List<UsageSnapshot.PodUsage> pods = new ArrayList<>(snapshot.podCount());
    for (Map<String, PodSample> inNamespace : snapshot.pods().values()) {
      for (PodSample p : inNamespace.values()) {
        String node = null;
        OwnerRef workload = null;
        KubeObjectView view =
            podViews == null ? null : podViews.view(p.namespace() + "/" + p.name());
        if (view instanceof PodView pod) {
          node = pod.nodeName();
          workload = workload(p.namespace(), pod.owner(), replicaSets, jobs);
        }
        pods.add(
            new UsageSnapshot.PodUsage(
                p.namespace(),
                p.name(),
                node,
                workload == null ? null : workload.kind(),
                workload == null ? null : workload.name(),
                p.cpuMillis(),
                p.memoryBytes(),
                containers(p)));
      }
    }
    return Optional.of(new UsageSnapshot(snapshot.fetchedAt(), nodes, pods));
  }

  private static List<UsageSnapshot.ContainerUsage> containers(PodSample p) {
    List<UsageSnapshot.ContainerUsage> out = new ArrayList<>(p.containers().size());
    for (ContainerSample c : p.containers()) {
      out.add(
          new UsageSnapshot.ContainerUsage(
              c.name(), Units.millisOfNanos(c.cpuNanos()), c.memoryBytes()));
    }
    return out;
  }

  /** The workload a pod belongs to: its owner, or the owner's owner for ReplicaSets and Jobs. */
  public static OwnerRef workload(
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
}
