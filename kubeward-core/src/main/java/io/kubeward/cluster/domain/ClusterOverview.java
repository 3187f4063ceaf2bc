package io.kubeward.cluster.domain;

import io.kubeward.access.domain.NamespaceVisibility;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a person wants to know first about a cluster: how many nodes are fine, which pods are in
 * trouble and why, whether the Deployments are available, how much the cluster can hold and how
 * much is requested, per node and per namespace.
 *
 * <p>Computed over the namespaces the caller may read. Node figures (counts, capacity, per-node
 * rows) need cluster-wide read: for a namespace-scoped caller {@code clusterWide} is false, {@code
 * nodes}, {@code capacity} and {@code allocatable} are {@code null} and {@code perNode} is empty.
 *
 * <p>While Kubeward is still loading the cluster (a kind the overview counts has not completed its
 * first list), the overview counts what has been listed so far and says so: {@code loading} is true
 * and {@code kinds} tells which kinds are complete. Such an overview is never complete: its counts
 * only grow until {@code loading} is false (ADR 0057).
 *
 * @param cluster the cluster's name in Kubeward
 * @param kubernetesVersion the apiserver's git version (e.g. {@code v1.34.1}), {@code null} if
 *     unknown
 * @param loading whether a kind the overview counts is still in its first list, so that the counts
 *     are partial
 * @param kinds the kinds the overview counts, each with whether its first list is complete and how
 *     many of its objects this overview counts
 * @param requested sum of the effective requests of the pods holding node resources
 * @param limits sum of their limits
 */
public record ClusterOverview(
    String cluster,
    @Nullable String kubernetesVersion,
    boolean loading,
    List<KindProgress> kinds,
    boolean clusterWide,
    @Nullable NodeSummary nodes,
    PodSummary pods,
    int namespaces,
    DeploymentSummary deployments,
    int services,
    @Nullable Resources capacity,
    @Nullable Resources allocatable,
    Resources requested,
    Resources limits,
    List<NodeUsage> perNode,
    List<NamespaceSummary> perNamespace) {

  /**
   * Node counts. {@code zones} is sorted by zone name; nodes without a zone come last. {@code
   * byCondition} counts nodes per condition: {@code Ready}, {@code NotReady}, {@code
   * SchedulingDisabled} and each pressure condition that is True (zeros included for the usual
   * ones).
   */
  public record NodeSummary(
      int total,
      int ready,
      int notReady,
      int unschedulable,
      List<ZoneSummary> zones,
      Map<String, Integer> byCondition) {}

  /** Nodes in one zone ({@code zone} is {@code null} for nodes without a zone label). */
  public record ZoneSummary(@Nullable String zone, int total, int ready) {}

  /**
   * Pod counts. {@code byPhase} has every phase, {@code byProblem} every problem reason, zeros
   * included, so clients see a stable shape; keys are the names Kubernetes uses.
   */
  public record PodSummary(
      int total, Map<String, Integer> byPhase, Map<String, Integer> byProblem, int withProblems) {}

  public record DeploymentSummary(int total, int available, int unavailable) {}

  /**
   * How far one kind of the overview has loaded.
   *
   * @param kind the kind's plural name ({@code pods})
   * @param synced whether its first list is complete
   * @param objects how many of its objects this overview counts (those the caller may see); {@code
   *     null} for nodes when the caller may not read them
   */
  public record KindProgress(String kind, boolean synced, @Nullable Integer objects) {}

  /** One node's capacity and what its pods request. */
  public record NodeUsage(
      String name,
      boolean ready,
      boolean unschedulable,
      @Nullable String zone,
      Resources capacity,
      Resources allocatable,
      Resources requested,
      Resources limits) {}

  /** One namespace: its pods by state, its Deployments and what its pods request. */
  public record NamespaceSummary(
      String namespace,
      int pods,
      int running,
      int pending,
      int failed,
      int withProblems,
      int deployments,
      int deploymentsAvailable,
      Resources requested,
      Resources limits) {}

  static final List<String> USUAL_CONDITIONS =
      List.of(
          "Ready",
          "NotReady",
          "SchedulingDisabled",
          "MemoryPressure",
          "DiskPressure",
          "PIDPressure",
          "NetworkUnavailable");

  /** The overview of everything (cluster-wide read). */
  public static ClusterOverview compute(
      String cluster, String kubernetesVersion, ClusterSnapshot snapshot) {
    return compute(
        cluster, kubernetesVersion, snapshot, OverviewVisibility.uniform(NamespaceVisibility.ALL));
  }

  /**
   * Computes the overview of a cluster whose kinds have all been listed, over {@code visible}.
   * Pure: no I/O, no clock.
   */
  public static ClusterOverview compute(
      String cluster,
      String kubernetesVersion,
      ClusterSnapshot snapshot,
      OverviewVisibility visible) {
    return compute(cluster, kubernetesVersion, snapshot, visible, Set.of());
  }

  /**
   * Computes the overview from the cached views, over {@code visible}, marked as loading while one
   * of {@link ClusterSnapshot#KINDS} is in {@code stillListing}. Pure: no I/O, no clock.
   *
   * @param stillListing the kinds whose first list was not complete <em>before</em> {@code
   *     snapshot} was read (the other order could call a kind complete that was read half-listed)
   */
  public static ClusterOverview compute(
      String cluster,
      String kubernetesVersion,
      ClusterSnapshot snapshot,
      OverviewVisibility visible,
      Set<CachedKind> stillListing) {
    boolean clusterWide = visible.nodes();
    Map<String, Usage> byNode = new HashMap<>();
    Map<String, NamespaceTally> byNamespace = new TreeMap<>();
    for (NamespaceView namespace : snapshot.namespaces()) {
      if (visible.namespaces().includes(namespace.name())) {
        byNamespace.put(namespace.name(), new NamespaceTally());
      }
    }
    Map<PodPhase, Integer> phases = new EnumMap<>(PodPhase.class);
    Map<PodProblem, Integer> problems = new EnumMap<>(PodProblem.class);
    int total = 0;
    int withProblems = 0;
    Usage clusterUsage = new Usage();
    for (PodView pod : snapshot.pods()) {
      if (clusterWide && pod.holdsResources()) {
        // a node's allocation counts every pod on it, as on the node's own page
        byNode.computeIfAbsent(pod.nodeName(), n -> new Usage()).add(pod);
      }
      if (!visible.pods().includes(pod.namespace())) {
        continue;
      }
      total++;
      PodPhase phase = pod.phase() == null ? PodPhase.UNKNOWN : pod.phase();
      phases.merge(phase, 1, Integer::sum);
      NamespaceTally tally =
          byNamespace.computeIfAbsent(pod.namespace(), n -> new NamespaceTally());
      tally.pods++;
      switch (phase) {
        case RUNNING -> tally.running++;
        case PENDING -> tally.pending++;
        case FAILED -> tally.failed++;
        default -> {}
      }
      if (pod.problem() != null) {
        withProblems++;
        tally.withProblems++;
        problems.merge(pod.problem(), 1, Integer::sum);
      }
      if (pod.holdsResources()) {
        clusterUsage.add(pod);
        tally.usage.add(pod);
      }
    }
    int deploymentsTotal = 0;
    int deploymentsAvailable = 0;
    for (DeploymentView deployment : snapshot.deployments()) {
      if (!visible.deployments().includes(deployment.namespace())) {
        continue;
      }
      deploymentsTotal++;
      NamespaceTally tally =
          byNamespace.computeIfAbsent(deployment.namespace(), n -> new NamespaceTally());
      tally.deployments++;
      if (deployment.fullyAvailable()) {
        deploymentsAvailable++;
        tally.deploymentsAvailable++;
      }
    }
    int services = 0;
    for (ServiceView service : snapshot.services()) {
      if (visible.services().includes(service.namespace())) {
        services++;
      }
    }
    List<NamespaceSummary> perNamespace = new ArrayList<>();
    byNamespace.forEach(
        (name, t) ->
            perNamespace.add(
                new NamespaceSummary(
                    name,
                    t.pods,
                    t.running,
                    t.pending,
                    t.failed,
                    t.withProblems,
                    t.deployments,
                    t.deploymentsAvailable,
                    t.usage.requested,
                    t.usage.limits)));
    NodeSummary nodes = clusterWide ? summarizeNodes(snapshot) : null;
    Map<CachedKind, Integer> counted = new EnumMap<>(CachedKind.class);
    if (nodes != null) {
      counted.put(CachedKind.NODES, nodes.total());
    }
    counted.put(CachedKind.NAMESPACES, byNamespace.size());
    counted.put(CachedKind.PODS, total);
    counted.put(CachedKind.DEPLOYMENTS, deploymentsTotal);
    counted.put(CachedKind.SERVICES, services);
    List<KindProgress> kinds = progress(counted, stillListing);
    return new ClusterOverview(
        cluster,
        kubernetesVersion,
        kinds.stream().anyMatch(kind -> !kind.synced()),
        kinds,
        clusterWide,
        nodes,
        podSummary(total, phases, problems, withProblems),
        byNamespace.size(),
        new DeploymentSummary(
            deploymentsTotal, deploymentsAvailable, deploymentsTotal - deploymentsAvailable),
        services,
        clusterWide ? sum(snapshot, NodeView::capacity) : null,
        clusterWide ? sum(snapshot, NodeView::allocatable) : null,
        clusterUsage.requested,
        clusterUsage.limits,
        clusterWide ? perNode(snapshot, byNode) : List.of(),
        List.copyOf(perNamespace));
  }

  /** One row per kind of the overview, in {@link ClusterSnapshot#KINDS} order. */
  private static List<KindProgress> progress(
      Map<CachedKind, Integer> counted, Set<CachedKind> stillListing) {
    List<KindProgress> kinds = new ArrayList<>();
    for (CachedKind kind : ClusterSnapshot.KINDS) {
      kinds.add(new KindProgress(kind.plural(), !stillListing.contains(kind), counted.get(kind)));
    }
    return List.copyOf(kinds);
  }

  private static final class Usage {
    Resources requested = Resources.ZERO;
    Resources limits = Resources.ZERO;

    void add(PodView pod) {
      requested = requested.plus(pod.requests());
      limits = limits.plus(pod.limits());
    }
  }

  private static final class NamespaceTally {
    int pods;
    int running;
    int pending;
    int failed;
    int withProblems;
    int deployments;
    int deploymentsAvailable;
    final Usage usage = new Usage();
  }

  private static NodeSummary summarizeNodes(ClusterSnapshot snapshot) {
    int total = 0;
    int ready = 0;
    int unschedulable = 0;
    Map<String, int[]> byZone = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    Map<String, Integer> byCondition = new LinkedHashMap<>();
    USUAL_CONDITIONS.forEach(c -> byCondition.put(c, 0));
    for (NodeView node : snapshot.nodes()) {
      total++;
      if (node.ready()) {
        ready++;
      }
      byCondition.merge(node.ready() ? "Ready" : "NotReady", 1, Integer::sum);
      if (node.unschedulable()) {
        unschedulable++;
        byCondition.merge("SchedulingDisabled", 1, Integer::sum);
      }
      for (String pressure : node.pressures()) {
        byCondition.merge(pressure, 1, Integer::sum);
      }
      int[] zone = byZone.computeIfAbsent(node.zone(), z -> new int[2]);
      zone[0]++;
      if (node.ready()) {
        zone[1]++;
      }
    }
    List<ZoneSummary> zones =
        byZone.entrySet().stream()
            .map(e -> new ZoneSummary(e.getKey(), e.getValue()[0], e.getValue()[1]))
            .toList();
    return new NodeSummary(
        total,
        ready,
        total - ready,
        unschedulable,
        zones,
        Collections.unmodifiableMap(byCondition));
  }

  private static List<NodeUsage> perNode(ClusterSnapshot snapshot, Map<String, Usage> byNode) {
    List<NodeUsage> rows = new ArrayList<>();
    for (NodeView node : snapshot.nodes()) {
      Usage usage = byNode.getOrDefault(node.name(), new Usage());
      rows.add(
          new NodeUsage(
              node.name(),
              node.ready(),
              node.unschedulable(),
              node.zone(),
              node.capacity(),
              node.allocatable(),
              usage.requested,
              usage.limits));
    }
    rows.sort(Comparator.comparing(NodeUsage::name));
    return List.copyOf(rows);
  }

  private static PodSummary podSummary(
      int total,
      Map<PodPhase, Integer> phases,
      Map<PodProblem, Integer> problems,
      int withProblems) {
    Map<String, Integer> byPhase = new LinkedHashMap<>();
    for (PodPhase phase : PodPhase.values()) {
      byPhase.put(phase.kubernetesName(), phases.getOrDefault(phase, 0));
    }
    Map<String, Integer> byProblem = new LinkedHashMap<>();
    for (PodProblem problem : PodProblem.values()) {
      byProblem.put(problem.reason(), problems.getOrDefault(problem, 0));
    }
    return new PodSummary(
        total,
        Collections.unmodifiableMap(byPhase),
        Collections.unmodifiableMap(byProblem),
        withProblems);
  }

  private static Resources sum(
      ClusterSnapshot snapshot, java.util.function.Function<NodeView, Resources> field) {
    Resources sum = Resources.ZERO;
    for (NodeView node : snapshot.nodes()) {
      sum = sum.plus(field.apply(node));
    }
    return sum;
  }
}
