package io.kubeward.drain.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.drain.domain.DrainOptions;
import io.kubeward.drain.domain.DrainPlan;

/** Use case: what draining a node would do now, pod by pod, without changing anything. */
public final class PreviewDrain {

  private final ClusterRegistry clusters;
  private final DrainGateway gateway;

  public PreviewDrain(ClusterRegistry clusters, DrainGateway gateway) {
    this.clusters = clusters;
    this.gateway = gateway;
  }

  /**
   * @throws ClusterNotFoundException if there is no such cluster
   * @throws io.kubeward.access.app.AccessDeniedException unless the caller may read the whole
   *     cluster
   * @throws DrainNodeNotFoundException if there is no such node
   */
  public DrainPlan preview(Caller caller, String cluster, String node, DrainOptions options) {
    clusters.find(cluster).orElseThrow(() -> new ClusterNotFoundException(cluster));
    Authorizer.require(caller, Verb.READ, cluster, null);
    throw new UnsupportedOperationException("not implemented yet");
  }
}
