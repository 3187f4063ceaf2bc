package io.kubeward.alert.kube.routing;

import io.kubeward.alert.app.routing.MaintainedNodes;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.maintenance.domain.Maintenance;
import io.kubeward.maintenance.domain.NodeStatus;
import io.kubeward.maintenance.kube.NodeMaintenanceResources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes under maintenance, from the cluster's NodeMaintenance objects read with Kubeward's own
 * identity (dispatch is leader-only work), at most once per {@code ttl} per cluster. A cluster
 * without the CRD, or unreachable, answers what was last read (nothing at first).
 */
public final class KubeMaintainedNodes implements MaintainedNodes {

  private static final Logger log = LoggerFactory.getLogger(KubeMaintainedNodes.class);

  private record Read(Instant at, List<Maintenance> maintenances) {}

  private final ClusterClients clients;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Read> reads = new ConcurrentHashMap<>();

  public KubeMaintainedNodes(ClusterClients clients, Duration ttl, Clock clock) {
    this.clients = clients;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public Set<String> nodes(String cluster, Instant now) {
    Read read = reads.get(cluster);
    Instant at = clock.instant();
    if (read == null || !read.at().plus(ttl).isAfter(at)) {
      try {
        List<Maintenance> list =
            clients
                .kubeward(cluster)
                .genericKubernetesResources(NodeMaintenanceResources.CONTEXT)
                .list()
                .getItems()
                .stream()
                .map(NodeMaintenanceResources::toMaintenance)
                .toList();
        read = new Read(at, list);
        reads.put(cluster, read);
      } catch (RuntimeException e) { // an unknown cluster, no client, the CRD missing, the API down
        log.debug("Cluster {}: NodeMaintenances not read: {}", cluster, e.toString());
        read = read == null ? new Read(at, List.of()) : new Read(at, read.maintenances());
        reads.put(cluster, read);
      }
    }
    return maintained(read.maintenances(), now);
  }

  /**
   * The nodes {@code maintenances} cover at {@code now}: of each unfinished maintenance, every node
   * not yet done while one of its windows is open (always, without windows), and a node whose step
   * is under way (cordoned, draining, acting, waiting to be ready) whatever the time.
   */
  public static Set<String> maintained(List<Maintenance> maintenances, Instant now) {
    Set<String> out = new TreeSet<>();
    for (Maintenance m : maintenances) {
      if (m.phase().finished() || m.spec().cancelled()) {
        continue;
      }
      boolean open = m.spec().inWindow(now);
      List<NodeStatus> nodes = m.status() == null ? List.of() : m.status().nodes();
      for (NodeStatus n : nodes) {
        if (n.step().active() || (open && !n.step().finished())) {
          out.add(n.name());
        }
      }
      if (open && nodes.isEmpty()) {
        out.addAll(m.spec().nodes());
      }
    }
    return out;
  }
}
