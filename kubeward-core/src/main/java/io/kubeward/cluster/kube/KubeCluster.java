package io.kubeward.cluster.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.access.domain.ClusterAccess;
import io.kubeward.cluster.app.CacheStatistics;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.ControlPlaneHealth;
import io.kubeward.cluster.domain.IndexedViews;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ProbeSettings;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.cluster.domain.ViewChange;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster Kubeward manages: its client, its shared cache and its reachability probe. Starting it
 * never waits for, nor fails because of, the cluster's API: an unreachable cluster is a state, not
 * an error.
 */
public final class KubeCluster implements ManagedCluster {

  private static final Logger log = LoggerFactory.getLogger(KubeCluster.class);

  /**
   * How often Kubeward checks whether it may impersonate users (also after every outage), unless
   * configured ({@code kubeward.access.check-interval}).
   */
  public static final java.time.Duration DEFAULT_ACCESS_CHECK_INTERVAL =
      java.time.Duration.ofMinutes(1);

  private final ClusterConnection connection;
  private final Source source;
  private final KubernetesClient client;
  private final KubernetesClient probeClient;
  private final KubernetesClient cacheClient;
  private final ClusterCache cache;
  private final ReachabilityProbe probe;
  private final ScheduledExecutorService scheduler;
  private final AccessWatch accessWatch;

  private KubeCluster(
      ClusterConnection connection,
      Source source,
      ProbeSettings probeSettings,
      java.time.Duration accessCheckInterval,
      Clock clock) {
    this.connection = connection;
    this.source = source;
    this.client = connection.newClient();
    this.probeClient = connection.newProbeClient(probeSettings.timeout());
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("kubeward-probe-" + connection.name()).factory());
    this.probe =
        new ReachabilityProbe(
            connection.name(), probeClient, probeSettings, clock, System::nanoTime);
    this.cacheClient = connection.newCacheClient();
    this.cache = ClusterCache.start(connection.name(), cacheClient, clock);
    this.accessWatch = new AccessWatch(connection.name(), client, clock);
    cache.addListener(
        change -> {
          if (change.kind() == CachedKind.NAMESPACES) {
            accessWatch.changed();
          }
        });
    probe.onRecovery(
        state -> {
          cache.restartStopped();
          scheduler.execute(accessWatch::check);
        });
    probe.start(scheduler);
    accessWatch.start();
    scheduler.scheduleWithFixedDelay(
        accessWatch::check,
        0,
        accessCheckInterval.toMillis(),
        java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** Connects (lazily: no request is sent here), starts the cache and the probe. */
  public static KubeCluster start(
      ClusterConnection connection, ProbeSettings probeSettings, Clock clock) {
    return start(connection, Source.KUBECONFIG, probeSettings, clock);
  }

  public static KubeCluster start(
      ClusterConnection connection, Source source, ProbeSettings probeSettings, Clock clock) {
    return start(connection, source, probeSettings, DEFAULT_ACCESS_CHECK_INTERVAL, clock);
  }

  /**
   * @param accessCheckInterval how often Kubeward checks whether it may impersonate users there
   *     (positive)
   */
  public static KubeCluster start(
      ClusterConnection connection,
      Source source,
      ProbeSettings probeSettings,
      java.time.Duration accessCheckInterval,
      Clock clock) {
    if (accessCheckInterval == null
        || accessCheckInterval.isNegative()
        || accessCheckInterval.toMillis() < 1) {
      throw new IllegalArgumentException("the access check interval must be positive");
    }
    log.info("Cluster {}: watching {}", connection.name(), connection.serverUrl());
    return new KubeCluster(connection, source, probeSettings, accessCheckInterval, clock);
  }

  @Override
  public String name() {
    return connection.name();
  }

  @Override
  public Source source() {
    return source;
  }

  @Override
  public Reachability reachability() {
    return probe.current();
  }

  @Override
  public boolean cacheSynced() {
    return cache.hasSynced();
  }

  @Override
  public boolean cacheSynced(Set<CachedKind> kinds) {
    return cache.hasSynced(kinds);
  }

  @Override
  public ClusterSnapshot snapshot() {
    return cache.snapshot();
  }

  @Override
  public IndexedViews<? extends KubeObjectView> views(CachedKind kind) {
    return cache.views(kind);
  }

  @Override
  public void addListener(Consumer<ViewChange> listener) {
    cache.addListener(listener);
  }

  @Override
  public void removeListener(Consumer<ViewChange> listener) {
    cache.removeListener(listener);
  }

  @Override
  public ClusterAccess access() {
    return accessWatch.access();
  }

  @Override
  public long accessGeneration() {
    return accessWatch.generation();
  }

  @Override
  public List<CacheStatistics> cacheStatistics() {
    return cache.statistics();
  }

  @Override
  public ControlPlaneHealth controlPlaneHealth() {
    return probe.controlPlaneHealth();
  }

  /** The shared client, for writes through the API (reads go through the cache). */
  public KubernetesClient client() {
    return client;
  }

  @Override
  public void close() {
    probe.stop();
    accessWatch.close();
    scheduler.shutdownNow();
    cache.close();
    client.close();
    cacheClient.close();
    probeClient.close();
  }
}
