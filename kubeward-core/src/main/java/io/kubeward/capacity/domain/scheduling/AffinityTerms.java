package io.kubeward.capacity.domain.scheduling;

import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.kubeward.cluster.domain.LabelSelector;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a pod (anti-)affinity term selects: pods by labels, in namespaces, per topology key. */
final class AffinityTerms {

  private AffinityTerms() {}

  /**
   * Whether {@code other} is selected by {@code term} of a pod in {@code ownNamespace}: a {@code
   * null} label selector selects nothing; namespaces default to the pod's own (a namespace selector
   * other than the empty one is not modelled: the cache has no namespace labels here, so it counts
   * as selecting every namespace).
   */
  static boolean selects(PodAffinityTerm term, String ownNamespace, PodShape other) {
    if (term.getLabelSelector() == null) {
      return false;
    }
    if (!inNamespaces(term, ownNamespace, other.namespace())) {
      return false;
    }
    return LabelSelector.from(term.getLabelSelector()).matches(other.labels());
  }

  private static boolean inNamespaces(PodAffinityTerm term, String own, String other) {
    List<String> namespaces = term.getNamespaces();
    boolean listed = namespaces != null && !namespaces.isEmpty();
    if (term.getNamespaceSelector() != null) {
      return true;
    }
    return listed ? namespaces.contains(other) : own.equals(other);
  }

  /** The node's value of the term's topology key, {@code null} when it has none. */
  static @Nullable String domain(PodAffinityTerm term, SchedulingNode node) {
    return node.labels().get(term.getTopologyKey());
  }
}
