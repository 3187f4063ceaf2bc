package io.kubeward.backup.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubeward.access.app.Caller;
import io.kubeward.backup.app.BackupNotFoundException;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.runtime.app.ObjectWatcher;
import io.kubeward.runtime.kube.ResilientWatch;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Backups and BackupSchedules through the API, as the caller ({@link ClusterClients}): the cluster
 * decides what the caller may read, create and delete.
 */
public final class KubeBackupStore<T> implements io.kubeward.backup.app.BackupObjects<T> {

  private final ClusterClients clients;
  private final ResourceDefinitionContext kind;
  private final Function<GenericKubernetesResource, T> decoder;

  public KubeBackupStore(
      ClusterClients clients,
      ResourceDefinitionContext kind,
      Function<GenericKubernetesResource, T> decoder) {
    this.clients = clients;
    this.kind = kind;
    this.decoder = decoder;
  }

  public static KubeBackupStore<io.kubeward.backup.domain.BackupObject> backups(
      ClusterClients clients) {
    return new KubeBackupStore<>(clients, BackupResources.CONTEXT, BackupResources::toBackup);
  }

  public static KubeBackupStore<io.kubeward.backup.domain.BackupScheduleObject> schedules(
      ClusterClients clients) {
    return new KubeBackupStore<>(
        clients, BackupResources.SCHEDULE_CONTEXT, BackupResources::toSchedule);
  }

  private io.fabric8.kubernetes.client.dsl.MixedOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>>
      all(Caller caller, String cluster, ClusterClients.Intent intent) {
    return clients.forCaller(caller, cluster, intent).genericKubernetesResources(kind);
  }

  @Override
  public List<T> list(Caller caller, String cluster, @Nullable String namespace) {
    try {
      var all = all(caller, cluster, ClusterClients.Intent.READ);
      var items =
          namespace == null ? all.inAnyNamespace().list() : all.inNamespace(namespace).list();
      return items.getItems().stream().map(decoder).toList();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return List.of(); // the CRD is not installed (yet)
      }
      throw KubeErrors.translate(cluster, e);
    }
  }

  @Override
  public Optional<T> get(Caller caller, String cluster, String namespace, String name) {
    try {
      return Optional.ofNullable(
              all(caller, cluster, ClusterClients.Intent.READ)
                  .inNamespace(namespace)
                  .withName(name)
                  .get())
          .map(decoder);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return Optional.empty();
      }
      throw KubeErrors.translate(cluster, e);
    }
  }

  /** Creates the object with the caller's client. */
  @Override
  public T create(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      Object spec,
      @Nullable Map<String, String> labels,
      Map<String, String> annotations) {
    try {
      return decoder.apply(
          all(caller, cluster, ClusterClients.Intent.WRITE)
              .inNamespace(namespace)
              .resource(
                  BackupResources.newResource(
                      kind.getKind(), namespace, name, spec, labels, annotations))
              .create());
    } catch (KubernetesClientException e) {
      throw KubeErrors.translate(cluster, e);
    }
  }

  @Override
  public void delete(Caller caller, String cluster, String namespace, String name) {
    try {
      var deleted =
          all(caller, cluster, ClusterClients.Intent.WRITE)
              .inNamespace(namespace)
              .withName(name)
              .delete();
      if (deleted.isEmpty()) {
        throw new BackupNotFoundException(kind.getKind(), cluster, namespace, name);
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        throw new BackupNotFoundException(kind.getKind(), cluster, namespace, name);
      }
      throw KubeErrors.translate(cluster, e);
    }
  }

  /** The object now and on every change, as the caller reads it. */
  @Override
  public AutoCloseable watch(
      Caller caller, String cluster, String namespace, String name, ObjectWatcher<T> listener) {
    return ResilientWatch.start(
        kind.getKind() + " in " + cluster,
        all(caller, cluster, ClusterClients.Intent.READ).inNamespace(namespace),
        name,
        decoder,
        listener);
  }
}
