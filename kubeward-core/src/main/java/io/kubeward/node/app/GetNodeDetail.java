package io.kubeward.node.app;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.NodeConditionView;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Resources;
import io.kubeward.common.KubewardException;
import io.kubeward.node.health.app.NodeHealthHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use case: a node's detail. The node, its pods (through the cache's node index) and their sums
 * come from the shared cache; only the heartbeats are read live (the node's conditions' {@code
 * lastHeartbeatTime} and its Lease's {@code renewTime}, as the caller), since the cache leaves them
 * out. Needs the right to list nodes; pods are listed from the namespaces where the caller may list
 * pods, while the node's sums count every pod on it.
 */
public final class GetNodeDetail {

  private static final System.Logger log = System.getLogger(GetNodeDetail.class.getName());

  private final ClusterReads reads;
  private final NodeGateway gateway;
  private final NodeHealthHistory health;
  private final Clock clock;

  public GetNodeDetail(
      ClusterReads reads, NodeGateway gateway, NodeHealthHistory health, Clock clock) {
    this.reads = reads;
    this.gateway = gateway;
    this.health = health;
    this.clock = clock;
  }

  /**
   * @throws NodeNotFoundException if the cluster has no such node
   * @throws io.kubeward.access.app.AccessDeniedException without cluster-wide read
   */
  public NodeDetail get(Caller caller, String cluster, String node) {
    ManagedCluster managed = NodeClusters.readable(reads, caller, cluster);
    NodeView view = NodeClusters.cachedNode(managed, node);
    Map<String, Instant> heartbeats = Map.of();
    try {
      heartbeats =
          gateway.get(caller, cluster, node).map(NodeGateway.LiveNode::heartbeats).orElse(Map.of());
    } catch (KubewardException e) {
      log.log(System.Logger.Level.DEBUG, "No live heartbeats of " + node + ": " + e.getMessage());
    }
    return assemble(caller, managed, view, heartbeats);
  }

  /** The detail of {@code view} (e.g. as just written), with the given condition heartbeats. */
  NodeDetail assemble(
      Caller caller, ManagedCluster cluster, NodeView view, Map<String, Instant> heartbeats) {
    Optional<Instant> lease = Optional.empty();
    try {
      lease = gateway.leaseRenewTime(caller, cluster.name(), view.name());
    } catch (KubewardException e) {
      log.log(System.Logger.Level.DEBUG, "No lease of " + view.name() + ": " + e.getMessage());
    }
    Instant newest = lease.orElse(null);
    List<NodeDetail.Condition> conditions = new ArrayList<>();
    for (NodeConditionView condition : view.conditions()) {
      Instant heartbeat = heartbeats.get(condition.type());
      if (heartbeat != null && (newest == null || heartbeat.isAfter(newest))) {
        newest = heartbeat;
      }
      conditions.add(
          new NodeDetail.Condition(
              condition.type(),
              condition.status(),
              condition.reason(),
              condition.message(),
              condition.since(),
              heartbeat));
    }
    Long age =
        newest == null ? null : Math.max(0, Duration.between(newest, clock.instant()).toSeconds());

    NamespaceVisibility visible = reads.visible(caller, cluster, CachedKind.PODS);
    @SuppressWarnings("unchecked")
    IndexedViews<PodView> pods = (IndexedViews<PodView>) cluster.views(CachedKind.PODS);
    Resources requested = Resources.ZERO;
    Resources limits = Resources.ZERO;
    List<NodeDetail.NodePod> listed = new ArrayList<>();
    for (String key : pods.keys(Indexes.NODE, view.name())) {
      PodView pod = pods.view(key);
      if (pod == null) {
        continue;
      }
      if (pod.holdsResources()) {
        requested = requested.plus(pod.requests());
        limits = limits.plus(pod.limits());
      }
      if (visible.includes(pod.namespace())) {
        listed.add(
            new NodeDetail.NodePod(
                pod.namespace(),
                pod.name(),
                pod.owner() == null ? null : pod.owner().kind(),
                pod.owner() == null ? null : pod.owner().name(),
                pod.problem() != null
                    ? pod.problem().reason()
                    : pod.phase() == null ? null : pod.phase().kubernetesName(),
                pod.ready(),
                pod.restarts(),
                pod.requests()));
      }
    }
    listed.sort(
        Comparator.comparing(NodeDetail.NodePod::namespace)
            .thenComparing(NodeDetail.NodePod::name));
    return new NodeDetail(
        view.name(),
        view.roles(),
        view.zone(),
        view.unschedulable(),
        view.labels(),
        view.taints(),
        List.copyOf(conditions),
        age,
        view.versions(),
        view.capacity(),
        view.allocatable(),
        requested,
        limits,
        List.copyOf(listed),
        health.detections(cluster.name(), view.name(), null));
  }
}
