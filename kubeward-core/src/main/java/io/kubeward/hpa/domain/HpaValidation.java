package io.kubeward.hpa.domain;

import io.kubeward.common.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks an HPA request passes before anything is sent to the cluster (pure): names, the
 * target's kind, replica bounds, metrics, behavior. The same rules for REST, CLI and console.
 */
public final class HpaValidation {

  /** The kinds an HPA may scale (those with a {@code scale} subresource Kubeward knows). */
  public static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet");

  static final Set<String> TYPES =
      Set.of("Resource", "ContainerResource", "Pods", "Object", "External");
  static final Set<String> TARGET_TYPES = Set.of("Utilization", "AverageValue", "Value");
  static final Set<String> RESOURCES = Set.of("cpu", "memory");
  static final Set<String> SELECT = Set.of("Max", "Min", "Disabled");
  static final Set<String> POLICY_TYPES = Set.of("Pods", "Percent");

  private static final Pattern QUANTITY =
      Pattern.compile(
          "^\\+?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+|[numkMGTPE]|Ki|Mi|Gi|Ti|Pi|Ei)?$");
  private static final Pattern METRIC_NAME = Pattern.compile("^[A-Za-z_:][A-Za-z0-9_:./-]{0,252}$");

  private HpaValidation() {}

  /**
   * @throws HpaException naming the first problem found
   */
  public static void validate(HpaSpec spec, HpaLimits limits) {
    if (spec.namespace() == null || !Names.isNamespace(spec.namespace())) {
      throw HpaException.invalid("namespace");
    }
    if (spec.name() == null || !Names.isObjectName(spec.name())) {
      throw HpaException.invalid("name");
    }
    if (spec.targetKind() == null || !SCALABLE.contains(spec.targetKind())) {
      throw HpaException.targetNotScalable(String.valueOf(spec.targetKind()));
    }
    if (spec.targetName() == null || !Names.isObjectName(spec.targetName())) {
      throw HpaException.invalid("targetName");
    }
    if (spec.maxReplicas() == null) {
      throw HpaException.invalid("maxReplicas");
    }
    int min = spec.minReplicas() == null ? 1 : spec.minReplicas();
    int max = spec.maxReplicas();
    range("minReplicas", min, 1, limits.replicaCap());
    range("maxReplicas", max, 1, limits.replicaCap());
    if (min > max) {
      throw HpaException.minAboveMax(min, max);
    }
    List<HpaMetric> metrics = spec.metricsOrEmpty();
    range("metrics", metrics.size(), 0, limits.maxMetrics());
    for (int i = 0; i < metrics.size(); i++) {
      metric(i + 1, metrics.get(i));
    }
    if (spec.behavior() != null) {
      rules("scaleUp", spec.behavior().scaleUp(), limits);
      rules("scaleDown", spec.behavior().scaleDown(), limits);
    }
  }

  static void metric(int index, HpaMetric m) {
    if (m == null || m.type() == null || !TYPES.contains(m.type())) {
      throw HpaException.badMetric(index, "type", "type must be one of " + sorted(TYPES));
    }
    if (m.targetType() == null || !TARGET_TYPES.contains(m.targetType())) {
      throw HpaException.badMetric(
          index, "target-type", "targetType must be one of " + sorted(TARGET_TYPES));
    }
    boolean resource = m.type().equals("Resource") || m.type().equals("ContainerResource");
    if (resource) {
      if (m.name() == null || !RESOURCES.contains(m.name())) {
        throw HpaException.badMetric(index, "resource", "resource must be cpu or memory");
      }
      if (m.type().equals("ContainerResource")
          && (m.container() == null || !Names.isObjectName(m.container()))) {
        throw HpaException.badMetric(index, "container", "a container name is required");
      }
      if (m.targetType().equals("Value")) {
        throw HpaException.badMetric(
            index, "resource-target", "a resource metric takes Utilization or AverageValue");
      }
    } else {
      if (m.name() == null || !METRIC_NAME.matcher(m.name()).matches()) {
        throw HpaException.badMetric(index, "name", "a metric name is required");
      }
      if (m.targetType().equals("Utilization")) {
        throw HpaException.badMetric(
            index, "utilization-on-custom", "Utilization applies only to resource metrics");
      }
      if (m.type().equals("Pods") && !m.targetType().equals("AverageValue")) {
        throw HpaException.badMetric(index, "pods-target", "a Pods metric takes AverageValue");
      }
      if (m.type().equals("Object")
          && (m.objectKind() == null
              || m.objectKind().isBlank()
              || m.objectName() == null
              || !Names.isObjectName(m.objectName()))) {
        throw HpaException.badMetric(
            index, "object", "an Object metric needs the object's kind and name");
      }
    }
    if (m.targetType().equals("Utilization")) {
      Integer pct = m.averageUtilization();
      if (pct == null || pct < HpaLimits.MIN_UTILIZATION || pct > HpaLimits.MAX_UTILIZATION) {
        throw HpaException.badMetric(
            index,
            "utilization",
            "averageUtilization must be "
                + HpaLimits.MIN_UTILIZATION
                + ".."
                + HpaLimits.MAX_UTILIZATION
                + " %");
      }
    } else if (!isPositiveQuantity(m.value())) {
      throw HpaException.badMetric(
          index, "value", "value must be a positive quantity such as 500m or 1Gi");
    }
  }

  /** A Kubernetes quantity greater than zero ({@code 500m}, {@code 1Gi}, {@code 2}). */
  public static boolean isPositiveQuantity(String value) {
    if (value == null || value.length() > 64) {
      return false;
    }
    java.util.regex.Matcher matcher = QUANTITY.matcher(value);
    return matcher.matches() && new java.math.BigDecimal(matcher.group(1)).signum() > 0;
  }

  private static void rules(String direction, HpaBehavior.Rules rules, HpaLimits limits) {
    if (rules == null) {
      return;
    }
    if (rules.stabilizationWindowSeconds() != null) {
      range(
          direction + ".stabilizationWindowSeconds",
          rules.stabilizationWindowSeconds(),
          0,
          HpaLimits.MAX_WINDOW_SECONDS);
    }
    if (rules.selectPolicy() != null && !SELECT.contains(rules.selectPolicy())) {
      throw HpaException.invalid(direction + ".selectPolicy");
    }
    List<HpaBehavior.Policy> policies = rules.policies() == null ? List.of() : rules.policies();
    range(direction + ".policies", policies.size(), 0, limits.maxPolicies());
    for (HpaBehavior.Policy p : policies) {
      if (p == null || p.type() == null || !POLICY_TYPES.contains(p.type())) {
        throw HpaException.invalid(direction + ".policies.type");
      }
      if (p.value() == null) {
        throw HpaException.invalid(direction + ".policies.value");
      }
      if (p.periodSeconds() == null) {
        throw HpaException.invalid(direction + ".policies.periodSeconds");
      }
      range(direction + ".policies.value", p.value(), 1, HpaLimits.MAX_POLICY_VALUE);
      range(
          direction + ".policies.periodSeconds",
          p.periodSeconds(),
          1,
          HpaLimits.MAX_PERIOD_SECONDS);
    }
  }

  /**
   * Warnings that do not refuse the request: a utilisation target on a resource that some container
   * of the target does not request (the HPA cannot compute a utilisation then).
   *
   * @param requests container name → the resources it requests (cpu, memory)
   */
  public static List<HpaWarning> warnings(HpaSpec spec, Map<String, Set<String>> requests) {
    List<HpaWarning> out = new ArrayList<>();
    for (HpaMetric m : spec.metricsOrEmpty()) {
      if (!"Utilization".equals(m.targetType())) {
        continue;
      }
      String resource = m.name() == null ? "" : m.name().toLowerCase(Locale.ROOT);
      requests.forEach(
          (container, requested) -> {
            boolean concerned = m.type().equals("Resource") || container.equals(m.container());
            if (concerned && !requested.contains(resource)) {
              out.add(HpaWarning.missingRequest(container, resource));
            }
          });
    }
    return out;
  }

  private static void range(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw HpaException.outOfRange(field, value, min, max);
    }
  }

  private static String sorted(Set<String> values) {
    return String.join(", ", values.stream().sorted().toList());
  }
}
