package io.kubeward.backup.kube;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a whole status with a JSON merge patch of the status subresource: every top-level member
 * is sent, absent ones as {@code null} (removed), so nothing of an earlier attempt survives; no
 * resourceVersion, so progress can be written while the object's metadata changes.
 */
public final class StatusWriter {

  private static final ObjectMapper ALWAYS =
      BackupResources.JSON.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);

  private final KubernetesClient client;
  private final ResourceDefinitionContext kind;

  public StatusWriter(KubernetesClient client, ResourceDefinitionContext kind) {
    this.client = client;
    this.kind = kind;
  }

  @SuppressWarnings("unchecked")
  public void write(String namespace, String name, Object status) {
    Map<String, Object> body = new LinkedHashMap<>(ALWAYS.convertValue(status, Map.class));
    body.replaceAll((k, v) -> v instanceof Map<?, ?> m && m.isEmpty() ? null : v);
    try {
      String patch = BackupResources.JSON.writeValueAsString(Map.of("status", body));
      client
          .genericKubernetesResources(kind)
          .inNamespace(namespace)
          .withName(name)
          .subresource("status")
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
