package io.kubeward.maintenance.kube;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubeward.maintenance.domain.Maintenance;
import io.kubeward.maintenance.domain.MaintenanceSpec;
import io.kubeward.maintenance.domain.MaintenanceStatus;
import io.kubeward.runtime.kube.CrdDefinition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The NodeMaintenance custom resource ({@code kubeward.io/v1alpha1}, cluster-scoped) as fabric8's
 * {@link GenericKubernetesResource}, mapped to and from the domain records with Jackson.
 */
public final class NodeMaintenanceResources {

  public static final String GROUP = "kubeward.io";
  public static final String VERSION = "v1alpha1";
  public static final String KIND = "NodeMaintenance";
  public static final String PLURAL = "nodemaintenances";
  public static final String CRD_NAME = PLURAL + "." + GROUP;
  public static final String CRD_RESOURCE = "/io/kubeward/maintenance/" + CRD_NAME + ".yaml";
  public static final String CREATED_BY = "kubeward.io/created-by";

  /**
   * The finalizer of the maintenance controller: a deleted maintenance first undoes what it did to
   * its nodes (see {@code MaintenanceReconciler.cleanup}). Without Kubeward, remove it by hand
   * (docs/ARCHITECTURE.md, "Node maintenance").
   */
  public static final String FINALIZER = "kubeward.io/maintenance-cleanup";

  /** The CRD this build installs and checks ({@value #CRD_RESOURCE}). */
  public static final CrdDefinition CRD = CrdDefinition.load(CRD_RESOURCE, VERSION);

  public static final ResourceDefinitionContext CONTEXT =
      new ResourceDefinitionContext.Builder()
          .withGroup(GROUP)
          .withVersion(VERSION)
          .withKind(KIND)
          .withPlural(PLURAL)
          .withNamespaced(false)
          .build();

  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private NodeMaintenanceResources() {}

  public static Maintenance toMaintenance(GenericKubernetesResource r) {
    Object spec = r.getAdditionalProperties().get("spec");
    Object status = r.getAdditionalProperties().get("status");
    Map<String, String> annotations = r.getMetadata().getAnnotations();
    String created = r.getMetadata().getCreationTimestamp();
    return new Maintenance(
        r.getMetadata().getName(),
        annotations == null ? null : annotations.get(CREATED_BY),
        created == null ? null : Instant.parse(created),
        r.getMetadata().getResourceVersion(),
        r.getMetadata().getGeneration(),
        spec == null
            ? JSON.convertValue(Map.of(), MaintenanceSpec.class)
            : JSON.convertValue(spec, MaintenanceSpec.class),
        status == null ? null : JSON.convertValue(status, MaintenanceStatus.class));
  }

  public static GenericKubernetesResource newResource(
      String name, String createdBy, MaintenanceSpec spec) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(GROUP + "/" + VERSION);
    r.setKind(KIND);
    r.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .addToAnnotations(CREATED_BY, createdBy)
            .addToLabels("app.kubernetes.io/managed-by", "kubeward")
            .addToFinalizers(FINALIZER)
            .build());
    r.setAdditionalProperty("spec", toMap(spec));
    return r;
  }

  /** The object to PUT to the status subresource, guarded by {@code m}'s resourceVersion. */
  static GenericKubernetesResource withStatus(Maintenance m, MaintenanceStatus status) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(GROUP + "/" + VERSION);
    r.setKind(KIND);
    r.setMetadata(
        new ObjectMetaBuilder()
            .withName(m.name())
            .withResourceVersion(m.resourceVersion())
            .build());
    r.setAdditionalProperty("spec", toMap(m.spec()));
    r.setAdditionalProperty("status", toMap(status));
    return r;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> toMap(Object value) {
    return new LinkedHashMap<>(JSON.convertValue(value, Map.class));
  }
}
