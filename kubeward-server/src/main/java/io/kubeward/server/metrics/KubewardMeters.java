package io.kubeward.server.metrics;

import io.kubeward.cluster.app.CacheStatistics;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.common.ControllerStatistics;
import io.kubeward.server.health.DatabaseHealth;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Kubeward's own meters over the plain statistics of core (which knows no Micrometer): per cluster
 * its reachability and, per cached kind, size, sync, lag, last event, watch restarts and lists; per
 * controller and cluster its queue depth, leadership, reconciles and reconcile errors; the
 * database. Clusters and controllers come and go at runtime, so their meters are registered and
 * removed by {@link #refresh()}, at start and every {@link MetricsProperties#refreshInterval()}.
 * HTTP latencies ({@code http.server.requests}, by route template) and the JVM's meters are Spring
 * Boot's. The names and tags are listed in ADR 0017.
 */
@Component
class KubewardMeters implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KubewardMeters.class);

  private final MeterRegistry registry;
  private final ClusterRegistry clusters;
  private final ObjectProvider<ControllerStatistics.Source> controllerSources;
  private final Map<ManagedCluster, List<Meter>> clusterMeters = new IdentityHashMap<>();
  private final Map<ControllerStatistics, List<Meter>> controllerMeters = new IdentityHashMap<>();
  private final ScheduledExecutorService scheduler;

  KubewardMeters(
      MeterRegistry registry,
      ClusterRegistry clusters,
      ObjectProvider<ControllerStatistics.Source> controllerSources,
      DatabaseHealth database,
      MetricsProperties properties) {
    this.registry = registry;
    this.clusters = clusters;
    this.controllerSources = controllerSources;
    Gauge.builder("kubeward.database.up", database, d -> d.check().up() ? 1 : 0)
        .description("1 while the database answers the health check, else 0")
        .strongReference(true)
        .register(registry);
    refresh();
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("kubeward-meters").factory());
    long every = properties.refreshInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      log.warn("Refreshing Kubeward's meters failed: {}", e.toString());
    }
  }

  /** Registers the meters of new clusters and controllers and removes those of gone ones. */
  synchronized void refresh() {
    List<ManagedCluster> current = clusters.all();
    sync(clusterMeters, current, this::register);
    List<ControllerStatistics> controllers = new ArrayList<>();
    controllerSources.forEach(source -> source.controllerStatistics().forEach(controllers::add));
    sync(controllerMeters, controllers, this::register);
  }

  private <K> void sync(
      Map<K, List<Meter>> registered,
      List<? extends K> current,
      java.util.function.Function<K, List<Meter>> register) {
    Map<K, Boolean> present = new IdentityHashMap<>();
    current.forEach(k -> present.put(k, Boolean.TRUE));
    registered
        .entrySet()
        .removeIf(
            entry -> {
              if (present.containsKey(entry.getKey())) {
                return false;
              }
              entry.getValue().forEach(registry::remove);
              return true;
            });
    for (K key : current) {
      registered.computeIfAbsent(key, register);
    }
  }

  private List<Meter> register(ManagedCluster cluster) {
    List<Meter> meters = new ArrayList<>();
    Tags tags = Tags.of("cluster", cluster.name());
    meters.add(
        Gauge.builder(
                "kubeward.cluster.reachable", cluster, c -> c.reachability().reachable() ? 1 : 0)
            .description("1 while the last probe reached the cluster's API, else 0")
            .tags(tags)
            .register(registry));
    for (CacheStatistics kind : cluster.cacheStatistics()) {
      Tags kindTags = tags.and("kind", kind.kind().plural());
      meters.add(
          Gauge.builder("kubeward.cache.objects", kind, CacheStatistics::size)
              .description("Objects of the kind in the shared cache")
              .tags(kindTags)
              .register(registry));
      meters.add(
          Gauge.builder("kubeward.cache.synced", kind, k -> k.synced() ? 1 : 0)
              .description("1 once the kind has completed its first list, else 0")
              .tags(kindTags)
              .register(registry));
      meters.add(
          Gauge.builder("kubeward.cache.lag", kind, k -> k.lag().toMillis() / 1000.0)
              .description(
                  "How far the kind's views may be behind the API: 0 while its watch is open,"
                      + " else the time since it was last open")
              .baseUnit("seconds")
              .tags(kindTags)
              .register(registry));
      meters.add(
          Gauge.builder("kubeward.cache.last.event.timestamp", kind, KubewardMeters::lastEvent)
              .description("When the last object of the kind arrived (Unix time)")
              .baseUnit("seconds")
              .tags(kindTags)
              .register(registry));
      meters.add(
          FunctionCounter.builder(
                  "kubeward.cache.watch.restarts", kind, CacheStatistics::watchRestarts)
              .description("Failed lists or watches retried and informers restarted")
              .tags(kindTags)
              .register(registry));
      meters.add(
          FunctionTimer.builder(
                  "kubeward.cache.lists",
                  kind,
                  CacheStatistics::lists,
                  k -> k.listTime().toNanos(),
                  TimeUnit.NANOSECONDS)
              .description("Completed lists (first list and relists) and the time they took")
              .tags(kindTags)
              .register(registry));
    }
    return meters;
  }

  private static double lastEvent(CacheStatistics kind) {
    Instant at = kind.lastEvent();
    return at == null ? Double.NaN : at.toEpochMilli() / 1000.0;
  }

  private List<Meter> register(ControllerStatistics controller) {
    Tags tags = Tags.of("controller", controller.controller(), "cluster", controller.cluster());
    return List.of(
        Gauge.builder(
                "kubeward.controller.queue.depth", controller, ControllerStatistics::queueDepth)
            .description("Keys waiting in the controller's work queue")
            .tags(tags)
            .register(registry),
        Gauge.builder("kubeward.controller.leader", controller, c -> c.leading() ? 1 : 0)
            .description("1 while this replica leads the controller, else 0")
            .tags(tags)
            .register(registry),
        FunctionCounter.builder(
                "kubeward.controller.reconciles", controller, ControllerStatistics::reconciles)
            .description("Reconciles run")
            .tags(tags)
            .register(registry),
        FunctionCounter.builder(
                "kubeward.controller.reconcile.errors",
                controller,
                ControllerStatistics::reconcileErrors)
            .description("Reconciles that failed and were requeued")
            .tags(tags)
            .register(registry));
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
