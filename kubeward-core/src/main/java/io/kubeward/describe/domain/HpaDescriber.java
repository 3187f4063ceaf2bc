package io.kubeward.describe.domain;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricValueStatus;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A HorizontalPodAutoscaler (autoscaling/v2) with its target linked. */
final class HpaDescriber {

  private HpaDescriber() {}

  static Description describe(HorizontalPodAutoscaler hpa, DescribeContext context) {
    DescriptionBuilder b = DescriptionBuilder.of(hpa);
    var spec = hpa.getSpec();
    var st = hpa.getStatus();
    String namespace = hpa.getMetadata().getNamespace();
    DescriptionBuilder.SectionBuilder meta = b.metadata(hpa, context);
    var target = spec.getScaleTargetRef();
    Description.ObjectLink ref =
        target == null
            ? null
            : new Description.ObjectLink(target.getKind(), namespace, target.getName());
    meta.row("Reference", target == null ? "" : target.getKind() + "/" + target.getName(), ref);
    meta.row("Min replicas", spec.getMinReplicas() == null ? 1 : spec.getMinReplicas());
    meta.row("Max replicas", spec.getMaxReplicas());
    int current = st == null || st.getCurrentReplicas() == null ? 0 : st.getCurrentReplicas();
    int desired = st == null || st.getDesiredReplicas() == null ? 0 : st.getDesiredReplicas();
    meta.row("Deployment pods", current + " current / " + desired + " desired");
    meta.done();
    b.status(current + " current / " + desired + " desired");
    if (target != null) {
      b.relate("target", target.getKind(), namespace, target.getName());
    }

    DescriptionBuilder.SectionBuilder metrics = b.section("Metrics");
    List<List<String>> rows = new ArrayList<>();
    if (spec.getMetrics() != null) {
      for (int i = 0; i < spec.getMetrics().size(); i++) {
        MetricSpec m = spec.getMetrics().get(i);
        MetricStatus s =
            st != null && st.getCurrentMetrics() != null && i < st.getCurrentMetrics().size()
                ? st.getCurrentMetrics().get(i)
                : null;
        rows.add(List.of(Text.of(m.getType()), metricName(m), current(s), target(m)));
      }
    }
    metrics.table("Metrics", List.of("Type", "Name", "Current", "Target"), rows);
    metrics.done();

    DescriptionBuilder.SectionBuilder conditions = b.section("Conditions");
    List<List<String>> cond = new ArrayList<>();
    if (st != null && st.getConditions() != null) {
      for (HorizontalPodAutoscalerCondition c : st.getConditions()) {
        cond.add(
            Describers.condition(
                c.getType(),
                c.getStatus(),
                c.getReason(),
                c.getMessage(),
                c.getLastTransitionTime()));
      }
    }
    conditions.table("Conditions", Describers.CONDITION_COLUMNS, cond);
    conditions.done();
    Describers.events(b, context);
    return b.build();
  }

  private static String metricName(MetricSpec m) {
    if (m.getResource() != null) return m.getResource().getName();
    if (m.getContainerResource() != null)
      return m.getContainerResource().getName() + " of " + m.getContainerResource().getContainer();
    if (m.getPods() != null && m.getPods().getMetric() != null)
      return m.getPods().getMetric().getName();
    if (m.getObject() != null && m.getObject().getMetric() != null)
      return m.getObject().getMetric().getName();
    if (m.getExternal() != null && m.getExternal().getMetric() != null)
      return m.getExternal().getMetric().getName();
    return "";
  }

  private static String target(MetricSpec m) {
    MetricTarget t = null;
    if (m.getResource() != null) t = m.getResource().getTarget();
    else if (m.getContainerResource() != null) t = m.getContainerResource().getTarget();
    else if (m.getPods() != null) t = m.getPods().getTarget();
    else if (m.getObject() != null) t = m.getObject().getTarget();
    else if (m.getExternal() != null) t = m.getExternal().getTarget();
    if (t == null) return Text.NONE;
    if (t.getAverageUtilization() != null) return t.getAverageUtilization() + "%";
    if (t.getAverageValue() != null) return Text.quantity(t.getAverageValue()) + " (avg)";
    if (t.getValue() != null) return Text.quantity(t.getValue());
    return Text.NONE;
  }

  private static String current(@Nullable MetricStatus s) {
    if (s == null) return "<unknown>";
    MetricValueStatus v = null;
    if (s.getResource() != null) v = s.getResource().getCurrent();
    else if (s.getContainerResource() != null) v = s.getContainerResource().getCurrent();
    else if (s.getPods() != null) v = s.getPods().getCurrent();
    else if (s.getObject() != null) v = s.getObject().getCurrent();
    else if (s.getExternal() != null) v = s.getExternal().getCurrent();
    if (v == null) return "<unknown>";
    if (v.getAverageUtilization() != null) return v.getAverageUtilization() + "%";
    if (v.getAverageValue() != null) return Text.quantity(v.getAverageValue());
    if (v.getValue() != null) return Text.quantity(v.getValue());
    return "<unknown>";
  }
}
