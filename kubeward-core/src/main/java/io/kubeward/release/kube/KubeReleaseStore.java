package io.kubeward.release.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.kubeward.access.app.Caller;
import io.kubeward.cluster.app.ClusterApiException;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.release.app.ReleaseNotFoundException;
import io.kubeward.release.app.ReleaseStore;
import io.kubeward.release.domain.PromqlApproval;
import io.kubeward.release.domain.ReleaseObject;
import io.kubeward.release.domain.ReleaseSpec;
import java.net.HttpURLConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Release objects through the API, as the caller ({@link ClusterClients}). */
public final class KubeReleaseStore implements ReleaseStore {

  private final ClusterClients clients;

  public KubeReleaseStore(ClusterClients clients) {
    this.clients = clients;
  }

  private io.fabric8.kubernetes.client.dsl.MixedOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      all(Caller caller, String cluster, ClusterClients.Intent intent) {
    return clients
        .forCaller(caller, cluster, intent)
        .genericKubernetesResources(ReleaseResources.CONTEXT);
  }

  private Resource<GenericKubernetesResource> one(
      Caller caller, String cluster, String namespace, String name, ClusterClients.Intent intent) {
    return all(caller, cluster, intent).inNamespace(namespace).withName(name);
  }

  @Override
  public List<ReleaseObject> list(Caller caller, String cluster, @Nullable String namespace) {
    try {
      var all = all(caller, cluster, ClusterClients.Intent.READ);
      var items =
          namespace == null ? all.inAnyNamespace().list() : all.inNamespace(namespace).list();
      return items.getItems().stream().map(ReleaseResources::toRelease).toList();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return List.of(); // the CRD is not installed (yet)
      }
      throw KubeErrors.translate(cluster, e);
    }
  }

  @Override
  public Optional<ReleaseObject> get(Caller caller, String cluster, String namespace, String name) {
    try {
      return Optional.ofNullable(
              one(caller, cluster, namespace, name, ClusterClients.Intent.READ).get())
          .map(ReleaseResources::toRelease);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return Optional.empty();
      }
      throw KubeErrors.translate(cluster, e);
    }
  }

  @Override
  public ReleaseObject apply(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      ReleaseSpec spec,
      @Nullable String resourceVersion,
      @Nullable String promqlApproval) {
    try {
      Resource<GenericKubernetesResource> resource =
          one(caller, cluster, namespace, name, ClusterClients.Intent.WRITE);
      GenericKubernetesResource existing = resource.get();
      Map<String, Object> specMap = ReleaseResources.toMap(spec);
      if (existing == null) {
        if (resourceVersion != null && !resourceVersion.isBlank()) {
          throw ClusterApiException.conflict(
              cluster, "Release " + name + " was deleted meanwhile", List.of());
        }
        return ReleaseResources.toRelease(
            all(caller, cluster, ClusterClients.Intent.WRITE)
                .inNamespace(namespace)
                .resource(
                    ReleaseResources.newResource(
                        namespace, name, specMap, null, approval(null, promqlApproval)))
                .create());
      }
      GenericKubernetesResource next =
          ReleaseResources.newResource(
              namespace,
              name,
              specMap,
              resourceVersion == null || resourceVersion.isBlank()
                  ? existing.getMetadata().getResourceVersion()
                  : resourceVersion,
              approval(copy(existing.getMetadata().getAnnotations()), promqlApproval));
      next.getMetadata().setLabels(copy(existing.getMetadata().getLabels()));
      next.getMetadata().setFinalizers(existing.getMetadata().getFinalizers());
      if (existing.getAdditionalProperties().get("status") != null) {
        next.setAdditionalProperty("status", existing.getAdditionalProperties().get("status"));
      }
      return ReleaseResources.toRelease(
          all(caller, cluster, ClusterClients.Intent.WRITE)
              .inNamespace(namespace)
              .resource(next)
              .update());
    } catch (KubernetesClientException e) {
      throw KubeErrors.translate(cluster, e);
    }
  }

  /** The annotations with the PromQL approval stamp set, or removed when null. */
  private static @Nullable Map<String, String> approval(
      @Nullable Map<String, String> annotations, @Nullable String stamp) {
    Map<String, String> next =
        annotations == null
            ? new java.util.LinkedHashMap<>()
            : new java.util.LinkedHashMap<>(annotations);
    if (stamp == null) {
      next.remove(PromqlApproval.ANNOTATION);
    } else {
      next.put(PromqlApproval.ANNOTATION, stamp);
    }
    return next.isEmpty() ? annotations : next;
  }

  @Override
  public boolean delete(Caller caller, String cluster, String namespace, String name) {
    try {
      return !one(caller, cluster, namespace, name, ClusterClients.Intent.WRITE).delete().isEmpty();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return false;
      }
      throw KubeErrors.translate(cluster, e);
    }
  }

  @Override
  public ReleaseObject annotate(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      Map<String, String> annotations) {
    Map<String, Object> patch = Map.of("metadata", Map.of("annotations", annotations));
    return patch(caller, cluster, namespace, name, patch);
  }

  @Override
  public ReleaseObject setPaused(
      Caller caller, String cluster, String namespace, String name, boolean paused) {
    return patch(caller, cluster, namespace, name, Map.of("spec", Map.of("paused", paused)));
  }

  private ReleaseObject patch(
      Caller caller, String cluster, String namespace, String name, Map<String, Object> patch) {
    try {
      GenericKubernetesResource patched =
          one(caller, cluster, namespace, name, ClusterClients.Intent.WRITE)
              .patch(
                  io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                      io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
                  ReleaseResources.JSON.writeValueAsString(patch));
      return ReleaseResources.toRelease(patched);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        throw new ReleaseNotFoundException(cluster, namespace, name);
      }
      throw KubeErrors.translate(cluster, e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static @Nullable Map<String, String> copy(@Nullable Map<String, String> map) {
    return map == null ? null : new LinkedHashMap<>(map);
  }
}
