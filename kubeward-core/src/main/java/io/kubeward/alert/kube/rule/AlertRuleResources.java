package io.kubeward.alert.kube.rule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubeward.alert.domain.rule.AlertRuleObject;
import io.kubeward.alert.domain.rule.AlertRuleSpec;
import io.kubeward.alert.domain.rule.RuleKind;
import io.kubeward.runtime.kube.CrdDefinition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code AlertRule} (namespaced) and {@code ClusterAlertRule} (cluster-scoped) custom resources
 * ({@code kubeward.io/v1alpha1}) as fabric8's {@link GenericKubernetesResource}, mapped to and from
 * the domain records with Jackson.
 */
public final class AlertRuleResources {

  public static final String GROUP = "kubeward.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** On the rules Kubeward's default rule set created: the set's revision. */
  public static final String DEFAULT_RULE = "kubeward.io/default-rule";

  public static final String ALERT_RULES_CRD = "alertrules." + GROUP;
  public static final String CLUSTER_ALERT_RULES_CRD = "clusteralertrules." + GROUP;

  public static final CrdDefinition ALERT_RULES =
      CrdDefinition.load("/io/kubeward/alert/" + ALERT_RULES_CRD + ".yaml", VERSION);
  public static final CrdDefinition CLUSTER_ALERT_RULES =
      CrdDefinition.load("/io/kubeward/alert/" + CLUSTER_ALERT_RULES_CRD + ".yaml", VERSION);

  public static final ResourceDefinitionContext ALERT_RULE =
      new ResourceDefinitionContext.Builder()
          .withGroup(GROUP)
          .withVersion(VERSION)
          .withKind(RuleKind.AlertRule.name())
          .withPlural("alertrules")
          .withNamespaced(true)
          .build();

  public static final ResourceDefinitionContext CLUSTER_ALERT_RULE =
      new ResourceDefinitionContext.Builder()
          .withGroup(GROUP)
          .withVersion(VERSION)
          .withKind(RuleKind.ClusterAlertRule.name())
          .withPlural("clusteralertrules")
          .withNamespaced(false)
          .build();

  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private AlertRuleResources() {}

  public static ResourceDefinitionContext context(RuleKind kind) {
    return kind.namespaced() ? ALERT_RULE : CLUSTER_ALERT_RULE;
  }

  public static AlertRuleObject toRule(GenericKubernetesResource r) {
    RuleKind kind =
        RuleKind.AlertRule.name().equals(r.getKind())
            ? RuleKind.AlertRule
            : RuleKind.ClusterAlertRule;
    Object spec = r.getAdditionalProperties().get("spec");
    Object status = r.getAdditionalProperties().get("status");
    Map<String, String> annotations = r.getMetadata().getAnnotations();
    String created = r.getMetadata().getCreationTimestamp();
    AlertRuleSpec parsed = null;
    if (spec != null) {
      try {
        parsed = JSON.convertValue(spec, AlertRuleSpec.class);
      } catch (IllegalArgumentException e) {
        parsed = null; // a spec of the wrong shape: the validator says "spec is required"
      }
    }
    AlertRuleObject.AlertRuleStatus parsedStatus = null;
    if (status != null) {
      try {
        parsedStatus = JSON.convertValue(status, AlertRuleObject.AlertRuleStatus.class);
      } catch (IllegalArgumentException e) {
        parsedStatus = null;
      }
    }
    Long generation = r.getMetadata().getGeneration();
    return new AlertRuleObject(
        kind,
        r.getMetadata().getNamespace(),
        r.getMetadata().getName(),
        r.getMetadata().getResourceVersion(),
        generation == null ? 0 : generation,
        created == null ? null : Instant.parse(created),
        annotations == null ? null : annotations.get(DEFAULT_RULE),
        parsed,
        parsedStatus);
  }

  /**
   * A new object (or the replacement of one: {@code resourceVersion} guards it when given).
   *
   * @param defaultRevision set on the rules of the default rule set
   */
  public static GenericKubernetesResource newResource(
      RuleKind kind,
      @Nullable String namespace,
      String name,
      AlertRuleSpec spec,
      @Nullable String resourceVersion,
      @Nullable String defaultRevision) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(API_VERSION);
    r.setKind(kind.name());
    ObjectMetaBuilder meta =
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(kind.namespaced() ? namespace : null)
            .withResourceVersion(resourceVersion);
    if (defaultRevision != null) {
      meta.addToAnnotations(DEFAULT_RULE, defaultRevision)
          .addToLabels("app.kubernetes.io/managed-by", "kubeward");
    }
    r.setMetadata(meta.build());
    r.setAdditionalProperty("spec", toMap(spec));
    return r;
  }

  /** The object to PUT to the status subresource, guarded by the rule's resourceVersion. */
  public static GenericKubernetesResource withStatus(
      AlertRuleObject rule, AlertRuleObject.AlertRuleStatus status) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(API_VERSION);
    r.setKind(rule.kind().name());
    r.setMetadata(
        new ObjectMetaBuilder()
            .withName(rule.name())
            .withNamespace(rule.namespace())
            .withResourceVersion(rule.resourceVersion())
            .build());
    if (rule.spec() != null) {
      r.setAdditionalProperty("spec", toMap(rule.spec()));
    }
    r.setAdditionalProperty("status", toMap(status));
    return r;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> toMap(Object value) {
    return new LinkedHashMap<>(JSON.convertValue(value, Map.class));
  }
}
