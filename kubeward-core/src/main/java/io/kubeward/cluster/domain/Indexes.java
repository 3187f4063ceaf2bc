package io.kubeward.cluster.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The secondary indexes of the cache, per kind: by namespace, by label ({@code key=value}), by
 * controlling owner ({@code namespace/Kind/name}), and for pods by node, phase and problem reason
 * ({@code any} for every pod with a problem). Other kinds index their status under {@link #PHASE}.
 */
public final class Indexes {

  public static final String NAMESPACE = "namespace";
  public static final String LABEL = "label";
  public static final String OWNER = "owner";
  public static final String NODE = "node";
  public static final String PHASE = "phase";
  public static final String PROBLEM = "problem";

  /** The {@link #PROBLEM} value under which every pod with a problem is indexed. */
  public static final String ANY_PROBLEM = "any";

  private Indexes() {}

  /**
   * The index functions for views of {@code kind} (its {@link CachedKind#indexing()} row); each
   * returns the values a view is filed under.
   */
  public static Map<String, Function<KubeObjectView, List<String>>> forKind(CachedKind kind) {
    Map<String, Function<KubeObjectView, List<String>>> indexes = new java.util.LinkedHashMap<>();
    if (kind.namespaced()) {
      indexes.put(NAMESPACE, v -> v.namespace() == null ? List.of() : List.of(v.namespace()));
    }
    indexes.put(LABEL, Indexes::labelValues);
    indexes.put(OWNER, v -> v.owner() == null ? List.of() : List.of(ownerValue(v)));
    if (kind.indexing() == CachedKind.Indexing.POD) {
      indexes.put(
          NODE,
          v -> ((PodView) v).nodeName() == null ? List.of() : List.of(((PodView) v).nodeName()));
      indexes.put(PHASE, v -> List.of(phaseOf(v)));
      indexes.put(
          PROBLEM,
          v ->
              ((PodView) v).problem() == null
                  ? List.of()
                  : List.of(((PodView) v).problem().reason(), ANY_PROBLEM));
    } else {
      indexes.put(PHASE, v -> v.status() == null ? List.of() : List.of(v.status()));
    }
    return indexes;
  }

  static String phaseOf(KubeObjectView view) {
    if (view instanceof PodView pod) {
      return pod.phase() == null ? PodPhase.UNKNOWN.kubernetesName() : pod.phase().kubernetesName();
    }
    return view.status();
  }

  static String problemOf(KubeObjectView view) {
    if (view instanceof PodView pod) {
      return pod.problem() == null ? null : pod.problem().reason();
    }
    return null;
  }

  /** {@code namespace/Kind/name} of the view's owner. */
  public static String ownerValue(KubeObjectView view) {
    OwnerRef owner = view.owner();
    return (view.namespace() == null ? "" : view.namespace())
        + "/"
        + owner.kind()
        + "/"
        + owner.name();
  }

  private static List<String> labelValues(KubeObjectView view) {
    Map<String, String> labels = view.labels();
    if (labels.isEmpty()) {
      return List.of();
    }
    List<String> values = new ArrayList<>(labels.size());
    labels.forEach((k, v) -> values.add(k + "=" + v));
    return values;
  }
}
