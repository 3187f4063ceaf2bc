package io.kubeward.capacity.domain.scheduling;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.kubeward.cluster.domain.LabelSelector;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * PodTopologySpread (Filter), the constraints with {@code whenUnsatisfiable: DoNotSchedule}: the
 * node must carry the topology key, and placing the pod there must keep the skew (matching pods in
 * the node's domain + 1 − the fewest in any domain) within {@code maxSkew}. Domains and counts come
 * from the nodes the pod could go to by its node selector and affinity ({@code nodeAffinityPolicy}
 * Honor, the default; Ignore counts every node) and, with {@code nodeTaintsPolicy: Honor}, whose
 * taints it tolerates; with fewer domains than {@code minDomains} the fewest is 0.
 */
public final class TopologySpreadFilter implements SchedulingFilter {

  @Override
  public @Nullable Rejection check(PodShape pod, SchedulingNode node, SchedulingState state) {
    for (TopologySpreadConstraint c : pod.spread()) {
      if (!"DoNotSchedule".equals(c.getWhenUnsatisfiable())) {
        continue;
      }
      String key = c.getTopologyKey();
      String domain = node.labels().get(key);
      if (domain == null) {
        return new Rejection(Rejection.SPREAD_MISSING_LABEL, key);
      }
      Map<String, Integer> counts = counts(pod, c, state);
      int min = counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
      if (c.getMinDomains() != null && counts.size() < c.getMinDomains()) {
        min = 0;
      }
      int self = selects(pod, c, pod.labels()) ? 1 : 0;
      int skew = counts.getOrDefault(domain, 0) + self - min;
      int maxSkew = c.getMaxSkew() == null ? 1 : c.getMaxSkew();
      if (skew > maxSkew) {
        return new Rejection(Rejection.SPREAD_SKEW, key);
      }
    }
    return null;
  }

  /** Matching pods per domain over the nodes the constraint counts. */
  static Map<String, Integer> counts(
      PodShape pod, TopologySpreadConstraint c, SchedulingState state) {
    return state.memo(pod, c, () -> count(pod, c, state));
  }

  private static Map<String, Integer> count(
      PodShape pod, TopologySpreadConstraint c, SchedulingState state) {
    Map<String, Integer> counts = new HashMap<>();
    for (SchedulingNode n : state.nodes()) {
      if (!counted(pod, c, n)) {
        continue;
      }
      String domain = n.labels().get(c.getTopologyKey());
      int matching = 0;
      for (PodShape p : state.podsOn(n.name())) {
        if (p.namespace().equals(pod.namespace()) && selects(pod, c, p.labels())) {
          matching++;
        }
      }
      counts.merge(domain, matching, Integer::sum);
    }
    return counts;
  }

  private static boolean counted(PodShape pod, TopologySpreadConstraint c, SchedulingNode n) {
    if (!n.labels().containsKey(c.getTopologyKey())) {
      return false;
    }
    for (TopologySpreadConstraint other : pod.spread()) {
      if ("DoNotSchedule".equals(other.getWhenUnsatisfiable())
          && !n.labels().containsKey(other.getTopologyKey())) {
        return false;
      }
    }
    if (!"Ignore".equals(c.getNodeAffinityPolicy()) && !NodeAffinityFilter.matches(pod, n)) {
      return false;
    }
    if ("Honor".equals(c.getNodeTaintsPolicy())) {
      return new TaintTolerationFilter().check(pod, n, null) == null;
    }
    return true;
  }

  /**
   * Whether the constraint's selector, with the pod's values for {@code matchLabelKeys} added,
   * selects {@code labels}; a constraint without a selector selects nothing.
   */
  static boolean selects(PodShape pod, TopologySpreadConstraint c, Map<String, String> labels) {
    if (c.getLabelSelector() == null) {
      return false;
    }
    if (c.getMatchLabelKeys() == null || c.getMatchLabelKeys().isEmpty()) {
      return LabelSelector.from(c.getLabelSelector()).matches(labels);
    }
    LabelSelectorBuilder b = new LabelSelectorBuilder(c.getLabelSelector());
    for (String k : c.getMatchLabelKeys()) {
      String v = pod.labels().get(k);
      if (v != null) {
        b.addToMatchLabels(k, v);
      }
    }
    return LabelSelector.from(b.build()).matches(labels);
  }
}
