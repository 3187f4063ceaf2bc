package io.kubeward.backup.kube;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubeward.backup.domain.BackupObject;
import io.kubeward.backup.domain.BackupScheduleObject;
import io.kubeward.backup.domain.BackupScheduleSpec;
import io.kubeward.backup.domain.BackupScheduleStatus;
import io.kubeward.backup.domain.BackupSpec;
import io.kubeward.backup.domain.BackupStatus;
import io.kubeward.runtime.kube.CrdDefinition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Backup} and {@code BackupSchedule} custom resources ({@code kubeward.io/v1alpha1}) as
 * fabric8's {@link GenericKubernetesResource}, mapped to and from the domain records with Jackson.
 */
public final class BackupResources {

  public static final String GROUP = "kubeward.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  public static final String KIND = "Backup";
  public static final String PLURAL = "backups";
  public static final String CRD_NAME = PLURAL + "." + GROUP;

  public static final String SCHEDULE_KIND = "BackupSchedule";
  public static final String SCHEDULE_PLURAL = "backupschedules";
  public static final String SCHEDULE_CRD_NAME = SCHEDULE_PLURAL + "." + GROUP;

  /** The label naming the schedule that created a Backup. */
  public static final String SCHEDULE_LABEL = io.kubeward.backup.domain.BackupLabels.SCHEDULE;

  public static final CrdDefinition CRD =
      CrdDefinition.load("/io/kubeward/backup/" + CRD_NAME + ".yaml", VERSION);
  public static final CrdDefinition SCHEDULE_CRD =
      CrdDefinition.load("/io/kubeward/backup/" + SCHEDULE_CRD_NAME + ".yaml", VERSION);

  public static final ResourceDefinitionContext CONTEXT = context(KIND, PLURAL);
  public static final ResourceDefinitionContext SCHEDULE_CONTEXT =
      context(SCHEDULE_KIND, SCHEDULE_PLURAL);

  public static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private BackupResources() {}

  private static ResourceDefinitionContext context(String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(GROUP)
        .withVersion(VERSION)
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }

  public static BackupObject toBackup(GenericKubernetesResource r) {
    Object spec = r.getAdditionalProperties().get("spec");
    var m = r.getMetadata();
    return new BackupObject(
        m.getNamespace(),
        m.getName(),
        m.getUid(),
        m.getResourceVersion(),
        m.getGeneration() == null ? 0 : m.getGeneration(),
        instant(m.getCreationTimestamp()),
        m.getLabels(),
        m.getAnnotations(),
        convert(spec, BackupSpec.class),
        spec,
        statusOr(r, BackupStatus.class, BackupStatus.EMPTY));
  }

  public static BackupScheduleObject toSchedule(GenericKubernetesResource r) {
    Object spec = r.getAdditionalProperties().get("spec");
    var m = r.getMetadata();
    return new BackupScheduleObject(
        m.getNamespace(),
        m.getName(),
        m.getUid(),
        m.getResourceVersion(),
        m.getGeneration() == null ? 0 : m.getGeneration(),
        instant(m.getCreationTimestamp()),
        m.getAnnotations(),
        convert(spec, BackupScheduleSpec.class),
        spec,
        statusOr(r, BackupScheduleStatus.class, BackupScheduleStatus.EMPTY));
  }

  private static @Nullable Instant instant(@Nullable String text) {
    return text == null ? null : Instant.parse(text);
  }

  /** A map converted to {@code type}, or null when its shape is wrong. */
  public static <T> @Nullable T convert(@Nullable Object value, Class<T> type) {
    if (!(value instanceof Map<?, ?>)) {
      return null;
    }
    try {
      return JSON.convertValue(value, type);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static <T> T statusOr(GenericKubernetesResource r, Class<T> type, T empty) {
    T status = convert(r.getAdditionalProperties().get("status"), type);
    return status == null ? empty : status;
  }

  /** A new object of {@code kind} with this spec, labels and annotations. */
  public static GenericKubernetesResource newResource(
      String kind,
      String namespace,
      String name,
      Object spec,
      @Nullable Map<String, String> labels,
      @Nullable Map<String, String> annotations) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(API_VERSION);
    r.setKind(kind);
    r.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(namespace)
            .withLabels(labels)
            .withAnnotations(annotations)
            .build());
    r.setAdditionalProperty("spec", toMap(spec));
    return r;
  }

  /** The object to PUT to the status subresource, guarded by the read resourceVersion. */
  public static GenericKubernetesResource withStatus(
      String kind, String namespace, String name, @Nullable String resourceVersion, Object status) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(API_VERSION);
    r.setKind(kind);
    r.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(namespace)
            .withResourceVersion(resourceVersion)
            .build());
    r.setAdditionalProperty("status", toMap(status));
    return r;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> toMap(Object value) {
    return new LinkedHashMap<>(JSON.convertValue(value, Map.class));
  }
}
