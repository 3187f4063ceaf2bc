package io.kubeward.tenancy.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.access.app.Caller;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.tenancy.app.TeamSpaceGateway;

/** Creates, applies and deletes team-space objects with the caller's identity. */
public final class KubeTeamSpaceGateway implements TeamSpaceGateway {

  private static final String MANAGER = "kubeward-tenancy";
  private final ClusterClients clients;

  public KubeTeamSpaceGateway(ClusterClients clients) {
    this.clients = clients;
  }

  @Override
  public void dryRunCreate(Caller caller, String cluster, HasMetadata object) {
    KubernetesClient client = writer(caller, cluster);
    KubeErrors.run(cluster, () -> client.resource(object).dryRun().create());
  }

  @Override
  public void create(Caller caller, String cluster, HasMetadata object) {
    KubernetesClient client = writer(caller, cluster);
    KubeErrors.run(cluster, () -> client.resource(object).create());
  }

  @Override
  public void apply(Caller caller, String cluster, HasMetadata object, boolean dryRun) {
    KubernetesClient client = writer(caller, cluster);
    KubeErrors.run(
        cluster,
        () -> {
          if (dryRun) {
            client
                .resource(object)
                .dryRun()
                .fieldManager(MANAGER)
                .forceConflicts()
                .serverSideApply();
          } else {
            client.resource(object).fieldManager(MANAGER).forceConflicts().serverSideApply();
          }
        });
  }

  @Override
  public boolean delete(Caller caller, String cluster, HasMetadata object) {
    try {
      writer(caller, cluster).resource(object).delete();
      return true;
    } catch (KubernetesClientException e) {
      return false;
    }
  }

  private KubernetesClient writer(Caller caller, String cluster) {
    return clients.forCaller(caller, cluster, ClusterClients.Intent.WRITE);
  }
}
