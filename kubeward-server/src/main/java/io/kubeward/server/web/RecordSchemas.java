package io.kubeward.server.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kubeward.cluster.domain.ControlPlaneHealth;
import io.kubeward.maintenance.domain.NodeSelector;
import io.kubeward.node.app.EditNodeMetadata;
import io.kubeward.node.app.NodeDetail;
import io.kubeward.resource.app.ObjectAccess;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Makes the schemas of the JSON records say what the records guarantee, so that the console's
 * generated TypeScript types are exact.
 *
 * <ul>
 *   <li>A record component is <em>required and never null</em> unless it is annotated {@link
 *       Nullable} (JSpecify), in which case it is <em>optional and may be null</em>. Responses
 *       always carry every component (Jackson writes nulls), so "optional" on a {@code Nullable}
 *       component only loosens what a client must send, never what it reads. A component with a
 *       server-side default (e.g. {@code MaintenanceSpec.concurrency}) is {@code @Nullable}: a
 *       client may leave it out.
 *   <li>Schema names are simple class names, so two classes with the same simple name would
 *       silently share one schema: core classes get a distinct name in {@link #NAMES} (server
 *       classes use {@code @Schema(name = ...)}), and a remaining clash fails the document with
 *       both class names (and so {@code OpenApiContractTest} and {@code bin/openapi}).
 * </ul>
 */
final class RecordSchemas implements ModelConverter {

  /** Schema names of core classes whose simple name is too generic or used twice. */
  static final Map<Class<?>, String> NAMES =
      Map.ofEntries(
          Map.entry(ObjectAccess.Preview.class, "ObjectPreview"),
          Map.entry(EditNodeMetadata.Preview.class, "MetadataPreview"),
          Map.entry(ControlPlaneHealth.Check.class, "ReadyzCheck"),
          Map.entry(NodeDetail.Condition.class, "NodeDetailCondition"),
          Map.entry(NodeSelector.Requirement.class, "SelectorRequirement"),
          // --- issue 16 backup
          Map.entry(io.kubeward.backup.domain.ObjectRef.class, "BackupObjectRef"),
          Map.entry(
              io.kubeward.backup.domain.BackupScheduleSpec.Retention.class, "BackupRetention"),
          // --- end issue 16 backup
          // --- issue 16 restore
          Map.entry(
              io.kubeward.backup.domain.restore.RestoreStatus.Progress.class, "RestoreProgress"),
          Map.entry(io.kubeward.backup.app.restore.RestoreResults.Page.class, "RestoreResultsPage"),
          Map.entry(io.kubeward.backup.app.restore.PreviewItem.class, "RestorePreviewItem"),
          // --- issue 17 rbac ---
          Map.entry(io.kubeward.rbac.domain.ResourceRequest.class, "RbacResourceRequest"),
          Map.entry(io.kubeward.rbac.domain.BindingRef.class, "RbacBindingRef"),
          Map.entry(io.kubeward.rbac.domain.RoleRef.class, "RbacRoleRef"),
          Map.entry(io.kubeward.rbac.domain.GrantedRule.class, "RbacGrantedRule"),
          Map.entry(io.kubeward.rbac.domain.AllowedSubject.class, "RbacAllowedSubject"),
          Map.entry(io.kubeward.rbac.domain.SubjectRules.class, "RbacSubjectRules"),
          Map.entry(io.kubeward.rbac.domain.CanIAnswer.class, "RbacCanIAnswer"),
          Map.entry(io.kubeward.rbac.domain.WhoCanAnswer.class, "RbacWhoCanAnswer"),
          // --- end issue 17 rbac ---
          // --- issue 17 hpa ---
          Map.entry(io.kubeward.hpa.domain.HpaDetail.Condition.class, "HpaCondition"),
          Map.entry(io.kubeward.hpa.domain.HpaDetail.MetricValue.class, "HpaMetricValue"),
          Map.entry(io.kubeward.hpa.domain.HpaDetail.HpaEvent.class, "HpaEvent"),
          Map.entry(io.kubeward.hpa.domain.HpaDetail.ReplicaPoint.class, "HpaReplicaPoint"),
          Map.entry(io.kubeward.hpa.domain.HpaBehavior.Rules.class, "HpaScalingRules"),
          Map.entry(io.kubeward.hpa.domain.HpaBehavior.Policy.class, "HpaScalingPolicy"),
          Map.entry(
              io.kubeward.hpa.domain.VpaView.ContainerRecommendation.class,
              "VpaContainerRecommendation"),
          // --- end issue 17 hpa ---
          // --- issue 17: names the parts' records share with older ones ---
          Map.entry(io.kubeward.posture.domain.PostureReport.Finding.class, "PostureFinding"),
          Map.entry(io.kubeward.posture.domain.Result.class, "PostureResult"),
          Map.entry(io.kubeward.tenancy.domain.QuotaUsage.Line.class, "QuotaUsageLine"),
          // --- issue 18 ---
          Map.entry(io.kubeward.helm.app.UpgradePreview.class, "HelmUpgradePreview"));

  private final Map<String, Class<?>> named = new ConcurrentHashMap<>();

  /**
   * Every clash met so far. springdoc logs an exception thrown while it resolves a response type
   * and goes on with a document in which one class silently took the other's schema, so the clash
   * is also kept here and {@link OpenApiConfiguration} refuses to serve the document.
   */
  private final Set<String> clashes = ConcurrentHashMap.newKeySet();

  Set<String> clashes() {
    return Set.copyOf(clashes);
  }

  @Override
  public Schema<?> resolve(
      AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
    if (!chain.hasNext()) {
      return null;
    }
    Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
    if (type.getName() == null && NAMES.containsKey(raw)) {
      type.name(NAMES.get(raw));
    }
    Schema<?> resolved = chain.next().resolve(type, context, chain);
    if (resolved == null) {
      return null;
    }
    Schema<?> target = resolved;
    String name = resolved.getName();
    if (resolved.get$ref() != null) {
      name = resolved.get$ref().substring(Components.COMPONENTS_SCHEMAS_REF.length());
      target = context.getDefinedModels().get(name);
    }
    if (name != null && !raw.isPrimitive() && !raw.getName().startsWith("java.")) {
      Class<?> first = named.putIfAbsent(name, raw);
      if (first != null && first != raw) {
        String clash =
            "OpenAPI schema name \""
                + name
                + "\" is used by "
                + first.getName()
                + " and "
                + raw.getName()
                + ": name one of them (RecordSchemas.NAMES or @Schema(name = ...))";
        clashes.add(clash);
        throw new IllegalStateException(clash);
      }
    }
    if (!raw.isRecord()) {
      return resolved;
    }
    if (target == null || target.getProperties() == null) {
      return resolved;
    }
    describe(raw, target);
    return resolved;
  }

  /** Required and nullable properties of {@code schema} from the components of {@code record}. */
  static void describe(Class<?> record, Schema<?> schema) {
    @SuppressWarnings("rawtypes")
    Map<String, Schema> properties = schema.getProperties();
    SpecVersion version =
        schema.getSpecVersion() == null ? SpecVersion.V31 : schema.getSpecVersion();
    List<String> required = new ArrayList<>();
    Set<String> components = new LinkedHashSet<>();
    for (RecordComponent component : record.getRecordComponents()) {
      String name = jsonName(record, component);
      components.add(name);
      Schema<?> property = properties.get(name);
      if (property == null) {
        continue;
      }
      if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
        properties.put(name, nullable(property, version));
      } else {
        required.add(name);
      }
    }
    // Bean getters of a record are written too (KindInfo.isSecret() → "secret").
    for (String name : List.copyOf(properties.keySet())) {
      Method getter = components.contains(name) ? null : getter(record, name);
      if (getter == null) {
        continue;
      }
      if (getter.getAnnotatedReturnType().isAnnotationPresent(Nullable.class)) {
        properties.put(name, nullable(properties.get(name), version));
      } else {
        required.add(name);
      }
    }
    if (schema.getRequired() != null) {
      for (String already : schema.getRequired()) {
        if (!required.contains(already) && properties.containsKey(already)) {
          required.add(already);
        }
      }
    }
    schema.setRequired(required.isEmpty() ? null : required);
  }

  private static Method getter(Class<?> record, String property) {
    String suffix = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
    for (String name : List.of("get" + suffix, "is" + suffix)) {
      try {
        Method method = record.getMethod(name);
        if (method.getReturnType() != void.class) {
          return method;
        }
      } catch (NoSuchMethodException e) {
        // try the next spelling
      }
    }
    return null;
  }

  private static String jsonName(Class<?> record, RecordComponent component) {
    try {
      Field field = record.getDeclaredField(component.getName());
      JsonProperty renamed = field.getAnnotation(JsonProperty.class);
      if (renamed != null && !renamed.value().isEmpty()) {
        return renamed.value();
      }
    } catch (NoSuchFieldException e) {
      // every record component has a field
    }
    return component.getName();
  }

  /** The property allowing {@code null} too (OpenAPI 3.1: a {@code "null"} type). */
  private static Schema<?> nullable(Schema<?> property, SpecVersion version) {
    if (version == SpecVersion.V30) {
      if (property.get$ref() != null) {
        Schema<Object> wrapper = new Schema<>();
        wrapper.setNullable(true);
        wrapper.setAllOf(List.of(new Schema<>().$ref(property.get$ref())));
        wrapper.setDescription(property.getDescription());
        return wrapper;
      }
      property.setNullable(true);
      return property;
    }
    if (property.get$ref() != null) {
      Schema<Object> wrapper = new Schema<>(SpecVersion.V31);
      wrapper.setDescription(property.getDescription());
      wrapper.setOneOf(
          List.of(
              new Schema<>(SpecVersion.V31).$ref(property.get$ref()),
              new Schema<>(SpecVersion.V31).typesItem("null")));
      return wrapper;
    }
    if (property.getOneOf() != null || property.getAnyOf() != null) {
      return property; // already a union (e.g. wrapped when the model was resolved before)
    }
    Set<String> types = new LinkedHashSet<>();
    if (property.getTypes() != null) {
      types.addAll(property.getTypes());
    } else if (property.getType() != null) {
      types.add(property.getType());
    }
    if (types.isEmpty() || types.contains("null")) {
      return property;
    }
    types.add("null");
    property.setTypes(types);
    if (property.getEnum() != null && !property.getEnum().contains(null)) {
      @SuppressWarnings("unchecked")
      Schema<Object> values = (Schema<Object>) property;
      values.addEnumItemObject(null);
    }
    return property;
  }
}
