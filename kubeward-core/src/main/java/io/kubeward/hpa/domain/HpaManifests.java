package io.kubeward.hpa.domain;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricIdentifier;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import java.util.List;

/** The desired HPA object for a validated {@link HpaSpec} (pure). */
public final class HpaManifests {

  private HpaManifests() {}

  public static HorizontalPodAutoscaler build(HpaSpec spec) {
    return new HorizontalPodAutoscalerBuilder()
        .withNewMetadata()
        .withNamespace(spec.namespace())
        .withName(spec.name())
        .withResourceVersion(spec.resourceVersion())
        .endMetadata()
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("apps/v1")
        .withKind(spec.targetKind())
        .withName(spec.targetName())
        .endScaleTargetRef()
        .withMinReplicas(spec.minReplicas() == null ? 1 : spec.minReplicas())
        .withMaxReplicas(spec.maxReplicas())
        .withMetrics(spec.metricsOrEmpty().stream().map(HpaManifests::metric).toList())
        .withBehavior(behavior(spec.behavior()))
        .endSpec()
        .build();
  }

  static MetricSpec metric(HpaMetric m) {
    MetricTarget target = new MetricTarget();
    target.setType(m.targetType());
    switch (m.targetType()) {
      case "Utilization" -> target.setAverageUtilization(m.averageUtilization());
      case "AverageValue" -> target.setAverageValue(new Quantity(m.value()));
      default -> target.setValue(new Quantity(m.value()));
    }
    MetricSpecBuilder b = new MetricSpecBuilder().withType(m.type());
    return switch (m.type()) {
      case "Resource" ->
          b.withNewResource().withName(m.name()).withTarget(target).endResource().build();
      case "ContainerResource" ->
          b.withNewContainerResource()
              .withName(m.name())
              .withContainer(m.container())
              .withTarget(target)
              .endContainerResource()
              .build();
      case "Pods" ->
          b.withNewPods().withMetric(identifier(m.name())).withTarget(target).endPods().build();
      case "Object" ->
          b.withNewObject()
              .withMetric(identifier(m.name()))
              .withNewDescribedObject()
              .withApiVersion(m.objectApiVersion())
              .withKind(m.objectKind())
              .withName(m.objectName())
              .endDescribedObject()
              .withTarget(target)
              .endObject()
              .build();
      default ->
          b.withNewExternal()
              .withMetric(identifier(m.name()))
              .withTarget(target)
              .endExternal()
              .build();
    };
  }

  static HorizontalPodAutoscalerBehavior behavior(HpaBehavior behavior) {
    if (behavior == null || (behavior.scaleUp() == null && behavior.scaleDown() == null)) {
      return null;
    }
    HorizontalPodAutoscalerBehavior out = new HorizontalPodAutoscalerBehavior();
    out.setScaleUp(rules(behavior.scaleUp()));
    out.setScaleDown(rules(behavior.scaleDown()));
    return out;
  }

  private static HPAScalingPolicy policy(HpaBehavior.Policy p) {
    HPAScalingPolicy out = new HPAScalingPolicy();
    out.setType(p.type());
    out.setValue(p.value());
    out.setPeriodSeconds(p.periodSeconds());
    return out;
  }

  private static MetricIdentifier identifier(String name) {
    MetricIdentifier out = new MetricIdentifier();
    out.setName(name);
    return out;
  }

  private static HPAScalingRules rules(HpaBehavior.Rules rules) {
    if (rules == null) {
      return null;
    }
    List<HPAScalingPolicy> policies =
        rules.policies() == null
            ? null
            : rules.policies().stream().map(HpaManifests::policy).toList();
    HPAScalingRules out = new HPAScalingRules();
    out.setPolicies(policies);
    out.setSelectPolicy(rules.selectPolicy());
    out.setStabilizationWindowSeconds(rules.stabilizationWindowSeconds());
    return out;
  }
}
