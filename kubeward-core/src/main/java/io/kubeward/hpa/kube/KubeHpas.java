package io.kubeward.hpa.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.kubeward.access.app.Caller;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.ClusterClients.Intent;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.hpa.app.HpaGateway;
import io.kubeward.hpa.domain.VpaView;
import io.kubeward.hpa.domain.VpaViews;
import java.net.HttpURLConnection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HPA adapter: typed autoscaling/v2 reads and writes with the caller's identity, the scale
 * target's container requests, and VPAs as generic objects where the cluster serves their API.
 */
public final class KubeHpas implements HpaGateway {

  static final String VPA_VERSION = VpaViews.GROUP + "/v1";
  static final String VPA_KIND = "VerticalPodAutoscaler";

  private final ClusterClients clients;

  public KubeHpas(ClusterClients clients) {
    this.clients = clients;
  }

  @Override
  public Optional<HorizontalPodAutoscaler> get(
      Caller caller, String cluster, String namespace, String name) {
    KubernetesClient client = clients.forCaller(caller, cluster, Intent.READ);
    return Optional.ofNullable(
        KubeErrors.call(
            cluster,
            () ->
                client
                    .autoscaling()
                    .v2()
                    .horizontalPodAutoscalers()
                    .inNamespace(namespace)
                    .withName(name)
                    .get()));
  }

  @Override
  public HorizontalPodAutoscaler create(
      Caller caller, String cluster, HorizontalPodAutoscaler hpa, boolean dryRun) {
    KubernetesClient client = clients.forCaller(caller, cluster, Intent.WRITE);
    return KubeErrors.call(
        cluster,
        () ->
            client
                .autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(hpa.getMetadata().getNamespace())
                .resource(hpa)
                .dryRun(dryRun)
                .create());
  }

  @Override
  public HorizontalPodAutoscaler update(
      Caller caller, String cluster, HorizontalPodAutoscaler hpa, boolean dryRun) {
    KubernetesClient client = clients.forCaller(caller, cluster, Intent.WRITE);
    return KubeErrors.call(
        cluster,
        () ->
            client
                .autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(hpa.getMetadata().getNamespace())
                .resource(hpa)
                .dryRun(dryRun)
                .update());
  }

  @Override
  public boolean delete(Caller caller, String cluster, String namespace, String name) {
    KubernetesClient client = clients.forCaller(caller, cluster, Intent.WRITE);
    return KubeErrors.call(
        cluster,
        () ->
            !client
                .autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(namespace)
                .withName(name)
                .delete()
                .isEmpty());
  }

  @Override
  public Optional<Map<String, Set<String>>> targetRequests(
      Caller caller, String cluster, String namespace, String kind, String name) {
    KubernetesClient client = clients.forCaller(caller, cluster, Intent.READ);
    PodTemplateSpec template =
        KubeErrors.call(
            cluster,
            () ->
                switch (kind) {
                  case "Deployment" -> {
                    Deployment d =
                        client.apps().deployments().inNamespace(namespace).withName(name).get();
                    yield d == null ? null : d.getSpec().getTemplate();
                  }
                  case "StatefulSet" -> {
                    StatefulSet s =
                        client.apps().statefulSets().inNamespace(namespace).withName(name).get();
                    yield s == null ? null : s.getSpec().getTemplate();
                  }
                  case "ReplicaSet" -> {
                    ReplicaSet r =
                        client.apps().replicaSets().inNamespace(namespace).withName(name).get();
                    yield r == null ? null : r.getSpec().getTemplate();
                  }
                  default -> null;
                });
    if (template == null) {
      return Optional.empty();
    }
    Map<String, Set<String>> out = new LinkedHashMap<>();
    List<Container> containers =
        template.getSpec() == null || template.getSpec().getContainers() == null
            ? List.of()
            : template.getSpec().getContainers();
    for (Container c : containers) {
      Set<String> requested = new LinkedHashSet<>();
      if (c.getResources() != null && c.getResources().getRequests() != null) {
        requested.addAll(c.getResources().getRequests().keySet());
      }
      // Kubernetes defaults a missing request to the limit.
      if (c.getResources() != null && c.getResources().getLimits() != null) {
        requested.addAll(c.getResources().getLimits().keySet());
      }
      out.put(c.getName(), requested);
    }
    return Optional.of(out);
  }

  @Override
  public String yaml(HorizontalPodAutoscaler hpa) {
    HorizontalPodAutoscaler copy = Serialization.clone(hpa);
    copy.getMetadata().setManagedFields(null);
    return Serialization.asYaml(copy);
  }

  @Override
  public String specYaml(HorizontalPodAutoscaler hpa) {
    return Serialization.asYaml(hpa.getSpec());
  }

  @Override
  public boolean vpaInstalled(String cluster) {
    KubernetesClient client = clients.kubeward(cluster);
    try {
      var resources = client.getApiResources(VPA_VERSION);
      return resources != null
          && resources.getResources() != null
          && resources.getResources().stream().anyMatch(r -> VPA_KIND.equals(r.getKind()));
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return false;
      }
      throw KubeErrors.translate(cluster, e);
    }
  }

  @Override
  public List<VpaView> vpas(Caller caller, String cluster, String namespace) {
    KubernetesClient client = clients.forCaller(caller, cluster, Intent.READ);
    var resources = client.genericKubernetesResources(VPA_VERSION, VPA_KIND);
    List<GenericKubernetesResource> items =
        KubeErrors.call(
            cluster,
            () ->
                namespace == null
                    ? resources.inAnyNamespace().list().getItems()
                    : resources.inNamespace(namespace).list().getItems());
    return items.stream()
        .map(item -> VpaViews.of(Serialization.jsonMapper().convertValue(item, MAP)))
        .sorted(java.util.Comparator.comparing(VpaView::namespace).thenComparing(VpaView::name))
        .toList();
  }

  private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};
}
