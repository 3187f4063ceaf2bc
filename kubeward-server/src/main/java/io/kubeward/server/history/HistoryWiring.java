package io.kubeward.server.history;

import io.kubeward.access.app.Authorizer;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.history.app.BuiltInHistory;
import io.kubeward.history.app.BuiltInSampler;
import io.kubeward.history.app.GetHistory;
import io.kubeward.history.app.GetHistoryStatus;
import io.kubeward.history.app.HistorySettings;
import io.kubeward.history.app.HistoryStore;
import io.kubeward.history.app.LiveUsage;
import io.kubeward.history.app.ManagePrometheus;
import io.kubeward.history.app.OutboundGuard;
import io.kubeward.history.app.PromLimits;
import io.kubeward.history.app.PrometheusApi;
import io.kubeward.history.app.PrometheusConfigStore;
import io.kubeward.history.app.PrometheusHistory;
import io.kubeward.history.app.RunPromql;
import io.kubeward.history.app.SnapshotUsage;
import io.kubeward.history.prometheus.JdkPrometheusClient;
import io.kubeward.runtime.kube.ControllerRuntime;
import io.kubeward.server.cluster.CredentialCipher;
import io.kubeward.server.cluster.EncryptedValues;
import io.kubeward.usage.app.UsageSnapshots;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * History, Prometheus and PromQL (ADR 0021): the stores, the bounded Prometheus client, the use
 * cases, and the built-in sampler's schedule (samples every {@code sample-interval}, compaction
 * every {@code compact-interval}; each cluster on a virtual thread of its own, never two passes of
 * one cluster at once, only where this replica leads the cluster's controllers).
 */
@Configuration(proxyBeanMethods = false)
class HistoryWiring {

  private static final Logger log = LoggerFactory.getLogger(HistoryWiring.class);

  @Bean
  HistorySettings historySettings(HistoryProperties properties) {
    return properties.settings();
  }

  @Bean
  PromLimits promLimits(HistoryProperties properties) {
    return properties.prometheus().limits();
  }

  @Bean
  OutboundGuard outboundGuard() {
    return new OutboundGuard(OutboundGuard.HostResolver.SYSTEM);
  }

  @Bean(destroyMethod = "close")
  JdkPrometheusClient prometheusApi(PromLimits limits, OutboundGuard guard) {
    return new JdkPrometheusClient(limits, guard);
  }

  @Bean
  PrometheusConfigStore prometheusConfigStore(JdbcClient jdbc, CredentialCipher cipher) {
    return new JdbcPrometheusConfigStore(jdbc, cipher);
  }

  /** Stored Prometheus secrets count when deciding whether a missing key file may be created. */
  @Bean
  EncryptedValues prometheusSecrets(JdbcClient jdbc) {
    return () -> JdbcPrometheusConfigStore.encryptedValues(jdbc);
  }

  @Bean
  HistoryStore historyStore(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx) {
    return new JdbcHistoryStore(jdbc, batch, tx);
  }

  @Bean
  PrometheusHistory prometheusHistory(
      PrometheusConfigStore configs, PrometheusApi api, Clock clock) {
    return new PrometheusHistory(configs, api, clock);
  }

  @Bean
  BuiltInHistory builtInHistory(HistoryStore store, HistorySettings settings, Clock clock) {
    return new BuiltInHistory(store, settings, clock);
  }

  @Bean
  GetHistory getHistory(
      ClusterReads reads,
      Authorizer authorizer,
      PrometheusHistory prometheus,
      BuiltInHistory builtIn,
      HistorySettings settings,
      Clock clock) {
    return new GetHistory(reads, authorizer, prometheus, builtIn, settings, clock);
  }

  @Bean
  RunPromql runPromql(
      ClusterReads reads,
      Authorizer authorizer,
      PrometheusConfigStore configs,
      PrometheusApi api,
      PromLimits limits,
      Clock clock) {
    return new RunPromql(reads, authorizer, configs, api, limits, clock);
  }

  @Bean
  ManagePrometheus managePrometheus(
      ClusterReads reads,
      PrometheusConfigStore store,
      PrometheusApi api,
      OutboundGuard guard,
      PrometheusHistory history,
      AuditedAction audited,
      PromLimits limits,
      Clock clock) {
    return new ManagePrometheus(reads, store, api, guard, history, audited, limits, clock);
  }

  @Bean
  GetHistoryStatus getHistoryStatus(
      HistoryStore store,
      PrometheusConfigStore prometheus,
      HistorySettings settings,
      ClusterRegistry clusters) {
    return new GetHistoryStatus(
        store,
        prometheus,
        settings,
        () -> clusters.all().stream().map(ManagedCluster::name).toList());
  }

  /** The usage feature's shared metrics snapshot (Kubeward's own identity, ADR 0019). */
  @Bean
  LiveUsage liveUsage(UsageSnapshots snapshots, ClusterRegistry clusters) {
    return new SnapshotUsage(snapshots, clusters);
  }

  @Bean
  BuiltInSampler builtInSampler(
      HistoryStore store,
      LiveUsage usage,
      PrometheusConfigStore prometheus,
      HistorySettings settings,
      Clock clock) {
    return new BuiltInSampler(store, usage, prometheus, settings, clock);
  }

  @Bean(destroyMethod = "close")
  Schedule historySchedule(
      BuiltInSampler sampler,
      HistoryStore store,
      ClusterRegistry clusters,
      ControllerRuntime runtime,
      HistorySettings settings) {
    return new Schedule(sampler, store, clusters, runtime, settings);
  }

  /** The sampler's and the compaction's timers. */
  static final class Schedule implements AutoCloseable {
    private final BuiltInSampler sampler;
    private final HistoryStore store;
    private final ClusterRegistry clusters;
    private final ControllerRuntime runtime;
    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("kubeward-history").factory());
    private final ExecutorService passes =
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("kubeward-history-", 0).factory());
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();

    Schedule(
        BuiltInSampler sampler,
        HistoryStore store,
        ClusterRegistry clusters,
        ControllerRuntime runtime,
        HistorySettings settings) {
      this.sampler = sampler;
      this.store = store;
      this.clusters = clusters;
      this.runtime = runtime;
      if (settings.enabled()) {
        long sample = settings.sampleInterval().toMillis();
        timer.scheduleAtFixedRate(this::sampleAll, sample, sample, TimeUnit.MILLISECONDS);
      }
      long compact = settings.compactInterval().toMillis();
      timer.scheduleWithFixedDelay(this::compactAll, compact, compact, TimeUnit.MILLISECONDS);
    }

    private void sampleAll() {
      for (ManagedCluster cluster : clusters.all()) {
        String name = cluster.name();
        once(
            "sample:" + name,
            () -> {
              if (runtime.leading(name)) {
                sampler.sample(name, runtime::leading);
              }
            });
      }
    }

    private void compactAll() {
      Set<String> known = new HashSet<>();
      for (ManagedCluster cluster : clusters.all()) {
        known.add(cluster.name());
      }
      try {
        for (String name : store.clusters()) {
          // a removed cluster has no leader: any replica ages its history out
          if (!known.contains(name) || runtime.leading(name)) {
            once("compact:" + name, () -> sampler.compact(name));
          }
        }
      } catch (RuntimeException e) {
        log.warn("History: listing the clusters with history failed: {}", e.toString());
      }
    }

    private void once(String key, Runnable pass) {
      AtomicBoolean busy = running.computeIfAbsent(key, k -> new AtomicBoolean());
      if (!busy.compareAndSet(false, true)) {
        return;
      }
      try {
        passes.execute(
            () -> {
              try {
                pass.run();
              } catch (RuntimeException e) {
                log.warn("History: {} failed: {}", key, e.toString());
              } finally {
                busy.set(false);
              }
            });
      } catch (RuntimeException e) {
        busy.set(false);
      }
    }

    @Override
    public void close() {
      timer.shutdownNow();
      passes.shutdownNow();
    }
  }
}
