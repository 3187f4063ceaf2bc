package io.kubeward.maintenance.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
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

/** The NodeMaintenance objects of one cluster, read and written through the API. */
public final class KubeMaintenanceStore implements MaintenanceStore {

  private final String cluster;
  private final KubernetesClient client;

  public KubeMaintenanceStore(String cluster, KubernetesClient client) {
    this.cluster = cluster;
    this.client = client;
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      resources() {
    return client.genericKubernetesResources(NodeMaintenanceResources.CONTEXT);
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
  public List<Maintenance> list() {
    try {
      return resources().list().getItems().stream()
          .map(NodeMaintenanceResources::toMaintenance)
          .toList();
    } catch (KubernetesClientException e) {
      throw translate(e, null);
    }
  }

  @Override
  public Maintenance create(String name, String createdBy, MaintenanceSpec spec) {
    try {
      return NodeMaintenanceResources.toMaintenance(
          resources()
              .resource(NodeMaintenanceResources.newResource(name, createdBy, spec))
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
  public Maintenance patchSpec(String name, Map<String, Object> fields) {
    try {
      String patch = NodeMaintenanceResources.JSON.writeValueAsString(Map.of("spec", fields));
      return NodeMaintenanceResources.toMaintenance(
          resources().withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), patch));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (KubernetesClientException e) {
      throw translate(e, name);
    }
  }

  @Override
  public AutoCloseable watch(String name, ObjectWatcher<Maintenance> listener) {
    return ResilientWatch.start(
        "NodeMaintenance in " + cluster,
        resources(),
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
    return e;
  }
}
