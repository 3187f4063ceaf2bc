package io.kubeward.release.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.release.app.TrafficRouter;
import io.kubeward.release.domain.ReleaseStepException;
import io.kubeward.release.domain.ReplicaPlan;
import io.kubeward.release.domain.RouterPresence;
import io.kubeward.release.domain.TrafficRouting;
import io.kubeward.release.domain.TrafficSplit;
import io.kubeward.release.domain.TrafficTarget;
import java.util.List;
import java.util.function.Function;

/**
 * The router that works everywhere: both versions' pods behind the one stable Service, traffic
 * shared by pod count. The controller scales the canary to {@code ceil(total * w / 100)}; this
 * router scales the stable Deployment to the rest, and back to {@code total} on restore. No header
 * routes: a Service cannot route by header.
 */
public final class ReplicaRatioRouter implements TrafficRouter {

  public static final String TYPE = "replicaRatio";

  private final Function<String, KubernetesClient> clients;

  /**
   * @param clients Kubeward's own client of a cluster
   */
  public ReplicaRatioRouter(Function<String, KubernetesClient> clients) {
    this.clients = clients;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public RouterPresence presence(String cluster) {
    return new RouterPresence(TYPE, true, "");
  }

  @Override
  public boolean supportsHeaderRoutes() {
    return false;
  }

  @Override
  public List<String> validate(TrafficRouting routing) {
    return TYPE.equals(routing.type()) ? List.of() : List.of("not a replica-ratio routing");
  }

  @Override
  public void apply(String cluster, TrafficTarget target, TrafficSplit split)
      throws ReleaseStepException {
    ReplicaPlan plan = ReplicaPlan.of(target.totalReplicas(), split.canaryWeight());
    workloads(cluster).scale(target.namespace(), target.stableDeployment(), plan.stable());
  }

  @Override
  public TrafficSplit observe(String cluster, TrafficTarget target) throws ReleaseStepException {
    ReleaseWorkloads w = workloads(cluster);
    int canary =
        w.deployment(target.namespace(), target.canaryDeployment())
            .map(ReleaseWorkloads::ready)
            .orElse(0);
    int stable =
        w.deployment(target.namespace(), target.stableDeployment())
            .map(ReleaseWorkloads::ready)
            .orElse(0);
    return new TrafficSplit(ReplicaPlan.weightOf(canary, stable), List.of());
  }

  @Override
  public void restore(String cluster, TrafficTarget target) throws ReleaseStepException {
    workloads(cluster).scale(target.namespace(), target.stableDeployment(), target.totalReplicas());
  }

  private ReleaseWorkloads workloads(String cluster) {
    return new ReleaseWorkloads(clients.apply(cluster));
  }
}
