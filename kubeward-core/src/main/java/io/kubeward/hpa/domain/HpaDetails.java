package io.kubeward.hpa.domain;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricValueStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads an HPA object into {@link HpaDetail} and its parts (pure). */
public final class HpaDetails {

  private static final Pattern NEW_SIZE = Pattern.compile("New size: (\\d+)");

  private HpaDetails() {}

  public static HpaDetail of(
      String cluster,
      HorizontalPodAutoscaler hpa,
      List<HpaDetail.HpaEvent> events,
      List<HpaWarning> warnings) {
    var spec = hpa.getSpec();
    var status = hpa.getStatus();
    List<MetricSpec> specs = spec.getMetrics() == null ? List.of() : spec.getMetrics();
    List<MetricStatus> current =
        status == null || status.getCurrentMetrics() == null
            ? List.of()
            : status.getCurrentMetrics();
    List<HpaDetail.MetricValue> metrics = new ArrayList<>();
    for (MetricSpec m : specs) {
      metrics.add(value(m, matching(m, current)));
    }
    List<HpaDetail.Condition> conditions =
        status == null || status.getConditions() == null
            ? List.of()
            : status.getConditions().stream()
                .map(
                    c ->
                        new HpaDetail.Condition(
                            c.getType(),
                            c.getStatus(),
                            c.getReason(),
                            c.getMessage(),
                            c.getLastTransitionTime()))
                .toList();
    return new HpaDetail(
        cluster,
        spec(hpa),
        status == null || status.getCurrentReplicas() == null ? 0 : status.getCurrentReplicas(),
        status == null || status.getDesiredReplicas() == null ? 0 : status.getDesiredReplicas(),
        status == null ? null : status.getLastScaleTime(),
        metrics,
        conditions,
        events,
        history(events),
        warnings);
  }

  /** The HPA's spec in the request's shape (the edit form starts from it). */
  public static HpaSpec spec(HorizontalPodAutoscaler hpa) {
    var spec = hpa.getSpec();
    var ref = spec.getScaleTargetRef();
    List<HpaMetric> metrics =
        spec.getMetrics() == null
            ? List.of()
            : spec.getMetrics().stream().map(HpaDetails::metric).toList();
    var b = spec.getBehavior();
    HpaBehavior behavior =
        b == null ? null : new HpaBehavior(rules(b.getScaleUp()), rules(b.getScaleDown()));
    return new HpaSpec(
        hpa.getMetadata().getNamespace(),
        hpa.getMetadata().getName(),
        ref == null ? null : ref.getKind(),
        ref == null ? null : ref.getName(),
        spec.getMinReplicas() == null ? 1 : spec.getMinReplicas(),
        spec.getMaxReplicas(),
        metrics,
        behavior,
        hpa.getMetadata().getResourceVersion());
  }

  private static HpaBehavior.@Nullable Rules rules(@Nullable HPAScalingRules r) {
    if (r == null) {
      return null;
    }
    return new HpaBehavior.Rules(
        r.getStabilizationWindowSeconds(),
        r.getSelectPolicy(),
        r.getPolicies() == null
            ? List.of()
            : r.getPolicies().stream()
                .map(p -> new HpaBehavior.Policy(p.getType(), p.getValue(), p.getPeriodSeconds()))
                .toList());
  }

  static HpaMetric metric(MetricSpec m) {
    MetricTarget t = target(m);
    String type = m.getType();
    String name = name(m);
    String container =
        m.getContainerResource() == null ? null : m.getContainerResource().getContainer();
    var described = m.getObject() == null ? null : m.getObject().getDescribedObject();
    return new HpaMetric(
        type,
        name,
        container,
        t == null ? null : t.getType(),
        t == null ? null : t.getAverageUtilization(),
        t == null ? null : text(t.getAverageValue() != null ? t.getAverageValue() : t.getValue()),
        described == null ? null : described.getApiVersion(),
        described == null ? null : described.getKind(),
        described == null ? null : described.getName());
  }

  /** One metric's current vs target. */
  static HpaDetail.MetricValue value(MetricSpec m, @Nullable MetricValueStatus current) {
    MetricTarget t = target(m);
    String targetType = t == null ? "" : t.getType();
    String target = formatTarget(t);
    String now = null;
    Double ratio = null;
    if (current != null && t != null) {
      if ("Utilization".equals(targetType) && current.getAverageUtilization() != null) {
        now = current.getAverageUtilization() + "%";
        ratio = ratio(current.getAverageUtilization(), t.getAverageUtilization());
      } else {
        Quantity q =
            current.getAverageValue() != null ? current.getAverageValue() : current.getValue();
        Quantity want = t.getAverageValue() != null ? t.getAverageValue() : t.getValue();
        if (q != null) {
          now = text(q);
          ratio = ratio(q, want);
        }
      }
    }
    return new HpaDetail.MetricValue(m.getType(), name(m), targetType, target, now, ratio);
  }

  /** {@code 80%} for a utilisation, the quantity as written otherwise. */
  public static String formatTarget(@Nullable MetricTarget t) {
    if (t == null) {
      return "";
    }
    if ("Utilization".equals(t.getType())) {
      return t.getAverageUtilization() == null ? "" : t.getAverageUtilization() + "%";
    }
    Quantity q = t.getAverageValue() != null ? t.getAverageValue() : t.getValue();
    return q == null ? "" : text(q);
  }

  static @Nullable Double ratio(@Nullable Integer current, @Nullable Integer target) {
    if (current == null || target == null || target <= 0) {
      return null;
    }
    return Math.round(current * 1000.0 / target) / 1000.0;
  }

  static @Nullable Double ratio(@Nullable Quantity current, @Nullable Quantity target) {
    if (current == null || target == null) {
      return null;
    }
    try {
      BigDecimal want = target.getNumericalAmount();
      if (want.signum() <= 0) {
        return null;
      }
      double r = current.getNumericalAmount().doubleValue() / want.doubleValue();
      return Math.round(r * 1000.0) / 1000.0;
    } catch (IllegalArgumentException | ArithmeticException e) {
      return null;
    }
  }

  static String text(@Nullable Quantity q) {
    if (q == null) {
      return null;
    }
    return q.getAmount() + (q.getFormat() == null ? "" : q.getFormat());
  }

  /** The status entry for the same metric (by type and name), {@code null} if none yet. */
  static @Nullable MetricValueStatus matching(MetricSpec m, List<MetricStatus> statuses) {
    for (MetricStatus s : statuses) {
      if (!m.getType().equals(s.getType())) {
        continue;
      }
      switch (m.getType()) {
        case "Resource" -> {
          if (s.getResource() != null && s.getResource().getName().equals(name(m))) {
            return s.getResource().getCurrent();
          }
        }
        case "ContainerResource" -> {
          if (s.getContainerResource() != null
              && s.getContainerResource().getName().equals(name(m))
              && s.getContainerResource()
                  .getContainer()
                  .equals(m.getContainerResource().getContainer())) {
            return s.getContainerResource().getCurrent();
          }
        }
        case "Pods" -> {
          if (s.getPods() != null && s.getPods().getMetric().getName().equals(name(m))) {
            return s.getPods().getCurrent();
          }
        }
        case "Object" -> {
          if (s.getObject() != null && s.getObject().getMetric().getName().equals(name(m))) {
            return s.getObject().getCurrent();
          }
        }
        default -> {
          if (s.getExternal() != null && s.getExternal().getMetric().getName().equals(name(m))) {
            return s.getExternal().getCurrent();
          }
        }
      }
    }
    return null;
  }

  static @Nullable MetricTarget target(MetricSpec m) {
    if (m.getResource() != null) return m.getResource().getTarget();
    if (m.getContainerResource() != null) return m.getContainerResource().getTarget();
    if (m.getPods() != null) return m.getPods().getTarget();
    if (m.getObject() != null) return m.getObject().getTarget();
    if (m.getExternal() != null) return m.getExternal().getTarget();
    return null;
  }

  static String name(MetricSpec m) {
    if (m.getResource() != null) return m.getResource().getName();
    if (m.getContainerResource() != null) return m.getContainerResource().getName();
    if (m.getPods() != null && m.getPods().getMetric() != null)
      return m.getPods().getMetric().getName();
    if (m.getObject() != null && m.getObject().getMetric() != null)
      return m.getObject().getMetric().getName();
    if (m.getExternal() != null && m.getExternal().getMetric() != null)
      return m.getExternal().getMetric().getName();
    return "";
  }

  /**
   * The replica counts told by SuccessfulRescale events ("New size: 3; reason: ..."), oldest first.
   */
  public static List<HpaDetail.ReplicaPoint> history(List<HpaDetail.HpaEvent> events) {
    List<HpaDetail.ReplicaPoint> out = new ArrayList<>();
    for (HpaDetail.HpaEvent e : events) {
      if (!"SuccessfulRescale".equals(e.reason()) || e.lastSeen() == null || e.message() == null) {
        continue;
      }
      Matcher m = NEW_SIZE.matcher(e.message());
      if (m.find()) {
        out.add(new HpaDetail.ReplicaPoint(e.lastSeen(), Integer.parseInt(m.group(1))));
      }
    }
    out.sort(Comparator.comparing(HpaDetail.ReplicaPoint::time));
    return out;
  }
}
