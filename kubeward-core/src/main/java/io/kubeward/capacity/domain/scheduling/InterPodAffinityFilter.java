package io.kubeward.capacity.domain.scheduling;

import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * InterPodAffinity (Filter), required terms only: the pod's anti-affinity (no selected pod in the
 * node's topology domain), the anti-affinity of pods already placed whose terms are known
 * (symmetry), and the pod's affinity (a selected pod in the domain; a pod that is the first of its
 * kind may go anywhere its own term would select it). What a term selects is computed once per pod
 * and state ({@link SchedulingState#memo}), then each node is a set lookup.
 */
public final class InterPodAffinityFilter implements SchedulingFilter {

  /** An existing pod's anti-affinity term and the domain it holds. */
  private record HeldTerm(PodAffinityTerm term, String namespace, String domain) {}

  private static final Object EXISTING = new Object();

  @Override
  public @Nullable Rejection check(PodShape pod, SchedulingNode node, SchedulingState state) {
    for (PodAffinityTerm term : pod.antiAffinity()) {
      String domain = AffinityTerms.domain(term, node);
      if (domain != null && domainsSelected(pod, term, state).contains(domain)) {
        return new Rejection(Rejection.ANTI_AFFINITY, term.getTopologyKey());
      }
    }
    for (HeldTerm held : existingAntiAffinity(state)) {
      if (held.domain().equals(AffinityTerms.domain(held.term(), node))
          && AffinityTerms.selects(held.term(), held.namespace(), pod)) {
        return new Rejection(Rejection.EXISTING_ANTI_AFFINITY, held.term().getTopologyKey());
      }
    }
    for (PodAffinityTerm term : pod.affinity()) {
      String domain = AffinityTerms.domain(term, node);
      if (domain == null) {
        return new Rejection(Rejection.AFFINITY, term.getTopologyKey());
      }
      Set<String> domains = domainsSelected(pod, term, state);
      boolean firstOfItsKind =
          domains.isEmpty() && AffinityTerms.selects(term, pod.namespace(), pod);
      if (!domains.contains(domain) && !firstOfItsKind) {
        return new Rejection(Rejection.AFFINITY, term.getTopologyKey());
      }
    }
    return null;
  }

  /** The term's topology domains that hold a pod it selects (empty: it selects no pod at all). */
  private static Set<String> domainsSelected(
      PodShape pod, PodAffinityTerm term, SchedulingState state) {
    return state.memo(
        pod,
        term,
        () -> {
          Set<String> domains = new HashSet<>();
          boolean any = false;
          for (SchedulingNode other : state.nodes()) {
            for (PodShape existing : state.podsOn(other.name())) {
              if (AffinityTerms.selects(term, pod.namespace(), existing)) {
                any = true;
                String domain = AffinityTerms.domain(term, other);
                if (domain != null) {
                  domains.add(domain);
                }
                break;
              }
            }
          }
          if (any && domains.isEmpty()) {
            domains.add("(selected pods only on nodes without the topology key)");
          }
          return domains;
        });
  }

  private static List<HeldTerm> existingAntiAffinity(SchedulingState state) {
    return state.memo(
        EXISTING,
        EXISTING,
        () -> {
          List<HeldTerm> held = new ArrayList<>();
          for (SchedulingNode other : state.nodes()) {
            for (PodShape existing : state.podsOn(other.name())) {
              for (PodAffinityTerm term : existing.antiAffinity()) {
                String domain = AffinityTerms.domain(term, other);
                if (domain != null) {
                  held.add(new HeldTerm(term, existing.namespace(), domain));
                }
              }
            }
          }
          return held;
        });
  }
}
