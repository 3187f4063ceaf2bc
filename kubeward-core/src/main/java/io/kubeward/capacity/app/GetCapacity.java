package io.kubeward.capacity.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.capacity.domain.CapacityGroup;
import io.kubeward.capacity.domain.CapacityPlanner;
import io.kubeward.capacity.domain.CapacityReport;
import io.kubeward.capacity.domain.DemandForecaster;
import io.kubeward.capacity.domain.HeadroomPolicy;
import io.kubeward.capacity.domain.NodePools;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.history.domain.HistoryMetric;
import io.kubeward.history.domain.Point;
import io.kubeward.usage.app.GetUsage;
import io.kubeward.usage.app.UsageSnapshots;
import io.kubeward.usage.domain.MetricsSnapshot;
import io.kubeward.usage.domain.NodeSample;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Use case: a cluster's capacity per pool and zone (issue 17, ADR 0049) — allocatable, requested
 * and used with the headroom policy, and, when asked, forecasts of CPU and memory demand from the
 * usage history. Whoever may list nodes sees it; used needs {@code list metrics.k8s.io nodes}, as
 * in live usage (ADR 0019); forecasts read the history as the caller.
 */
public final class GetCapacity {

  private final ClusterReads reads;
  private final Authorizer authorizer;
  private final UsageSnapshots snapshots;
  private final DemandHistory history;
  private final CapacitySettings settings;
  private final Clock clock;

  public GetCapacity(
      ClusterReads reads,
      Authorizer authorizer,
      UsageSnapshots snapshots,
      DemandHistory history,
      CapacitySettings settings,
      Clock clock) {
    this.reads = reads;
    this.authorizer = authorizer;
    this.snapshots = snapshots;
    this.history = history;
    this.settings = settings;
    this.clock = clock;
  }

  public CapacityReport report(Caller caller, String cluster, boolean forecast) {
    ManagedCluster managed = reads.ready(cluster, EnumSet.of(CachedKind.NODES, CachedKind.PODS));
    reads.requireVisible(caller, managed, CachedKind.NODES);
    MetricsSnapshot metrics = snapshots.current(managed.name());
    boolean used =
        metrics.available()
            && authorizer.mayList(caller, managed.name(), GetUsage.LIST_NODE_METRICS);
    CapacityPlanner planner =
        new CapacityPlanner(
            new NodePools(settings.poolLabels()), new HeadroomPolicy(settings.headroomPercent()));
    CapacityReport report =
        planner.report(
            managed.name(),
            clock.instant(),
            nodes(managed),
            pods(managed),
            used
                ? name -> {
                  NodeSample s = metrics.node(name);
                  return s == null
                      ? null
                      : new CapacityPlanner.NodeUse(s.cpuMillis(), s.memoryBytes());
                }
                : null);
    if (!forecast) {
      return report;
    }
    List<CapacityGroup> pools = new ArrayList<>();
    for (CapacityGroup pool : report.pools()) {
      pools.add(
          pool.nodeNames().size() <= settings.maxForecastNodes()
              ? withForecasts(caller, managed.name(), pool, pool.nodeNames())
              : pool);
    }
    return new CapacityReport(
        report.cluster(),
        report.at(),
        report.headroomPercent(),
        report.poolLabels(),
        report.usedAvailable(),
        withForecasts(caller, managed.name(), report.total(), null),
        pools,
        report.zones());
  }

  /** The group with CPU and memory forecasts; {@code nodes} null means the cluster's series. */
  private CapacityGroup withForecasts(
      Caller caller, String cluster, CapacityGroup group, List<String> nodes) {
    DemandForecaster forecaster = new DemandForecaster(clock, settings.horizonDays());
    Instant end = clock.instant();
    Instant start = end.minus(settings.forecastLookback());
    return group.withForecasts(
        List.of(
            forecaster.forecast(
                "cpu",
                series(caller, cluster, nodes, HistoryMetric.CPU, start, end),
                group.cpu().limit()),
            forecaster.forecast(
                "memory",
                series(caller, cluster, nodes, HistoryMetric.MEMORY, start, end),
                group.memory().limit())));
  }

  /** The cluster's series, or the sum of the nodes' series per timestamp. */
  private List<Point> series(
      Caller caller,
      String cluster,
      List<String> nodes,
      HistoryMetric metric,
      Instant start,
      Instant end) {
    if (nodes == null) {
      return history.series(caller, cluster, null, metric, start, end);
    }
    Map<Long, Double> sum = new TreeMap<>();
    for (String node : nodes) {
      for (Point p : history.series(caller, cluster, node, metric, start, end)) {
        sum.merge(p.t(), p.v(), Double::sum);
      }
    }
    List<Point> out = new ArrayList<>();
    sum.forEach((t, v) -> out.add(new Point(t, v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  static Collection<NodeView> nodes(ManagedCluster cluster) {
    return (Collection<NodeView>) cluster.views(CachedKind.NODES).all();
  }

  @SuppressWarnings("unchecked")
  static Collection<PodView> pods(ManagedCluster cluster) {
    return (Collection<PodView>) cluster.views(CachedKind.PODS).all();
  }
}
