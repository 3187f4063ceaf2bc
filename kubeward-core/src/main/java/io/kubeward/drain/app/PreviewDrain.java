package io.kubeward.drain.app;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.common.Names;
import io.kubeward.drain.domain.DrainOptions;
import io.kubeward.drain.domain.DrainPlan;
import io.kubeward.drain.domain.DrainPlanner;
import io.kubeward.node.app.NodeNotFoundException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Use case: what draining a node would do now, pod by pod, without changing anything. Reads the
 * node, its pods and their budgets live (ADR 0010) with the caller's identity, so the cluster
 * decides what the caller may see (a drain touches pods of any namespace), and the preview and the
 * drain decide alike.
 */
public final class PreviewDrain {

  private final ClusterRegistry clusters;
  private final Authorizer authorizer;
  private final DrainGateway gateway;

  public PreviewDrain(ClusterRegistry clusters, Authorizer authorizer, DrainGateway gateway) {
    this.clusters = clusters;
    this.authorizer = authorizer;
    this.gateway = gateway;
  }

  /**
   * @throws ClusterNotFoundException if there is no such cluster
   * @throws io.kubeward.access.app.AccessDeniedException unless the caller may read the whole
   *     cluster
   * @throws NodeNotFoundException if there is no such node
   */
  public DrainPlan preview(Caller caller, String cluster, String node, DrainOptions options) {
    clusters.find(cluster).orElseThrow(() -> new ClusterNotFoundException(cluster));
    authorizer.require(caller, Verb.READ, cluster, null);
    if (!Names.isObjectName(node) || !gateway.nodeExists(caller, cluster, node)) {
      throw new NodeNotFoundException(cluster, node);
    }
    List<Pod> pods = gateway.podsOn(caller, cluster, node);
    Set<String> namespaces =
        pods.stream().map(p -> p.getMetadata().getNamespace()).collect(Collectors.toSet());
    List<PodDisruptionBudget> budgets =
        namespaces.isEmpty() ? List.of() : gateway.budgets(caller, cluster, namespaces);
    return DrainPlanner.plan(node, pods, budgets, options);
  }
}
