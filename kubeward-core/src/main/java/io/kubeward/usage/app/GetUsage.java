package io.kubeward.usage.app;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ClusterRequestException;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.LabelSelector;
import io.kubeward.cluster.domain.NamespaceView;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.common.Names;
import io.kubeward.common.Paging;
import io.kubeward.usage.domain.MetricsSnapshot;
import io.kubeward.usage.domain.OwnerLookup;
import io.kubeward.usage.domain.PodPages;
import io.kubeward.usage.domain.UsageAggregates;
import io.kubeward.usage.domain.UsageNamespaceList;
import io.kubeward.usage.domain.UsageNodeList;
import io.kubeward.usage.domain.UsageOverview;
import io.kubeward.usage.domain.UsagePodList;
import io.kubeward.usage.domain.UsageVisibility;
import io.kubeward.usage.domain.UsageWorkloadList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Use cases: live usage next to requests, limits and allocatable for a cluster, its nodes,
 * namespaces, workloads and pods (issue 12, ADR 0019). The numbers come from the shared metrics
 * snapshot ({@link UsageSnapshots}, Kubeward's identity), the rest from the shared cache; what a
 * caller sees of both is what Kubernetes lets them list: nodes and {@code metrics.k8s.io} nodes
 * cluster-wide, pods and {@code metrics.k8s.io} pods per namespace, quotas per namespace ({@link
 * Authorizer}, access reviews as the caller). The snapshot is read only after the caller passed.
 */
public final class GetUsage {

  /** The metrics API's resources, as the access reviews ask for them. */
  public static final ResourceAction LIST_NODE_METRICS =
      ResourceAction.of("list", "metrics.k8s.io", "nodes", null);

  public static final ResourceAction LIST_POD_METRICS =
      ResourceAction.of("list", "metrics.k8s.io", "pods", null);

  private static final Set<CachedKind> BASE =
      EnumSet.of(CachedKind.NODES, CachedKind.NAMESPACES, CachedKind.PODS);

  private final ClusterReads reads;
  private final Authorizer authorizer;
  private final UsageSnapshots snapshots;

  public GetUsage(ClusterReads reads, Authorizer authorizer, UsageSnapshots snapshots) {
    this.reads = reads;
    this.authorizer = authorizer;
    this.snapshots = snapshots;
  }

  /** What {@code GET .../usage/pods} asks for; blanks mean "any". */
  public record PodQuery(
      @Nullable String namespace,
      @Nullable String labelSelector,
      @Nullable String node,
      @Nullable String sort,
      @Nullable String limit,
      @Nullable String continueToken) {}

  /**
   * The overview.
   *
   * @throws AccessDeniedException if the caller may list neither nodes nor pods
   */
  public UsageOverview overview(Caller caller, String cluster) {
    ManagedCluster managed = reads.ready(cluster, BASE);
    UsageVisibility visible = visibility(caller, managed, null);
    if (!visible.nodes() && visible.pods().isEmpty()) {
      throw new AccessDeniedException(caller.username(), Verb.READ, managed.name(), null);
    }
    MetricsSnapshot metrics = snapshots.current(managed.name());
    return UsageAggregates.overview(
        managed.name(),
        metrics,
        nodes(managed),
        pods(managed),
        withMetrics(caller, managed, visible, metrics));
  }

  /**
   * Every node.
   *
   * @throws AccessDeniedException if the caller may not list nodes
   */
  public UsageNodeList nodes(Caller caller, String cluster) {
    ManagedCluster managed = reads.ready(cluster, BASE);
    reads.requireVisible(caller, managed, CachedKind.NODES);
    UsageVisibility visible =
        new UsageVisibility(
            true,
            false,
            NamespaceVisibility.NONE,
            NamespaceVisibility.NONE,
            NamespaceVisibility.NONE);
    MetricsSnapshot metrics = snapshots.current(managed.name());
    if (metrics.available()) {
      visible =
          new UsageVisibility(
              true,
              authorizer.mayList(caller, managed.name(), LIST_NODE_METRICS),
              NamespaceVisibility.NONE,
              NamespaceVisibility.NONE,
              NamespaceVisibility.NONE);
    }
    return UsageAggregates.nodes(managed.name(), metrics, nodes(managed), pods(managed), visible);
  }

  /**
   * Each namespace in which the caller may list pods, with its quotas.
   *
   * @throws AccessDeniedException if the caller may list pods nowhere
   */
  public UsageNamespaceList namespaces(Caller caller, String cluster) {
    ManagedCluster managed =
        reads.ready(
            cluster, EnumSet.of(CachedKind.NAMESPACES, CachedKind.PODS, CachedKind.RESOURCEQUOTAS));
    NamespaceVisibility pods = reads.requireVisible(caller, managed, CachedKind.PODS);
    UsageVisibility visible =
        new UsageVisibility(
            false,
            false,
            pods,
            NamespaceVisibility.NONE,
            reads.visible(caller, managed, CachedKind.RESOURCEQUOTAS));
    MetricsSnapshot metrics = snapshots.current(managed.name());
    visible = withMetrics(caller, managed, visible, metrics);
    @SuppressWarnings("unchecked")
    Collection<NamespaceView> namespaces =
        (Collection<NamespaceView>) managed.views(CachedKind.NAMESPACES).all();
    @SuppressWarnings("unchecked")
    Collection<ObjectView> quotas =
        (Collection<ObjectView>) managed.views(CachedKind.RESOURCEQUOTAS).all();
    return UsageAggregates.namespaces(
        managed.name(), metrics, namespaces, pods(managed), quotas, visible);
  }

  /**
   * The workloads of one namespace.
   *
   * @throws AccessDeniedException if the caller may not list pods in it
   */
  public UsageWorkloadList workloads(Caller caller, String cluster, String namespace) {
    if (!Names.isNamespace(namespace)) {
      throw ClusterRequestException.invalidParameter(
          "namespace", namespace, "a namespace name (lower-case letters, digits and '-')");
    }
    ManagedCluster managed =
        reads.ready(cluster, EnumSet.of(CachedKind.PODS, CachedKind.REPLICASETS, CachedKind.JOBS));
    NamespaceVisibility pods = reads.visible(caller, managed, CachedKind.PODS);
    if (!pods.includes(namespace)) {
      throw new AccessDeniedException(caller.username(), Verb.READ, managed.name(), namespace);
    }
    UsageVisibility visible =
        new UsageVisibility(
            false,
            false,
            NamespaceVisibility.only(Set.of(namespace)),
            NamespaceVisibility.NONE,
            NamespaceVisibility.NONE);
    MetricsSnapshot metrics = snapshots.current(managed.name());
    visible = withMetrics(caller, managed, visible, metrics);
    return UsageAggregates.workloads(
        managed.name(), namespace, metrics, podsIn(managed, namespace), owners(managed), visible);
  }

  /**
   * A page of pods, filtered by namespace, label selector and node.
   *
   * @throws AccessDeniedException if the caller may list pods nowhere (or not in the namespace
   *     asked for)
   * @throws ClusterRequestException for a parameter that cannot be used
   */
  public UsagePodList pods(Caller caller, String cluster, PodQuery query) {
    String namespace = blankToNull(query.namespace());
    if (namespace != null && !Names.isNamespace(namespace)) {
      throw ClusterRequestException.invalidParameter(
          "namespace", namespace, "a namespace name (lower-case letters, digits and '-')");
    }
    String node = blankToNull(query.node());
    if (node != null && !Names.isObjectName(node)) {
      throw ClusterRequestException.invalidParameter("node", node, "a node name");
    }
    LabelSelector selector;
    try {
      selector = LabelSelector.parse(query.labelSelector());
    } catch (LabelSelector.InvalidSelectorException e) {
      throw ClusterRequestException.invalidLabelSelector(
          query.labelSelector(), e.position(), e.getMessage());
    }
    PodPages.Sort sort =
        PodPages.Sort.parse(query.sort())
            .orElseThrow(
                () ->
                    ClusterRequestException.invalidParameter(
                        "sort", query.sort(), "use one of name, cpu, memory"));
    int limit = Paging.limit(query.limit());
    PodPages.Cursor after = null;
    if (blankToNull(query.continueToken()) != null) {
      try {
        after = PodPages.Cursor.decode(query.continueToken(), sort);
      } catch (IllegalArgumentException e) {
        throw ClusterRequestException.invalidContinue(e.getMessage());
      }
    }
    ManagedCluster managed =
        reads.ready(cluster, EnumSet.of(CachedKind.PODS, CachedKind.NAMESPACES));
    NamespaceVisibility pods = reads.requireVisible(caller, managed, CachedKind.PODS);
    if (namespace != null && !pods.includes(namespace)) {
      throw new AccessDeniedException(caller.username(), Verb.READ, managed.name(), namespace);
    }
    NamespaceVisibility asked =
        namespace == null ? pods : NamespaceVisibility.only(Set.of(namespace));
    UsageVisibility visible =
        new UsageVisibility(
            false, false, asked, NamespaceVisibility.NONE, NamespaceVisibility.NONE);
    MetricsSnapshot metrics = snapshots.current(managed.name());
    visible = withMetrics(caller, managed, visible, metrics);
    Iterable<PodView> candidates =
        matching(
            namespace == null ? pods(managed) : podsIn(managed, namespace), asked, selector, node);
    return PodPages.page(managed.name(), metrics, candidates, visible, sort, limit, after);
  }

  // ---------------------------------------------------------------- visibility

  private UsageVisibility visibility(
      Caller caller, ManagedCluster cluster, @Nullable NamespaceVisibility quotas) {
    return new UsageVisibility(
        !reads.visible(caller, cluster, CachedKind.NODES).isEmpty(),
        false,
        reads.visible(caller, cluster, CachedKind.PODS),
        NamespaceVisibility.NONE,
        quotas == null ? NamespaceVisibility.NONE : quotas);
  }

  /**
   * {@code visible} with what the caller may read of the metrics API: asked only when there are
   * metrics, and pods' metrics only in the namespaces where the caller may list pods.
   */
  private UsageVisibility withMetrics(
      Caller caller, ManagedCluster cluster, UsageVisibility visible, MetricsSnapshot metrics) {
    if (!metrics.available()) {
      return visible;
    }
    boolean nodeMetrics =
        visible.nodes() && authorizer.mayList(caller, cluster.name(), LIST_NODE_METRICS);
    NamespaceVisibility podMetrics = NamespaceVisibility.NONE;
    if (!visible.pods().isEmpty()) {
      NamespaceVisibility pods = visible.pods();
      podMetrics =
          authorizer.readable(
              caller,
              cluster.name(),
              LIST_POD_METRICS,
              () -> pods.all() ? namespaceNames(cluster) : List.copyOf(pods.namespaces()));
    }
    return new UsageVisibility(
        visible.nodes(), nodeMetrics, visible.pods(), podMetrics, visible.quotas());
  }

  // ---------------------------------------------------------------- cache reads

  @SuppressWarnings("unchecked")
  private static Collection<NodeView> nodes(ManagedCluster cluster) {
    return (Collection<NodeView>) cluster.views(CachedKind.NODES).all();
  }

  @SuppressWarnings("unchecked")
  private static Collection<PodView> pods(ManagedCluster cluster) {
    return (Collection<PodView>) cluster.views(CachedKind.PODS).all();
  }

  /** The pods of one namespace, through the cache's namespace index. */
  private static List<PodView> podsIn(ManagedCluster cluster, String namespace) {
    @SuppressWarnings("unchecked")
    IndexedViews<PodView> pods = (IndexedViews<PodView>) cluster.views(CachedKind.PODS);
    List<PodView> out = new ArrayList<>();
    for (String key : pods.keys(Indexes.NAMESPACE, namespace)) {
      PodView pod = pods.view(key);
      if (pod != null) {
        out.add(pod);
      }
    }
    return out;
  }

  private static List<PodView> matching(
      Collection<PodView> pods,
      NamespaceVisibility visible,
      LabelSelector selector,
      @Nullable String node) {
    List<PodView> out = new ArrayList<>();
    for (PodView pod : pods) {
      if (visible.includes(pod.namespace())
          && (node == null || node.equals(pod.nodeName()))
          && selector.matches(pod.labels())) {
        out.add(pod);
      }
    }
    return out;
  }

  private static List<String> namespaceNames(ManagedCluster cluster) {
    List<String> names = new ArrayList<>();
    for (KubeObjectView namespace : cluster.views(CachedKind.NAMESPACES).all()) {
      names.add(namespace.name());
    }
    return names;
  }

  /** ReplicaSets' and Jobs' owners from the cache. */
  private static OwnerLookup owners(ManagedCluster cluster) {
    IndexedViews<? extends KubeObjectView> replicaSets = cluster.views(CachedKind.REPLICASETS);
    IndexedViews<? extends KubeObjectView> jobs = cluster.views(CachedKind.JOBS);
    return (namespace, kind, name) -> {
      IndexedViews<? extends KubeObjectView> views =
          switch (kind) {
            case "ReplicaSet" -> replicaSets;
            case "Job" -> jobs;
            default -> null;
          };
      if (views == null) {
        return null;
      }
      KubeObjectView owner = views.view(namespace + "/" + name);
      return owner == null ? null : owner.owner();
    };
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
