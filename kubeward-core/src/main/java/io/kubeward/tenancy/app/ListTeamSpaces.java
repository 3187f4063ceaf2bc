package io.kubeward.tenancy.app;

import io.kubeward.access.app.Caller;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.NamespaceView;
import io.kubeward.tenancy.domain.TeamSpacePlan;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Use case: the team spaces (namespaces labelled by Kubeward) the caller may see, from the cache.
 */
public final class ListTeamSpaces {

  /** One team space: its template and Pod Security level (enforce) and phase. */
  public record TeamSpace(String namespace, String template, String podSecurity, String phase) {}

  private final ClusterReads reads;

  public ListTeamSpaces(ClusterReads reads) {
    this.reads = reads;
  }

  public List<TeamSpace> list(Caller caller, String cluster) {
    ManagedCluster managed = reads.ready(cluster, EnumSet.of(CachedKind.NAMESPACES));
    var visible = reads.requireVisible(caller, managed, CachedKind.NAMESPACES);
    List<TeamSpace> out = new ArrayList<>();
    for (KubeObjectView view : managed.views(CachedKind.NAMESPACES).all()) {
      NamespaceView ns = (NamespaceView) view;
      Map<String, String> labels = ns.labels() == null ? Map.of() : ns.labels();
      if (!visible.all() || !labels.containsKey(TeamSpacePlan.TEAM_LABEL)) {
        continue;
      }
      out.add(
          new TeamSpace(
              ns.name(),
              labels.get(TeamSpacePlan.TEAM_LABEL),
              labels.getOrDefault("pod-security.kubernetes.io/enforce", ""),
              ns.status()));
    }
    out.sort((a, b) -> a.namespace().compareTo(b.namespace()));
    return out;
  }
}
