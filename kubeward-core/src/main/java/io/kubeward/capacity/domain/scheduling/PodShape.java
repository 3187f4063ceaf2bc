package io.kubeward.capacity.domain.scheduling;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.kubeward.cluster.domain.PodProjection;
import io.kubeward.cluster.domain.Resources;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the scheduler rules read of a pod: its labels and effective requests (the larger of the
 * containers' sum and the largest init container, plus overhead, {@link
 * PodProjection#podResources}), node selector, required node affinity, tolerations, required pod
 * (anti-)affinity and topology spread constraints. A pod from the cache has only labels and
 * requests (the cache keeps no more); a pod read live or built from a template has all of it.
 */
public record PodShape(
    String name,
    String namespace,
    Map<String, String> labels,
    Resources requests,
    Map<String, String> nodeSelector,
    @Nullable NodeSelector requiredNodeAffinity,
    List<Toleration> tolerations,
    List<PodAffinityTerm> affinity,
    List<PodAffinityTerm> antiAffinity,
    List<TopologySpreadConstraint> spread,
    boolean daemonSet) {

  public PodShape {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    nodeSelector = nodeSelector == null ? Map.of() : Map.copyOf(nodeSelector);
    tolerations = tolerations == null ? List.of() : List.copyOf(tolerations);
    affinity = affinity == null ? List.of() : List.copyOf(affinity);
    antiAffinity = antiAffinity == null ? List.of() : List.copyOf(antiAffinity);
    spread = spread == null ? List.of() : List.copyOf(spread);
  }

  /** A pod known only by labels and requests (the cache's view). */
  public static PodShape basic(
      String name, String namespace, Map<String, String> labels, Resources requests) {
    return new PodShape(
        name, namespace, labels, requests, Map.of(), null, List.of(), List.of(), List.of(),
        List.of(), false);
  }

  /** A pod (or a template's pod) from its spec. */
  public static PodShape of(
      String name, String namespace, Map<String, String> labels, PodSpec spec, boolean daemonSet) {
    Affinity a = spec.getAffinity();
    NodeSelector required = null;
    List<PodAffinityTerm> affinity = List.of();
    List<PodAffinityTerm> anti = List.of();
    if (a != null) {
      if (a.getNodeAffinity() != null) {
        required = a.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
      }
      if (a.getPodAffinity() != null
          && a.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
        affinity = a.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
      }
      if (a.getPodAntiAffinity() != null
          && a.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
        anti = a.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
      }
    }
    return new PodShape(
        name,
        namespace,
        labels,
        PodProjection.podResources(spec, true),
        spec.getNodeSelector(),
        required,
        spec.getTolerations(),
        affinity,
        anti,
        spec.getTopologySpreadConstraints(),
        daemonSet);
  }

  /** The same pod under another name. */
  public PodShape named(String newName) {
    return new PodShape(
        newName,
        namespace,
        labels,
        requests,
        nodeSelector,
        requiredNodeAffinity,
        tolerations,
        affinity,
        antiAffinity,
        spread,
        daemonSet);
  }

  /** The same pod with other requests. */
  public PodShape withRequests(Resources newRequests) {
    return new PodShape(
        name,
        namespace,
        labels,
        newRequests,
        nodeSelector,
        requiredNodeAffinity,
        tolerations,
        affinity,
        antiAffinity,
        spread,
        daemonSet);
  }
}
