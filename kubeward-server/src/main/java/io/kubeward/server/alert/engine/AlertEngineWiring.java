package io.kubeward.server.alert.engine;

import io.kubeward.alert.app.AlertDispatcher;
import io.kubeward.alert.app.AlertRuleSource;
import io.kubeward.alert.app.engine.AlertEngine;
import io.kubeward.alert.app.engine.AlertEngineSettings;
import io.kubeward.alert.app.engine.AlertHistoryLog;
import io.kubeward.alert.app.engine.AlertStates;
import io.kubeward.alert.app.engine.ListAlerts;
import io.kubeward.alert.app.engine.SiteLeader;
import io.kubeward.alert.app.engine.SiteLease;
import io.kubeward.alert.app.engine.SiteRules;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.diagnostics.app.DiagnosticsEngine;
import io.kubeward.node.health.app.NodeHealthMonitor;
import io.kubeward.runtime.kube.ControllerRuntime;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert engine (ADR 0031): the stores ({@code AlertStore}/{@code AlertHistory} for the other
 * alerting parts), the site leader, the engine and its timers: every cluster where this replica
 * leads the cluster's controllers and the site where it is the site leader every {@code
 * evaluation-interval}; a cluster nudged by a finding or node health event after {@code
 * nudge-debounce}; the site lease every {@code site-lease-renew}; the retention (site leader only)
 * every few minutes. Each scope's evaluation runs on a virtual thread of its own, never two at
 * once.
 */
@Configuration(proxyBeanMethods = false)
class AlertEngineWiring {

  private static final Logger log = LoggerFactory.getLogger(AlertEngineWiring.class);

  @Bean
  AlertEngineSettings alertEngineSettings(AlertEngineProperties properties) {
    return properties.settings();
  }

  /** Also the {@code AlertStore} routing reads. */
  @Bean
  AlertStates alertStates(JdbcClient jdbc, TransactionTemplate tx, JsonMapper json) {
    return new JdbcAlertStates(jdbc, tx, json);
  }

  /** Also the {@code AlertHistory} every alerting part records into. */
  @Bean
  AlertHistoryLog alertHistory(JdbcClient jdbc) {
    return new JdbcAlertHistory(jdbc);
  }

  @Bean
  SiteLease alertSiteLease(JdbcClient jdbc) {
    return new JdbcSiteLease(jdbc);
  }

  @Bean
  SiteLeader siteLeader(
      SiteLease lease, ControllerRuntime runtime, AlertEngineSettings settings, Clock clock) {
    return new SiteLeader(lease, runtime.identity(), settings, clock);
  }

  /** Whether this replica is the site leader: routing dispatches the site scope only there. */
  @Bean
  BooleanSupplier alertSiteLeader(SiteLeader leader) {
    return leader::leading;
  }

  @Bean
  AlertEngineMeters alertEngineMeters(MeterRegistry registry) {
    return new AlertEngineMeters(registry);
  }

  @Bean
  AlertEngine alertEngine(
      AlertRuleSource rules,
      ControllerRuntime runtime,
      SiteLeader leader,
      ClusterRegistry clusters,
      AlertStates store,
      AlertHistoryLog history,
      AlertDispatcher dispatcher,
      AlertEngineSettings settings,
      AlertEngineMeters meters,
      DiagnosticsEngine diagnostics,
      NodeHealthMonitor nodeHealth,
      Clock clock) {
    AlertEngine engine =
        new AlertEngine(
            AlertEngine.scopeRules(
                rules,
                runtime::leading,
                new SiteRules(
                    clusters, leader, settings.clusterUnreachableFor(), SiteRules.firingIn(store))),
            store,
            history,
            dispatcher,
            settings,
            clock,
            meters);
    diagnostics.addListener(engine);
    nodeHealth.addListener(engine);
    meters.bind(() -> engine, leader);
    return engine;
  }

  @Bean
  ListAlerts listAlerts(
      AlertStates store, AlertHistoryLog history, ClusterRegistry clusters, ClusterReads reads) {
    return new ListAlerts(store, history, clusters, reads);
  }

  @Bean(destroyMethod = "close")
  Schedule alertEngineSchedule(
      AlertEngine engine,
      SiteLeader leader,
      ClusterRegistry clusters,
      AlertStates store,
      AlertHistoryLog history,
      AlertEngineProperties properties,
      Clock clock) {
    return new Schedule(engine, leader, clusters, store, history, properties, clock);
  }

  /** The engine's timers. */
  static final class Schedule implements AutoCloseable {
    private static final long PURGE_MILLIS = TimeUnit.MINUTES.toMillis(5);

    private final AlertEngine engine;
    private final SiteLeader leader;
    private final ClusterRegistry clusters;
    private final AlertStates store;
    private final AlertHistoryLog history;
    private final AlertEngineProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("kubeward-alerting").factory());
    private final ExecutorService passes =
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("kubeward-alerting-", 0).factory());
    private final Map<AlertScope, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final Map<AlertScope, AtomicBoolean> again = new ConcurrentHashMap<>();

    Schedule(
        AlertEngine engine,
        SiteLeader leader,
        ClusterRegistry clusters,
        AlertStates store,
        AlertHistoryLog history,
        AlertEngineProperties properties,
        Clock clock) {
      this.engine = engine;
      this.leader = leader;
      this.clusters = clusters;
      this.store = store;
      this.history = history;
      this.properties = properties;
      this.clock = clock;
      long renew = properties.siteLeaseRenew().toMillis();
      timer.scheduleWithFixedDelay(this::renewLease, 0, renew, TimeUnit.MILLISECONDS);
      if (properties.enabled()) {
        long interval = properties.evaluationInterval().toMillis();
        timer.scheduleAtFixedRate(
            this::evaluateAll, Math.min(interval, 2_000), interval, TimeUnit.MILLISECONDS);
        long nudge = Math.max(50, properties.nudgeDebounce().toMillis());
        timer.scheduleWithFixedDelay(this::evaluateNudged, nudge, nudge, TimeUnit.MILLISECONDS);
      }
      timer.scheduleWithFixedDelay(this::purge, PURGE_MILLIS, PURGE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void renewLease() {
      boolean before = leader.leading();
      leader.renew();
      if (properties.enabled() && leader.leading() != before) {
        evaluate(AlertScope.site());
      }
    }

    private void evaluateAll() {
      engine.forgetUnowned();
      for (ManagedCluster cluster : clusters.all()) {
        evaluate(AlertScope.ofCluster(cluster.name()));
      }
      evaluate(AlertScope.site());
    }

    private void evaluateNudged() {
      for (String cluster : engine.takeNudged()) {
        evaluate(AlertScope.ofCluster(cluster));
      }
    }

    /** Evaluates a scope on a virtual thread; if one runs, once more right after it. */
    private void evaluate(AlertScope scope) {
      AtomicBoolean busy = running.computeIfAbsent(scope, k -> new AtomicBoolean());
      AtomicBoolean repeat = again.computeIfAbsent(scope, k -> new AtomicBoolean());
      if (!busy.compareAndSet(false, true)) {
        repeat.set(true);
        return;
      }
      try {
        passes.execute(
            () -> {
              try {
                do {
                  repeat.set(false);
                  try {
                    engine.evaluate(scope);
                  } catch (RuntimeException e) {
                    log.warn("Alerting: evaluating {} failed: {}", scope.key(), e.toString());
                  }
                } while (repeat.get());
              } finally {
                busy.set(false);
              }
              if (repeat.get()) {
                evaluate(scope); // nudged between the last pass and the release
              }
            });
      } catch (RuntimeException e) {
        busy.set(false);
      }
    }

    /** The retention, by the site leader only (one replica deletes, the others read). */
    private void purge() {
      if (!leader.leading()) {
        return;
      }
      try {
        int entries = history.purge(clock.instant().minus(properties.historyRetention()));
        int alerts = store.purgeResolved(clock.instant().minus(properties.resolvedRetention()));
        if (entries + alerts > 0) {
          log.info(
              "Alerting: retention removed {} history entries and {} resolved alerts",
              entries,
              alerts);
        }
      } catch (RuntimeException e) {
        log.warn("Alerting: the retention failed: {}", e.toString());
      }
    }

    @Override
    public void close() {
      timer.shutdownNow();
      passes.shutdownNow();
      leader.release();
    }
  }
}
