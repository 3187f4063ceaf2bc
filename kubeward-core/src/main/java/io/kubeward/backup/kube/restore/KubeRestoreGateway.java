package io.kubeward.backup.kube.restore;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.IdentityStamp;
import io.kubeward.access.kube.SpecDigest;
import io.kubeward.backup.app.restore.ArchiveLocation;
import io.kubeward.backup.app.restore.RestoreCluster;
import io.kubeward.backup.app.restore.RestoreGateway;
import io.kubeward.backup.domain.restore.RestoreObject;
import io.kubeward.backup.domain.restore.RestoreSource;
import io.kubeward.backup.domain.restore.RestoreSpec;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.runtime.app.ObjectWatcher;
import io.kubeward.runtime.kube.ResilientWatch;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@link RestoreGateway} through the API with the caller's client ({@link ClusterClients}). */
public final class KubeRestoreGateway implements RestoreGateway {

  private final ClusterClients clients;
  private final IdentityStamp stamp;
  private final Clock clock;

  public KubeRestoreGateway(ClusterClients clients, IdentityStamp stamp, Clock clock) {
    this.clients = clients;
    this.stamp = stamp;
    this.clock = clock;
  }

  private KubernetesClient client(Caller caller, String cluster, ClusterClients.Intent intent) {
    return clients.forCaller(caller, cluster, intent);
  }

  @Override
  public List<RestoreObject> list(Caller caller, String cluster, @Nullable String namespace) {
    try {
      var all =
          client(caller, cluster, ClusterClients.Intent.READ)
              .genericKubernetesResources(RestoreResources.CONTEXT);
      var items =
          namespace == null ? all.inAnyNamespace().list() : all.inNamespace(namespace).list();
      return items.getItems().stream().map(RestoreResources::toRestore).toList();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return List.of(); // the CRD is not installed (yet)
      }
      throw KubeErrors.translate(cluster, e);
    }
  }

  @Override
  public Optional<RestoreObject> get(Caller caller, String cluster, String namespace, String name) {
    try {
      return Optional.ofNullable(
              client(caller, cluster, ClusterClients.Intent.READ)
                  .genericKubernetesResources(RestoreResources.CONTEXT)
                  .inNamespace(namespace)
                  .withName(name)
                  .get())
          .map(RestoreResources::toRestore);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return Optional.empty();
      }
      throw KubeErrors.translate(cluster, e);
    }
  }

  @Override
  public RestoreObject create(
      Caller caller, String cluster, String namespace, String name, RestoreSpec spec) {
    Map<String, Object> specMap = RestoreResources.toMap(spec);
    String stamped =
        stamp.stamp(
            RestoreResources.KIND,
            namespace,
            name,
            SpecDigest.of(specMap),
            Authorizer.identity(caller));
    GenericKubernetesResource resource =
        RestoreResources.newResource(
            namespace, name, specMap, Map.of(IdentityStamp.ANNOTATION, stamped));
    return KubeErrors.call(
        cluster,
        () ->
            RestoreResources.toRestore(
                client(caller, cluster, ClusterClients.Intent.WRITE)
                    .genericKubernetesResources(RestoreResources.CONTEXT)
                    .inNamespace(namespace)
                    .resource(resource)
                    .create()));
  }

  @Override
  public boolean delete(Caller caller, String cluster, String namespace, String name) {
    var deleted =
        KubeErrors.call(
            cluster,
            () ->
                client(caller, cluster, ClusterClients.Intent.WRITE)
                    .genericKubernetesResources(RestoreResources.CONTEXT)
                    .inNamespace(namespace)
                    .withName(name)
                    .delete());
    return deleted != null && !deleted.isEmpty();
  }

  @Override
  public AutoCloseable watch(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      ObjectWatcher<RestoreObject> listener) {
    return ResilientWatch.start(
        "Restore " + namespace + "/" + name + " in " + cluster,
        client(caller, cluster, ClusterClients.Intent.READ)
            .genericKubernetesResources(RestoreResources.CONTEXT)
            .inNamespace(namespace),
        name,
        RestoreResources::toRestore,
        listener);
  }

  @Override
  public ArchiveLocation locate(Caller caller, String cluster, RestoreSource source) {
    return BackupArchiveLocator.locate(
        client(caller, cluster, ClusterClients.Intent.READ), cluster, source);
  }

  @Override
  public RestoreCluster clusterAs(Caller caller, String cluster) {
    return new KubeRestoreCluster(client(caller, cluster, ClusterClients.Intent.READ), clock);
  }
}
