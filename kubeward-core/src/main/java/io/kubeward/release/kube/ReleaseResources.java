package io.kubeward.release.kube;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubeward.release.domain.ReleaseObject;
import io.kubeward.release.domain.ReleaseSpec;
import io.kubeward.release.domain.ReleaseStatus;
import io.kubeward.runtime.kube.CrdDefinition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Release} custom resource ({@code kubeward.io/v1alpha1}) as fabric8's {@link
 * GenericKubernetesResource}, mapped to and from the domain records with Jackson.
 */
public final class ReleaseResources {

  public static final String GROUP = "kubeward.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String KIND = "Release";
  public static final String PLURAL = "releases";
  public static final String CRD_NAME = PLURAL + "." + GROUP;

  public static final CrdDefinition CRD =
      CrdDefinition.load("/io/kubeward/release/" + CRD_NAME + ".yaml", VERSION);

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

  private ReleaseResources() {}

  public static ReleaseObject toRelease(GenericKubernetesResource r) {
    Object spec = r.getAdditionalProperties().get("spec");
    Object status = r.getAdditionalProperties().get("status");
    String created = r.getMetadata().getCreationTimestamp();
    Long generation = r.getMetadata().getGeneration();
    return new ReleaseObject(
        r.getMetadata().getNamespace(),
        r.getMetadata().getName(),
        r.getMetadata().getUid(),
        r.getMetadata().getResourceVersion(),
        generation == null ? 0 : generation,
        created == null ? null : Instant.parse(created),
        r.getMetadata().getAnnotations(),
        spec(spec),
        status(status));
  }

  /** The spec of a JSON map, or null when its shape is wrong (the validator then says so). */
  public static @Nullable ReleaseSpec spec(@Nullable Object spec) {
    if (!(spec instanceof Map<?, ?>)) {
      return null;
    }
    try {
      return JSON.convertValue(spec, ReleaseSpec.class);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static ReleaseStatus status(@Nullable Object status) {
    if (!(status instanceof Map<?, ?>)) {
      return ReleaseStatus.EMPTY;
    }
    try {
      return JSON.convertValue(status, ReleaseStatus.class);
    } catch (IllegalArgumentException e) {
      return ReleaseStatus.EMPTY;
    }
  }

  /** A new object (or the replacement of one: {@code resourceVersion} guards it when given). */
  public static GenericKubernetesResource newResource(
      String namespace,
      String name,
      Map<String, Object> spec,
      @Nullable String resourceVersion,
      @Nullable Map<String, String> annotations) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(API_VERSION);
    r.setKind(KIND);
    r.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(namespace)
            .withResourceVersion(resourceVersion)
            .withAnnotations(annotations)
            .build());
    r.setAdditionalProperty("spec", spec);
    return r;
  }

  /** The object to PUT to the status subresource, guarded by the release's resourceVersion. */
  public static GenericKubernetesResource withStatus(ReleaseObject live, ReleaseStatus status) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(API_VERSION);
    r.setKind(KIND);
    r.setMetadata(
        new ObjectMetaBuilder()
            .withName(live.name())
            .withNamespace(live.namespace())
            .withResourceVersion(live.resourceVersion())
            .build());
    r.setAdditionalProperty("status", toMap(status));
    return r;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> toMap(Object value) {
    return new LinkedHashMap<>(JSON.convertValue(value, Map.class));
  }
}
