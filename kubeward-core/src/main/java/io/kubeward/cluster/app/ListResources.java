package io.kubeward.cluster.app;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ContinueToken;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.LabelSelector;
import io.kubeward.cluster.domain.ListQuery;
import io.kubeward.cluster.domain.Page;
import io.kubeward.cluster.domain.SortOrder;
import io.kubeward.cluster.domain.ViewQuery;
import io.kubeward.common.Paging;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Use case: a page of one cached kind, filtered, sorted and limited to the namespaces the caller
 * may read, from the shared cache only.
 */
public final class ListResources {

  private final ClusterReads reads;

  public ListResources(ClusterReads reads) {
    this.reads = reads;
  }

  /** The list parameters as they arrive (strings, {@code null} when absent). */
  public record Request(
      String namespace,
      String labelSelector,
      String name,
      String node,
      String phase,
      String problem,
      String owner,
      String sort,
      String limit,
      String continueToken) {}

  /** A page with the kind it lists. */
  public record Result(CachedKind kind, Page<? extends KubeObjectView> page) {}

  public Result list(Caller caller, String cluster, String kindName, Request request) {
    CachedKind kind =
        CachedKind.byPlural(kindName)
            .orElseThrow(
                () ->
                    ClusterRequestException.unknownKind(
                        kindName,
                        Arrays.stream(CachedKind.values())
                            .map(CachedKind::plural)
                            .collect(Collectors.joining(", "))));
    ListQuery query = parse(request);
    ManagedCluster managed = reads.ready(cluster, Set.of(kind));
    NamespaceVisibility visible = reads.requireVisible(caller, managed, kind);
    IndexedViews<? extends KubeObjectView> views = managed.views(kind);
    return new Result(kind, ViewQuery.run(views, query, visible));
  }

  static ListQuery parse(Request request) {
    LabelSelector selector;
    try {
      selector = LabelSelector.parse(request.labelSelector());
    } catch (LabelSelector.InvalidSelectorException e) {
      throw ClusterRequestException.invalidLabelSelector(
          request.labelSelector(), e.position(), e.getMessage());
    }
    SortOrder order =
        SortOrder.parse(request.sort())
            .orElseThrow(
                () ->
                    ClusterRequestException.invalidParameter(
                        "sort",
                        request.sort(),
                        "use one of "
                            + Arrays.stream(SortOrder.values())
                                .map(SortOrder::parameter)
                                .collect(Collectors.joining(", "))));
    int limit = Paging.limit(request.limit());
    ContinueToken after = null;
    if (request.continueToken() != null && !request.continueToken().isBlank()) {
      try {
        after = ContinueToken.decode(request.continueToken().strip(), order);
      } catch (ContinueToken.InvalidTokenException e) {
        throw ClusterRequestException.invalidContinue(e.getMessage());
      }
    }
    return new ListQuery(
        blankToNull(request.namespace()),
        selector,
        blankToNull(request.name()),
        blankToNull(request.node()),
        blankToNull(request.phase()),
        blankToNull(request.problem()),
        blankToNull(request.owner()),
        order,
        limit,
        after);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
