package io.kubeward.maintenance.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubeward.access.app.Caller;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.maintenance.app.MaintenanceExistsException;
import io.kubeward.maintenance.app.MaintenanceNotFoundException;
import io.kubeward.maintenance.app.MaintenanceStore;
import io.kubeward.maintenance.app.MaintenanceUnavailableException;
import io.kubeward.maintenance.app.StaleMaintenanceException;
import io.kubeward.maintenance.domain.Maintenance;
import io.kubeward.maintenance.domain.MaintenanceSpec;
import io.kubeward.maintenance.domain.MaintenanceStatus;
import io.kubeward.runtime.app.ObjectWatcher;
import io.kubeward.runtime.kube.ResilientWatch;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The NodeMaintenance objects of one cluster, read and written through the API: the controller's
 * reads and status writes as Kubeward, a person's as that person ({@link ClusterClients}).
 */
public final class KubeMaintenanceStore implements MaintenanceStore {

  private final String cluster;
  private final ClusterClients clients;

  public KubeMaintenanceStore(String cluster, ClusterClients clients) {
    this.cluster = cluster;
    this.clients = clients;
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      resources(KubernetesClient client) {
    return client.genericKubernetesResources(NodeMaintenanceResources.CONTEXT);
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      resources() {
    return resources(clients.kubeward(cluster));
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      resources(Caller caller, ClusterClients.Intent intent) {
    return resources(clients.forCaller(caller, cluster, intent));
  }

  @Override
  public Optional<Maintenance> get(String name) {
    try {
      return Optional.ofNullable(resources().withName(name).get())
          .map(NodeMaintenanceResources::toMaintenance);
    } catch (KubernetesClientException e) {
      throw translate(e, name);
    }
  }

  @Override
  public Optional<Maintenance> get(Caller caller, String name) {
    try {
      return Optional.ofNullable(resources(caller, ClusterClients.Intent.READ).withName(name).get())
          .map(NodeMaintenanceResources::toMaintenance);
    } catch (KubernetesClientException e) {
      throw translate(e, name);
    }
  }

  @Override
  public List<Maintenance> list(Caller caller) {
    try {
      return resources(caller, ClusterClients.Intent.READ).list().getItems().stream()
          .map(NodeMaintenanceResources::toMaintenance)
          .toList();
    } catch (KubernetesClientException e) {
      throw translate(e, null);
    }
  }

  @Override
  public Maintenance create(Caller caller, String name, MaintenanceSpec spec) {
    try {
      return NodeMaintenanceResources.toMaintenance(
          resources(caller, ClusterClients.Intent.WRITE)
              .resource(NodeMaintenanceResources.newResource(name, caller.username(), spec))
              .create());
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        throw new MaintenanceExistsException(cluster, name);
      }
      throw translate(e, null);
    }
  }

  @Override
  public Maintenance updateStatus(Maintenance maintenance, MaintenanceStatus status) {
    try {
      return NodeMaintenanceResources.toMaintenance(
          resources()
              .resource(NodeMaintenanceResources.withStatus(maintenance, status))
              .updateStatus());
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        throw new StaleMaintenanceException(cluster, maintenance.name());
      }
      throw translate(e, maintenance.name());
    }
  }

  @Override
  public Maintenance patchSpec(Caller caller, String name, Map<String, Object> fields) {
    try {
      String patch = NodeMaintenanceResources.JSON.writeValueAsString(Map.of("spec", fields));
      return NodeMaintenanceResources.toMaintenance(
          resources(caller, ClusterClients.Intent.WRITE)
              .withName(name)
              .patch(PatchContext.of(PatchType.JSON_MERGE), patch));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (KubernetesClientException e) {
      throw translate(e, name);
    }
  }

  @Override
  public AutoCloseable watch(Caller caller, String name, ObjectWatcher<Maintenance> listener) {
    return ResilientWatch.start(
        "NodeMaintenance in " + cluster,
        resources(caller, ClusterClients.Intent.READ),
        name,
        NodeMaintenanceResources::toMaintenance,
        listener);
  }

  private RuntimeException translate(KubernetesClientException e, String name) {
    if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
      if (name != null) {
        return new MaintenanceNotFoundException(cluster, name);
      }
      return new MaintenanceUnavailableException(cluster, "the API serves no nodemaintenances");
    }
    return KubeErrors.translate(cluster, e);
  }
}
