package io.kubeward.fleet.app;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.app.ClusterNotSyncedException;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ClusterStatus;
import io.kubeward.cluster.app.ClusterUnreachableException;
import io.kubeward.cluster.app.ListClusters;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Page;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.ViewQuery;
import io.kubeward.common.KubewardException;
import io.kubeward.fleet.domain.ClusterProblems;
import io.kubeward.fleet.domain.ClusterProblems.Availability;
import io.kubeward.fleet.domain.FleetProblemPods;
import io.kubeward.fleet.domain.ProblemPod;
import io.kubeward.fleet.domain.ProblemPodFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Use case: the pods with a problem across every cluster the caller may read, from each cluster's
 * shared cache, with the same query and the same guard as one cluster's pod list ({@code
 * problem=any}). A cluster that is away (unreachable, still loading, not readable, failing) is
 * marked as such in the answer and the others are still searched: the answer never fails as a whole
 * because one cluster is away.
 */
public final class ListProblemPods {

  private static final Set<CachedKind> PODS = Set.of(CachedKind.PODS);

  private final ListClusters clusters;
  private final ClusterReads reads;

  public ListProblemPods(ListClusters clusters, ClusterReads reads) {
    this.clusters = clusters;
    this.reads = reads;
  }

  /**
   * @throws io.kubeward.cluster.app.ClusterNotFoundException if {@code filter.cluster()} names no
   *     cluster
   * @throws AccessDeniedException if the caller may see nothing of the cluster it names
   */
  public FleetProblemPods list(Caller caller, ProblemPodFilter filter) {
    List<ProblemPod> items = new ArrayList<>();
    List<ClusterProblems> perCluster = new ArrayList<>();
    int total = 0;
    for (String cluster : searched(caller, filter)) {
      int room = filter.limit() - items.size();
      ClusterProblems answer = search(caller, cluster, filter, room, items);
      total += answer.total();
      perCluster.add(answer);
    }
    boolean complete = perCluster.stream().allMatch(ClusterProblems::nothingMissing);
    return new FleetProblemPods(items, total, complete, perCluster);
  }

  private List<String> searched(Caller caller, ProblemPodFilter filter) {
    if (filter.cluster() == null) {
      return clusters.list(caller).stream().map(ClusterStatus::name).toList();
    }
    ManagedCluster named = reads.known(filter.cluster());
    if (!reads.sees(caller, named.name())) {
      throw new AccessDeniedException(caller.username(), Verb.READ, named.name(), null);
    }
    return List.of(named.name());
  }

  /** One cluster's problem pods: up to {@code room} of them are added to {@code items}. */
  private ClusterProblems search(
      Caller caller, String cluster, ProblemPodFilter filter, int room, List<ProblemPod> items) {
    try {
      ManagedCluster managed = reads.ready(cluster, PODS);
      NamespaceVisibility visible = reads.visible(caller, managed, CachedKind.PODS);
      if (visible.isEmpty()) {
        return away(
            cluster,
            Availability.FORBIDDEN,
            new AccessDeniedException(caller.username(), Verb.READ, cluster, null));
      }
      @SuppressWarnings("unchecked")
      IndexedViews<PodView> pods = (IndexedViews<PodView>) managed.views(CachedKind.PODS);
      Page<PodView> page = ViewQuery.run(pods, filter.query(Math.max(1, room)), visible);
      int shown = Math.min(room, page.items().size());
      for (PodView pod : page.items().subList(0, shown)) {
        items.add(new ProblemPod(cluster, pod));
      }
      return ClusterProblems.ready(cluster, page.total(), shown);
    } catch (ClusterUnreachableException e) {
      return away(cluster, Availability.UNREACHABLE, e);
    } catch (ClusterNotSyncedException e) {
      return away(cluster, Availability.SYNCING, e);
    } catch (AccessDeniedException e) {
      return away(cluster, Availability.FORBIDDEN, e);
    } catch (KubewardException e) {
      // e.g. the access review could not be asked: this cluster is away, the others still answer
      return away(cluster, Availability.FAILED, e);
    }
  }

  private static ClusterProblems away(
      String cluster, Availability availability, KubewardException e) {
    return ClusterProblems.away(cluster, availability, e.code(), e.getMessage(), e.properties());
  }
}
