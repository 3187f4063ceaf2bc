package io.kubeward.capacity.domain.scheduling;

import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * InterPodAffinity (Filter), required terms only: the pod's anti-affinity (no selected pod in the
 * node's topology domain), the anti-affinity of pods already placed whose terms are known
 * (symmetry), and the pod's affinity (a selected pod in the domain; a pod that is the first of its
 * kind may go anywhere its own term would select it).
 */
public final class InterPodAffinityFilter implements SchedulingFilter {

  @Override
  public @Nullable Rejection check(PodShape pod, SchedulingNode node, SchedulingState state) {
    for (PodAffinityTerm term : pod.antiAffinity()) {
      String domain = AffinityTerms.domain(term, node);
      if (domain != null && anySelectedIn(term, pod.namespace(), domain, state)) {
        return new Rejection(Rejection.ANTI_AFFINITY, term.getTopologyKey());
      }
    }
    for (SchedulingNode other : state.nodes()) {
      for (PodShape existing : state.podsOn(other.name())) {
        for (PodAffinityTerm term : existing.antiAffinity()) {
          String domain = AffinityTerms.domain(term, other);
          if (domain != null
              && domain.equals(AffinityTerms.domain(term, node))
              && AffinityTerms.selects(term, existing.namespace(), pod)) {
            return new Rejection(Rejection.EXISTING_ANTI_AFFINITY, term.getTopologyKey());
          }
        }
      }
    }
    for (PodAffinityTerm term : pod.affinity()) {
      String domain = AffinityTerms.domain(term, node);
      if (domain == null) {
        return new Rejection(Rejection.AFFINITY, term.getTopologyKey());
      }
      if (!anySelectedIn(term, pod.namespace(), domain, state)
          && !(noneSelectedAnywhere(term, pod.namespace(), state)
              && AffinityTerms.selects(term, pod.namespace(), pod))) {
        return new Rejection(Rejection.AFFINITY, term.getTopologyKey());
      }
    }
    return null;
  }

  private static boolean anySelectedIn(
      PodAffinityTerm term, String namespace, String domain, SchedulingState state) {
    for (SchedulingNode other : state.nodes()) {
      if (!Objects.equals(domain, AffinityTerms.domain(term, other))) {
        continue;
      }
      for (PodShape existing : state.podsOn(other.name())) {
        if (AffinityTerms.selects(term, namespace, existing)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean noneSelectedAnywhere(
      PodAffinityTerm term, String namespace, SchedulingState state) {
    for (SchedulingNode other : state.nodes()) {
      for (PodShape existing : state.podsOn(other.name())) {
        if (AffinityTerms.selects(term, namespace, existing)) {
          return false;
        }
      }
    }
    return true;
  }
}
