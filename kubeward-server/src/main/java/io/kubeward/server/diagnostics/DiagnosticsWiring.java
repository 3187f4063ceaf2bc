package io.kubeward.server.diagnostics;

import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.diagnostics.app.DiagnosticsEngine;
import io.kubeward.diagnostics.app.DiagnosticsSettings;
import io.kubeward.diagnostics.app.FindingHistory;
import io.kubeward.diagnostics.app.ListFindings;
import io.kubeward.diagnostics.app.RunbookSource;
import io.kubeward.diagnostics.app.RunbookStore;
import io.kubeward.diagnostics.app.Runbooks;
import io.kubeward.diagnostics.domain.rules.DiagnosticRules;
import io.kubeward.runtime.kube.ControllerRuntime;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Diagnostics (ADR 0029): the engine over every cluster's cache with the rules of {@link
 * DiagnosticRules}, its timers (full pass every {@code full-pass-interval}, changed objects every
 * {@code debounce}, pruning of resolved findings every {@code prune-interval} where this replica
 * leads the cluster), the stores and the use cases.
 */
@Configuration(proxyBeanMethods = false)
class DiagnosticsWiring {

  private static final Logger log = LoggerFactory.getLogger(DiagnosticsWiring.class);

  @Bean
  DiagnosticsSettings diagnosticsSettings(DiagnosticsProperties properties) {
    return properties.settings();
  }

  @Bean
  FindingHistory findingHistory(JdbcClient jdbc, JsonMapper json) {
    return new JdbcFindingHistory(jdbc, json);
  }

  @Bean
  RunbookStore runbookStore(JdbcClient jdbc, TransactionTemplate tx) {
    return new JdbcRunbookStore(jdbc, tx);
  }

  @Bean
  RunbookSource runbookSource() {
    return new ClasspathRunbooks();
  }

  @Bean(destroyMethod = "close")
  DiagnosticsEngine diagnosticsEngine(
      ClusterRegistry clusters,
      DiagnosticsSettings settings,
      FindingHistory history,
      ControllerRuntime runtime,
      Clock clock) {
    return new DiagnosticsEngine(
        clusters,
        DiagnosticRules.all(settings.rules()),
        settings,
        history,
        runtime::leading,
        clock);
  }

  @Bean
  ListFindings listFindings(ClusterReads reads, DiagnosticsEngine engine, FindingHistory history) {
    return new ListFindings(reads, engine, history);
  }

  @Bean
  Runbooks runbooks(
      DiagnosticsEngine engine,
      RunbookSource source,
      RunbookStore store,
      AuditedAction audited,
      Clock clock) {
    return new Runbooks(engine, source, store, audited, clock);
  }

  /** The engine's timers: one daemon thread, so passes never overlap. */
  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService diagnosticsTimer(
      DiagnosticsEngine engine,
      DiagnosticsProperties properties,
      FindingHistory history,
      ClusterRegistry clusters,
      ControllerRuntime runtime,
      Clock clock) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("kubeward-diagnostics").factory());
    if (properties.enabled()) {
      long full = properties.fullPassInterval().toMillis();
      long debounce = properties.debounce().toMillis();
      // the first pass soon after start (caches list first), then every interval
      timer.scheduleWithFixedDelay(
          engine::fullPass, Math.min(full, 2_000), full, TimeUnit.MILLISECONDS);
      timer.scheduleWithFixedDelay(
          engine::processPending, debounce, debounce, TimeUnit.MILLISECONDS);
    }
    long prune = properties.pruneInterval().toMillis();
    timer.scheduleWithFixedDelay(
        () -> prune(history, clusters, runtime, properties, clock),
        prune,
        prune,
        TimeUnit.MILLISECONDS);
    return timer;
  }

  private static void prune(
      FindingHistory history,
      ClusterRegistry clusters,
      ControllerRuntime runtime,
      DiagnosticsProperties properties,
      Clock clock) {
    try {
      Set<String> known = new HashSet<>();
      clusters.all().stream().map(ManagedCluster::name).forEach(known::add);
      for (String cluster : history.clusters()) {
        // a removed cluster has no leader: any replica ages its findings out
        if (!known.contains(cluster) || runtime.leading(cluster)) {
          history.prune(
              cluster,
              clock.instant().minus(properties.resolvedRetention()),
              properties.maxResolvedPerCluster());
        }
      }
    } catch (RuntimeException e) {
      log.warn("Diagnostics: pruning resolved findings failed: {}", e.toString());
    }
  }
}
