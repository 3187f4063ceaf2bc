package io.kubeward.upgrade.app;

import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.LabelSelector;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.upgrade.domain.UpgradeFacts.PdbFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The PodDisruptionBudgets a caller may list, from the shared cache, with the workloads owning the
 * pods each selects (pods in namespaces the caller may read; a ReplicaSet's pods are named by its
 * Deployment).
 */
final class DisruptionBudgets {

  private DisruptionBudgets() {}

  static List<PdbFacts> facts(
      ManagedCluster cluster, NamespaceVisibility visible, NamespaceVisibility pods) {
    var replicaSets = cluster.views(CachedKind.REPLICASETS);
    var podViews = cluster.views(CachedKind.PODS);
    List<PdbFacts> facts = new ArrayList<>();
    for (KubeObjectView v : cluster.views(CachedKind.PODDISRUPTIONBUDGETS).all()) {
      if (!(v instanceof ObjectView pdb) || !visible.includes(pdb.namespace())) {
        continue;
      }
      Map<String, Object> f = pdb.fields();
      TreeSet<String> workloads = new TreeSet<>();
      if (pods.includes(pdb.namespace()) && f.get("selector") instanceof String text) {
        LabelSelector selector = parse(text);
        for (String key : podViews.keys(Indexes.NAMESPACE, pdb.namespace())) {
          if (selector != null
              && podViews.view(key) instanceof PodView pod
              && selector.matches(pod.labels())) {
            workloads.add(workload(pod, replicaSets));
          }
        }
      }
      facts.add(
          new PdbFacts(
              pdb.namespace(),
              pdb.name(),
              text(f.get("minAvailable")),
              text(f.get("maxUnavailable")),
              number(f.get("disruptionsAllowed")),
              number(f.get("currentHealthy")),
              number(f.get("desiredHealthy")),
              number(f.get("expectedPods")),
              List.copyOf(workloads)));
    }
    return facts;
  }

  private static String workload(
      PodView pod, io.kubeward.cluster.domain.IndexedViews<? extends KubeObjectView> replicaSets) {
    OwnerRef owner = pod.owner();
    if (owner == null) {
      return "Pod/" + pod.name();
    }
    if (owner.kind().equals("ReplicaSet")) {
      KubeObjectView rs = replicaSets.view(pod.namespace() + "/" + owner.name());
      if (rs != null && rs.owner() != null) {
        return rs.owner().kind() + "/" + rs.owner().name();
      }
    }
    return owner.kind() + "/" + owner.name();
  }

  private static LabelSelector parse(String text) {
    try {
      return LabelSelector.parse(text);
    } catch (LabelSelector.InvalidSelectorException e) {
      return null;
    }
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }
}
