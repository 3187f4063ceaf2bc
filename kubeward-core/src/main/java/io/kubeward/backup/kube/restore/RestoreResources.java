package io.kubeward.backup.kube.restore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubeward.backup.domain.restore.RestoreObject;
import io.kubeward.backup.domain.restore.RestoreSpec;
import io.kubeward.backup.domain.restore.RestoreStatus;
import io.kubeward.runtime.kube.CrdDefinition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Restore} custom resource ({@code kubeward.io/v1alpha1}, short {@code krst}) as
 * fabric8's {@link GenericKubernetesResource}, mapped to and from the domain records with Jackson.
 */
public final class RestoreResources {

  public static final String GROUP = "kubeward.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String KIND = "Restore";
  public static final String PLURAL = "restores";
  public static final String CRD_NAME = PLURAL + "." + GROUP;

  public static final CrdDefinition CRD =
      CrdDefinition.load("/io/kubeward/backup/" + CRD_NAME + ".yaml", VERSION);

  public static final ResourceDefinitionContext CONTEXT =
      new ResourceDefinitionContext.Builder()
          .withGroup(GROUP)
          .withVersion(VERSION)
          .withKind(KIND)
          .withPlural(PLURAL)
          .withNamespaced(true)
          .build();

  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private RestoreResources() {}

  @SuppressWarnings("unchecked")
  public static RestoreObject toRestore(GenericKubernetesResource r) {
    Object spec = r.getAdditionalProperties().get("spec");
    Object status = r.getAdditionalProperties().get("status");
    String created = r.getMetadata().getCreationTimestamp();
    Long generation = r.getMetadata().getGeneration();
    return new RestoreObject(
        r.getMetadata().getNamespace(),
        r.getMetadata().getName(),
        r.getMetadata().getUid(),
        r.getMetadata().getResourceVersion(),
        generation == null ? 0 : generation,
        created == null ? null : Instant.parse(created),
        r.getMetadata().getAnnotations(),
        spec(spec),
        spec instanceof Map<?, ?> m ? (Map<String, Object>) m : null,
        status(status));
  }

  /** The spec of a JSON map, or null when its shape is wrong (the validator then says so). */
  public static @Nullable RestoreSpec spec(@Nullable Object spec) {
    if (!(spec instanceof Map<?, ?>)) {
      return null;
    }
    try {
      return JSON.convertValue(spec, RestoreSpec.class);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static RestoreStatus status(@Nullable Object status) {
    if (!(status instanceof Map<?, ?>)) {
      return RestoreStatus.EMPTY;
    }
    try {
      return JSON.convertValue(status, RestoreStatus.class);
    } catch (IllegalArgumentException e) {
      return RestoreStatus.EMPTY;
    }
  }

  /** A new Restore with its spec and annotations (the acting-as stamp). */
  public static GenericKubernetesResource newResource(
      String namespace, String name, Map<String, Object> spec, Map<String, String> annotations) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(API_VERSION);
    r.setKind(KIND);
    r.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(namespace)
            .withAnnotations(annotations)
            .build());
    r.setAdditionalProperty("spec", spec);
    return r;
  }

  /** The object to merge-patch into the status subresource. */
  public static GenericKubernetesResource withStatus(RestoreObject live, RestoreStatus status) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(API_VERSION);
    r.setKind(KIND);
    r.setMetadata(
        new ObjectMetaBuilder().withName(live.name()).withNamespace(live.namespace()).build());
    r.setAdditionalProperty("status", toMap(status));
    return r;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> toMap(Object value) {
    return new LinkedHashMap<>(JSON.convertValue(value, Map.class));
  }
}
