package io.kubeward.alert.kube.rule;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.kubeward.access.app.Caller;
import io.kubeward.alert.app.rule.AlertRuleStore;
import io.kubeward.alert.domain.rule.AlertRuleObject;
import io.kubeward.alert.domain.rule.AlertRuleSpec;
import io.kubeward.alert.domain.rule.RuleKind;
import io.kubeward.cluster.app.ClusterApiException;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.common.Names;
import java.net.HttpURLConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The alert rule objects through the API, as the caller ({@link ClusterClients}). */
public final class KubeAlertRuleStore implements AlertRuleStore {

  private final ClusterClients clients;

  public KubeAlertRuleStore(ClusterClients clients) {
    this.clients = clients;
  }

  private MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      resources(Caller caller, String cluster, RuleKind kind, ClusterClients.Intent intent) {
    return clients
        .forCaller(caller, cluster, intent)
        .genericKubernetesResources(AlertRuleResources.context(kind));
  }

  private Resource<GenericKubernetesResource> one(
      Caller caller,
      String cluster,
      RuleKind kind,
      @Nullable String namespace,
      String name,
      ClusterClients.Intent intent) {
    var all = resources(caller, cluster, kind, intent);
    return kind.namespaced() ? all.inNamespace(namespace).withName(name) : all.withName(name);
  }

  @Override
  public List<AlertRuleObject> list(Caller caller, String cluster, RuleKind kind) {
    try {
      var all = resources(caller, cluster, kind, ClusterClients.Intent.READ);
      var items = kind.namespaced() ? all.inAnyNamespace().list() : all.list();
      return items.getItems().stream().map(AlertRuleResources::toRule).toList();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return List.of(); // the CRD is not installed (yet): no rules
      }
      throw KubeErrors.translate(cluster, e);
    }
  }

  @Override
  public List<AlertRuleObject> listIn(Caller caller, String cluster, String namespace) {
    try {
      return resources(caller, cluster, RuleKind.AlertRule, ClusterClients.Intent.READ)
          .inNamespace(namespace)
          .list()
          .getItems()
          .stream()
          .map(AlertRuleResources::toRule)
          .toList();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return List.of();
      }
      throw KubeErrors.translate(cluster, e);
    }
  }

  @Override
  public Optional<AlertRuleObject> get(
      Caller caller, String cluster, RuleKind kind, @Nullable String namespace, String name) {
    try {
      return Optional.ofNullable(
              one(caller, cluster, kind, namespace, name, ClusterClients.Intent.READ).get())
          .map(AlertRuleResources::toRule);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return Optional.empty();
      }
      throw KubeErrors.translate(cluster, e);
    }
  }

  @Override
  public AlertRuleObject apply(
      Caller caller,
      String cluster,
      RuleKind kind,
      @Nullable String namespace,
      String name,
      AlertRuleSpec spec,
      @Nullable String resourceVersion) {
    try {
      Resource<GenericKubernetesResource> resource =
          one(caller, cluster, kind, namespace, name, ClusterClients.Intent.WRITE);
      GenericKubernetesResource existing = resource.get();
      if (existing == null) {
        if (resourceVersion != null && !resourceVersion.isBlank()) {
          throw ClusterApiException.conflict(
              cluster, kind + " " + name + " was deleted meanwhile", List.of());
        }
        return AlertRuleResources.toRule(
            resources(caller, cluster, kind, ClusterClients.Intent.WRITE)
                .resource(AlertRuleResources.newResource(kind, namespace, name, spec, null, null))
                .create());
      }
      GenericKubernetesResource next =
          AlertRuleResources.newResource(
              kind,
              namespace,
              name,
              spec,
              resourceVersion == null || resourceVersion.isBlank()
                  ? existing.getMetadata().getResourceVersion()
                  : resourceVersion,
              null);
      next.getMetadata().setLabels(copy(existing.getMetadata().getLabels()));
      next.getMetadata().setAnnotations(copy(existing.getMetadata().getAnnotations()));
      if (existing.getAdditionalProperties().get("status") != null) {
        next.setAdditionalProperty("status", existing.getAdditionalProperties().get("status"));
      }
      return AlertRuleResources.toRule(
          resources(caller, cluster, kind, ClusterClients.Intent.WRITE).resource(next).update());
    } catch (KubernetesClientException e) {
      throw KubeErrors.translate(cluster, e);
    }
  }

  private static @Nullable Map<String, String> copy(@Nullable Map<String, String> map) {
    return map == null ? null : new LinkedHashMap<>(map);
  }

  @Override
  public boolean delete(
      Caller caller, String cluster, RuleKind kind, @Nullable String namespace, String name) {
    if (!Names.isObjectName(name)) {
      return false; // a blank name would address the whole collection
    }
    try {
      return !one(caller, cluster, kind, namespace, name, ClusterClients.Intent.WRITE)
          .delete()
          .isEmpty();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return false;
      }
      throw KubeErrors.translate(cluster, e);
    }
  }
}
