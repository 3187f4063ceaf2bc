package io.kubeward.hpa.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.common.ErrorKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HpaValidationTest {

  private static HpaSpec spec(Integer min, Integer max, List<HpaMetric> metrics) {
    return new HpaSpec("shop", "web", "Deployment", "web", min, max, metrics, null, null);
  }

  private static HpaMetric metric(
      String type, String name, String targetType, Integer pct, String value) {
    return new HpaMetric(type, name, null, targetType, pct, value, null, null, null);
  }

  @Test
  void acceptsAWellFormedSpec() {
    HpaValidation.validate(
        spec(
            2,
            10,
            List.of(
                HpaMetric.cpuUtilization(80), metric("Pods", "rps", "AverageValue", null, "500m"))),
        HpaLimits.DEFAULT);
  }

  @Test
  void refusesMinAboveMaxNamingBoth() {
    assertThatThrownBy(() -> HpaValidation.validate(spec(5, 3, List.of()), HpaLimits.DEFAULT))
        .isInstanceOfSatisfying(
            HpaException.class,
            e -> {
              assertThat(e.code()).isEqualTo(HpaException.MIN_ABOVE_MAX);
              assertThat(e.properties()).containsEntry("min", 5).containsEntry("max", 3);
            });
  }

  @Test
  void boundsReplicasByTheConfiguredCap() {
    assertThatThrownBy(() -> HpaValidation.validate(spec(1, 1001, List.of()), HpaLimits.DEFAULT))
        .isInstanceOfSatisfying(
            HpaException.class,
            e -> {
              assertThat(e.code()).isEqualTo(HpaException.OUT_OF_RANGE);
              assertThat(e.properties()).containsEntry("field", "maxReplicas");
            });
    assertThatThrownBy(() -> HpaValidation.validate(spec(0, 5, List.of()), HpaLimits.DEFAULT))
        .hasFieldOrPropertyWithValue("code", HpaException.OUT_OF_RANGE);
    HpaValidation.validate(spec(1, 5000, List.of()), new HpaLimits(5000, 10, 10));
  }

  @Test
  void refusesAnUnscalableTarget() {
    HpaSpec daemonSet = new HpaSpec("shop", "web", "DaemonSet", "web", 1, 3, List.of(), null, null);
    assertThatThrownBy(() -> HpaValidation.validate(daemonSet, HpaLimits.DEFAULT))
        .hasFieldOrPropertyWithValue("code", HpaException.TARGET_NOT_SCALABLE);
  }

  @Test
  void checksEachMetricWithAStableReason() {
    assertThat(codeOf(metric("Resource", "cpu", "Utilization", 0, null)))
        .isEqualTo("hpa.metric.utilization");
    assertThat(codeOf(metric("Resource", "cpu", "Utilization", 1001, null)))
        .isEqualTo("hpa.metric.utilization");
    assertThat(codeOf(metric("Resource", "gpu", "Utilization", 50, null)))
        .isEqualTo("hpa.metric.resource");
    assertThat(codeOf(metric("Resource", "memory", "AverageValue", null, "lots")))
        .isEqualTo("hpa.metric.value");
    assertThat(codeOf(metric("Resource", "memory", "Value", null, "1Gi")))
        .isEqualTo("hpa.metric.resource-target");
    assertThat(codeOf(metric("Pods", "rps", "Utilization", 50, null)))
        .isEqualTo("hpa.metric.utilization-on-custom");
    assertThat(codeOf(metric("Pods", "rps", "Value", null, "1")))
        .isEqualTo("hpa.metric.pods-target");
    assertThat(codeOf(metric("Object", "rps", "Value", null, "1"))).isEqualTo("hpa.metric.object");
    assertThat(codeOf(metric("Custom", "rps", "Value", null, "1"))).isEqualTo("hpa.metric.type");
  }

  @Test
  void acceptsKubernetesQuantities() {
    assertThat(HpaValidation.isPositiveQuantity("500m")).isTrue();
    assertThat(HpaValidation.isPositiveQuantity("1Gi")).isTrue();
    assertThat(HpaValidation.isPositiveQuantity("1.5")).isTrue();
    assertThat(HpaValidation.isPositiveQuantity("1e3")).isTrue();
    assertThat(HpaValidation.isPositiveQuantity("0")).isFalse();
    assertThat(HpaValidation.isPositiveQuantity("-1")).isFalse();
    assertThat(HpaValidation.isPositiveQuantity("1GB")).isFalse();
    assertThat(HpaValidation.isPositiveQuantity(null)).isFalse();
  }

  @Test
  void boundsBehaviorPolicies() {
    HpaBehavior tooLong = new HpaBehavior(new HpaBehavior.Rules(7200, "Max", List.of()), null);
    HpaSpec spec = new HpaSpec("shop", "web", "Deployment", "web", 1, 3, List.of(), tooLong, null);
    assertThatThrownBy(() -> HpaValidation.validate(spec, HpaLimits.DEFAULT))
        .isInstanceOfSatisfying(
            HpaException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.INVALID);
              assertThat(e.properties())
                  .containsEntry("field", "scaleUp.stabilizationWindowSeconds");
            });
    HpaBehavior badPolicy =
        new HpaBehavior(
            null,
            new HpaBehavior.Rules(300, null, List.of(new HpaBehavior.Policy("Percent", 0, 60))));
    HpaSpec second =
        new HpaSpec("shop", "web", "Deployment", "web", 1, 3, List.of(), badPolicy, null);
    assertThatThrownBy(() -> HpaValidation.validate(second, HpaLimits.DEFAULT))
        .hasFieldOrPropertyWithValue("code", HpaException.OUT_OF_RANGE);
  }

  @Test
  void warnsWhenAUtilisationTargetMeetsAContainerWithoutThatRequest() {
    HpaSpec spec = spec(1, 3, List.of(HpaMetric.cpuUtilization(70)));
    List<HpaWarning> warnings =
        HpaValidation.warnings(
            spec, Map.of("app", Set.of("memory"), "sidecar", Set.of("cpu", "memory")));
    assertThat(warnings)
        .extracting(HpaWarning::code, HpaWarning::args)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("missing-request", List.of("app", "cpu")));
    assertThat(HpaValidation.warnings(spec, Map.of("app", Set.of("cpu")))).isEmpty();
  }

  private static String codeOf(HpaMetric metric) {
    try {
      HpaValidation.validate(spec(1, 3, List.of(metric)), HpaLimits.DEFAULT);
      return "accepted";
    } catch (HpaException e) {
      return e.code();
    }
  }
}
