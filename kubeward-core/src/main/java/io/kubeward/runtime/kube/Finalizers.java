package io.kubeward.runtime.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds and removes a finalizer with a JSON merge patch that carries the object's resourceVersion,
 * so a concurrent change is a 409 (read again) and never lost.
 */
public final class Finalizers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Finalizers() {}

  public static boolean has(GenericKubernetesResource object, String finalizer) {
    List<String> list = object.getMetadata().getFinalizers();
    return list != null && list.contains(finalizer);
  }

  /** Adds {@code finalizer} unless present. */
  public static void add(
      KubernetesClient client,
      ResourceDefinitionContext kind,
      GenericKubernetesResource object,
      String finalizer) {
    if (has(object, finalizer)) {
      return;
    }
    List<String> next = new ArrayList<>(current(object));
    next.add(finalizer);
    patch(client, kind, object, next);
  }

  /** Removes {@code finalizer} if present. */
  public static void remove(
      KubernetesClient client,
      ResourceDefinitionContext kind,
      GenericKubernetesResource object,
      String finalizer) {
    if (!has(object, finalizer)) {
      return;
    }
    List<String> next = new ArrayList<>(current(object));
    next.remove(finalizer);
    patch(client, kind, object, next);
  }

  private static List<String> current(GenericKubernetesResource object) {
    List<String> list = object.getMetadata().getFinalizers();
    return list == null ? List.of() : list;
  }

  private static void patch(
      KubernetesClient client,
      ResourceDefinitionContext kind,
      GenericKubernetesResource object,
      List<String> finalizers) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("resourceVersion", object.getMetadata().getResourceVersion());
    // null removes the field in a merge patch; an empty list is not removed by every server
    metadata.put("finalizers", finalizers.isEmpty() ? null : finalizers);
    String body;
    try {
      body = JSON.writeValueAsString(Map.of("metadata", metadata));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    var resources = client.genericKubernetesResources(kind);
    String namespace = object.getMetadata().getNamespace();
    (namespace == null
            ? resources.withName(object.getMetadata().getName())
            : resources.inNamespace(namespace).withName(object.getMetadata().getName()))
        .patch(PatchContext.of(PatchType.JSON_MERGE), body);
  }
}
