package io.kubeward.usage.domain;

import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.ContainerResources;
import io.kubeward.cluster.domain.NamespaceView;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Resources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Usage next to requests, limits and allocatable, for a cluster, its nodes, namespaces, workloads,
 * pods and containers: pure functions over one {@link MetricsSnapshot} and the cached views, for
 * what one caller may see ({@link UsageVisibility}). No I/O, no clock; each call is one pass over
 * the pods it needs (the overview: every pod once, O(pods + nodes)), so the benchmark can time it
 * alone.
 */
public final class UsageAggregates {

  /** How many nodes and namespaces the overview calls out. */
  public static final int TOP = 5;

  private UsageAggregates() {}

  // ---------------------------------------------------------------- cluster

  /**
   * The overview of everything in {@code cache} (what Kubeward itself and the benchmark see): the
   * hook for timing the aggregation alone, e.g. at 1,000 nodes and 30,000 pods.
   */
  public static UsageOverview overview(
      String cluster, MetricsSnapshot metrics, ClusterSnapshot cache) {
    return overview(cluster, metrics, cache.nodes(), cache.pods(), UsageVisibility.ALL);
  }

  /**
   * The overview of a cluster: used (the nodes' usage, else the visible pods'), requested and
   * limits of the visible pods holding node resources, allocatable of the nodes; the {@value #TOP}
   * nodes using the largest part of their CPU and the {@value #TOP} namespaces using the most CPU
   * (by requests where nothing is measured).
   */
  public static UsageOverview overview(
      String cluster,
      MetricsSnapshot metrics,
      Collection<NodeView> nodes,
      Collection<PodView> pods,
      UsageVisibility visible) {
    boolean measured = metrics.available();
    Map<String, Tally> byNode = new HashMap<>();
    Map<String, Tally> byNamespace = new HashMap<>();
    Tally visiblePods = new Tally();
    for (PodView pod : pods) {
      if (!pod.holdsResources()) {
        continue;
      }
      if (visible.nodes()) {
        byNode.computeIfAbsent(pod.nodeName(), n -> new Tally()).add(pod, null, false);
      }
      if (!visible.pods().includes(pod.namespace())) {
        continue;
      }
      boolean measurable = measured && visible.podUsage(pod.namespace());
      PodSample sample = measurable ? metrics.pod(pod.namespace(), pod.name()) : null;
      visiblePods.add(pod, sample, measurable);
      byNamespace.computeIfAbsent(pod.namespace(), n -> new Tally()).add(pod, sample, measurable);
    }
    List<UsageNode> nodeRows = visible.nodes() ? nodeRows(metrics, nodes, byNode, visible) : null;
    Long cpuUsed = null;
    Long memoryUsed = null;
    Long cpuAllocatable = null;
    Long memoryAllocatable = null;
    Long podsAllocatable = null;
    if (nodeRows != null) {
      Resources allocatable = Resources.ZERO;
      for (NodeView node : nodes) {
        allocatable = allocatable.plus(node.allocatable());
      }
      cpuAllocatable = allocatable.cpuMillis();
      memoryAllocatable = allocatable.memoryBytes();
      podsAllocatable = allocatable.pods();
    }
    if (measured && visible.nodes() && visible.nodeMetrics()) {
      long cpuNanos = 0;
      long memory = 0;
      for (NodeView node : nodes) {
        NodeSample sample = metrics.node(node.name());
        if (sample != null) {
          cpuNanos += sample.cpuNanos();
          memory += sample.memoryBytes();
        }
      }
      cpuUsed = Units.millisOfNanos(cpuNanos);
      memoryUsed = memory;
    } else if (visiblePods.measured) {
      // a caller without node metrics: what their pods use
      cpuUsed = visiblePods.cpuUsedMillis();
      memoryUsed = visiblePods.memoryUsed;
    }
    List<UsageNode> topNodes = List.of();
    if (nodeRows != null) {
      topNodes =
          nodeRows.stream()
              .sorted(
                  Comparator.comparingDouble(UsageAggregates::cpuShare)
                      .reversed()
                      .thenComparing(UsageNode::name))
              .limit(TOP)
              .toList();
    }
    List<UsageNamespace> topNamespaces =
        byNamespace.entrySet().stream()
            .map(e -> namespaceRow(e.getKey(), e.getValue(), List.of()))
            .sorted(
                Comparator.comparingLong(UsageAggregates::cpuWeight)
                    .reversed()
                    .thenComparing(UsageNamespace::name))
            .limit(TOP)
            .toList();
    return new UsageOverview(
        cluster,
        UsageSource.of(metrics.source()),
        measured ? metrics.fetchedAt() : null,
        metrics.truncated(),
        UsageAmount.of(
            cpuUsed,
            visiblePods.requested.cpuMillis(),
            visiblePods.limits.cpuMillis(),
            cpuAllocatable),
        UsageAmount.of(
            memoryUsed,
            visiblePods.requested.memoryBytes(),
            visiblePods.limits.memoryBytes(),
            memoryAllocatable),
        new UsagePodCount(visiblePods.pods, podsAllocatable),
        topNodes,
        topNamespaces);
  }

  // ---------------------------------------------------------------- nodes

  /**
   * Every node, by name: its usage (for whoever may read node metrics), the requests and limits of
   * every pod holding its resources (as on the node's page), its allocatable, and over-commit.
   */
  public static UsageNodeList nodes(
      String cluster,
      MetricsSnapshot metrics,
      Collection<NodeView> nodes,
      Collection<PodView> pods,
      UsageVisibility visible) {
    Map<String, Tally> byNode = new HashMap<>();
    for (PodView pod : pods) {
      if (pod.holdsResources()) {
        byNode.computeIfAbsent(pod.nodeName(), n -> new Tally()).add(pod, null, false);
      }
    }
    return new UsageNodeList(
        cluster,
        UsageSource.of(metrics.source()),
        metrics.available() ? metrics.fetchedAt() : null,
        nodeRows(metrics, nodes, byNode, visible));
  }

  private static List<UsageNode> nodeRows(
      MetricsSnapshot metrics,
      Collection<NodeView> nodes,
      Map<String, Tally> byNode,
      UsageVisibility visible) {
    boolean measured = metrics.available() && visible.nodeMetrics();
    List<UsageNode> rows = new ArrayList<>(nodes.size());
    for (NodeView node : nodes) {
      Tally tally = byNode.getOrDefault(node.name(), Tally.EMPTY);
      NodeSample sample = measured ? metrics.node(node.name()) : null;
      Resources allocatable = node.allocatable();
      rows.add(
          new UsageNode(
              node.name(),
              node.ready(),
              sample == null ? null : sample.timestamp(),
              UsageAmount.of(
                  sample == null ? null : sample.cpuMillis(),
                  tally.requested.cpuMillis(),
                  tally.limits.cpuMillis(),
                  allocatable.cpuMillis()),
              UsageAmount.of(
                  sample == null ? null : sample.memoryBytes(),
                  tally.requested.memoryBytes(),
                  tally.limits.memoryBytes(),
                  allocatable.memoryBytes()),
              new UsagePodCount(tally.pods, allocatable.pods()),
              new UsageOvercommit(
                  Units.ratio(tally.limits.cpuMillis(), allocatable.cpuMillis()),
                  Units.ratio(tally.limits.memoryBytes(), allocatable.memoryBytes()))));
    }
    rows.sort(Comparator.comparing(UsageNode::name));
    return List.copyOf(rows);
  }

  // ---------------------------------------------------------------- namespaces

  /**
   * Each namespace in which the caller may list pods, by name: the usage, requests and limits of
   * its pods holding node resources, and its ResourceQuotas (where the caller may list them).
   */
  public static UsageNamespaceList namespaces(
      String cluster,
      MetricsSnapshot metrics,
      Collection<NamespaceView> namespaces,
      Collection<PodView> pods,
      Collection<ObjectView> quotas,
      UsageVisibility visible) {
    Map<String, Tally> byNamespace = new TreeMap<>();
    for (NamespaceView namespace : namespaces) {
      if (visible.pods().includes(namespace.name())) {
        byNamespace.put(namespace.name(), new Tally());
      }
    }
    for (PodView pod : pods) {
      if (!pod.holdsResources() || !visible.pods().includes(pod.namespace())) {
        continue;
      }
      boolean measurable = metrics.available() && visible.podUsage(pod.namespace());
      PodSample sample = measurable ? metrics.pod(pod.namespace(), pod.name()) : null;
      byNamespace.computeIfAbsent(pod.namespace(), n -> new Tally()).add(pod, sample, measurable);
    }
    Map<String, List<UsageQuota>> quotasByNamespace = new HashMap<>();
    for (ObjectView quota : quotas) {
      if (quota.namespace() != null
          && byNamespace.containsKey(quota.namespace())
          && visible.quotas().includes(quota.namespace())) {
        quotasByNamespace
            .computeIfAbsent(quota.namespace(), n -> new ArrayList<>())
            .addAll(quotaRows(quota));
      }
    }
    List<UsageNamespace> rows = new ArrayList<>();
    byNamespace.forEach(
        (name, tally) ->
            rows.add(
                namespaceRow(
                    name,
                    tally,
                    quotasByNamespace.getOrDefault(name, List.of()).stream()
                        .sorted(
                            Comparator.comparing(UsageQuota::name)
                                .thenComparing(UsageQuota::resource))
                        .toList())));
    return new UsageNamespaceList(
        cluster,
        UsageSource.of(metrics.source()),
        metrics.available() ? metrics.fetchedAt() : null,
        List.copyOf(rows));
  }

  private static UsageNamespace namespaceRow(String name, Tally tally, List<UsageQuota> quotas) {
    return new UsageNamespace(
        name,
        UsageAmount.of(
            tally.measured ? tally.cpuUsedMillis() : null,
            tally.requested.cpuMillis(),
            tally.limits.cpuMillis(),
            null),
        UsageAmount.of(
            tally.measured ? tally.memoryUsed : null,
            tally.requested.memoryBytes(),
            tally.limits.memoryBytes(),
            null),
        tally.pods,
        quotas);
  }

  /** The resources of one ResourceQuota (its status' {@code hard} and {@code used}). */
  static List<UsageQuota> quotaRows(ObjectView quota) {
    Map<String, String> hard = stringMap(quota.fields().get("hard"));
    Map<String, String> used = stringMap(quota.fields().get("used"));
    List<UsageQuota> rows = new ArrayList<>();
    for (Map.Entry<String, String> entry : hard.entrySet()) {
      String resource = entry.getKey();
      String unit = unitOf(resource);
      long hardValue = quantity(entry.getValue(), unit);
      long usedValue = quantity(used.get(resource), unit);
      rows.add(
          new UsageQuota(
              quota.name(),
              resource,
              unit,
              usedValue,
              hardValue,
              Units.percent(usedValue, hardValue)));
    }
    return rows;
  }

  /**
   * {@code millicores} for CPU resources, {@code bytes} for memory and storage, else {@code count}.
   */
  static String unitOf(String resource) {
    String base =
        resource.startsWith("requests.") || resource.startsWith("limits.")
            ? resource.substring(resource.indexOf('.') + 1)
            : resource;
    if (base.equals("cpu")) {
      return "millicores";
    }
    if (base.equals("memory")
        || base.equals("storage")
        || base.equals("ephemeral-storage")
        || base.startsWith("hugepages-")
        || resource.endsWith(".storageclass.storage.k8s.io/requests.storage")) {
      return "bytes";
    }
    return "count";
  }

  private static long quantity(@Nullable String text, String unit) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      io.fabric8.kubernetes.api.model.Quantity quantity =
          new io.fabric8.kubernetes.api.model.Quantity(text);
      return unit.equals("millicores") ? Units.millis(quantity) : Units.whole(quantity);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> stringMap(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, String> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
      return out;
    }
    return Map.of();
  }

  // ---------------------------------------------------------------- workloads

  /**
   * The pods of one namespace grouped by workload, by kind and name: a pod's controlling owner, and
   * that owner's own (a ReplicaSet's Deployment, a Job's CronJob) where the cache knows it.
   *
   * @param pods the namespace's pods (the caller may list them)
   */
  public static UsageWorkloadList workloads(
      String cluster,
      String namespace,
      MetricsSnapshot metrics,
      Collection<PodView> pods,
      OwnerLookup owners,
      UsageVisibility visible) {
    boolean measured = metrics.available() && visible.podUsage(namespace);
    Map<OwnerRef, Tally> byWorkload = new HashMap<>();
    for (PodView pod : pods) {
      if (!pod.holdsResources() || !namespace.equals(pod.namespace())) {
        continue;
      }
      OwnerRef workload = workloadOf(pod, owners);
      PodSample sample = measured ? metrics.pod(pod.namespace(), pod.name()) : null;
      byWorkload.computeIfAbsent(workload, w -> new Tally()).add(pod, sample, measured);
    }
    List<UsageWorkload> rows = new ArrayList<>();
    byWorkload.forEach(
        (workload, tally) -> {
          UsageNamespace sums = namespaceRow(namespace, tally, List.of());
          rows.add(
              new UsageWorkload(
                  workload.kind(), workload.name(), sums.cpu(), sums.memory(), tally.pods));
        });
    rows.sort(Comparator.comparing(UsageWorkload::kind).thenComparing(UsageWorkload::name));
    return new UsageWorkloadList(
        cluster,
        namespace,
        UsageSource.of(metrics.source()),
        metrics.available() ? metrics.fetchedAt() : null,
        List.copyOf(rows));
  }

  /** The top controlling owner of a pod the cache knows, or the pod itself. */
  public static OwnerRef workloadOf(PodView pod, OwnerLookup owners) {
    OwnerRef owner = pod.owner();
    if (owner == null) {
      return new OwnerRef("Pod", pod.name());
    }
    if (owner.kind().equals("ReplicaSet") || owner.kind().equals("Job")) {
      OwnerRef parent = owners.ownerOf(pod.namespace(), owner.kind(), owner.name());
      if (parent != null) {
        return parent;
      }
    }
    return owner;
  }

  // ---------------------------------------------------------------- pods

  /**
   * One pod's row: its usage (where the caller may read pod metrics), requests and limits, and its
   * containers with the one closest to its memory limit.
   */
  public static UsagePod pod(PodView pod, MetricsSnapshot metrics, UsageVisibility visible) {
    PodSample sample =
        metrics.available() && visible.podUsage(pod.namespace())
            ? metrics.pod(pod.namespace(), pod.name())
            : null;
    List<UsageContainer> containers = new ArrayList<>();
    String closest = null;
    double closestRatio = -1;
    for (ContainerResources spec : pod.containers()) {
      ContainerSample used = sample == null ? null : sample.container(spec.name());
      UsageContainer row = containerRow(spec, used, sample != null);
      containers.add(row);
      if (row.memoryLimitRatio() != null && row.memoryLimitRatio() > closestRatio) {
        closestRatio = row.memoryLimitRatio();
        closest = row.name();
      }
    }
    if (sample != null) {
      for (ContainerSample used : sample.containers()) {
        if (pod.containers().stream().noneMatch(c -> c.name().equals(used.name()))) {
          containers.add(containerRow(new ContainerResources(used.name(), 0, 0, 0, 0), used, true));
        }
      }
    }
    return new UsagePod(
        pod.namespace(),
        pod.name(),
        pod.nodeName(),
        sample == null ? null : sample.timestamp(),
        UsageAmount.of(
            sample == null ? null : sample.cpuMillis(),
            pod.requests().cpuMillis(),
            pod.limits().cpuMillis(),
            null),
        UsageAmount.of(
            sample == null ? null : sample.memoryBytes(),
            pod.requests().memoryBytes(),
            pod.limits().memoryBytes(),
            null),
        pod.restarts(),
        List.copyOf(containers),
        closest);
  }

  private static UsageContainer containerRow(
      ContainerResources spec, @Nullable ContainerSample used, boolean measured) {
    Long cpu = measured ? (used == null ? 0L : used.cpuMillis()) : null;
    Long memory = measured ? (used == null ? 0L : used.memoryBytes()) : null;
    Double ratio =
        memory == null || spec.memoryLimit() <= 0 ? null : Units.ratio(memory, spec.memoryLimit());
    return new UsageContainer(
        spec.name(),
        UsageAmount.of(cpu, spec.cpuRequest(), spec.cpuLimit(), null),
        UsageAmount.of(memory, spec.memoryRequest(), spec.memoryLimit(), null),
        ratio);
  }

  /** When the numbers were read: the snapshot's time with a source, else {@code null}. */
  public static @Nullable Instant sampledAt(MetricsSnapshot metrics) {
    return metrics.available() ? metrics.fetchedAt() : null;
  }

  // ---------------------------------------------------------------- ordering helpers

  /** The part of its CPU a node uses (by requests where nothing is measured). */
  private static double cpuShare(UsageNode node) {
    long allocatable = node.cpu().allocatable() == null ? 0 : node.cpu().allocatable();
    if (allocatable <= 0) {
      return 0;
    }
    long amount = node.cpu().used() != null ? node.cpu().used() : node.cpu().requested();
    return (double) amount / allocatable;
  }

  private static long cpuWeight(UsageNamespace namespace) {
    return namespace.cpu().used() != null ? namespace.cpu().used() : namespace.cpu().requested();
  }

  /** Sums of pods: requests and limits, and usage where measured. */
  private static final class Tally {
    static final Tally EMPTY = new Tally();

    int pods;
    Resources requested = Resources.ZERO;
    Resources limits = Resources.ZERO;
    boolean measured;
    long cpuUsedNanos;
    long memoryUsed;

    /**
     * @param measurable whether the pod's usage may be shown (metrics answer, the caller may read
     *     them): the sum is then a number, 0 for pods not measured yet
     */
    void add(PodView pod, @Nullable PodSample sample, boolean measurable) {
      pods++;
      requested = requested.plus(pod.requests());
      limits = limits.plus(pod.limits());
      measured |= measurable;
      if (sample != null) {
        cpuUsedNanos += sample.cpuNanos();
        memoryUsed += sample.memoryBytes();
      }
    }

    long cpuUsedMillis() {
      return Units.millisOfNanos(cpuUsedNanos);
    }
  }
}
