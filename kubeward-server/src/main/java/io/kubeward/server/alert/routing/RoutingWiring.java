package io.kubeward.server.alert.routing;

import io.kubeward.access.app.Authorizer;
import io.kubeward.alert.app.AlertHistory;
import io.kubeward.alert.app.AlertStore;
import io.kubeward.alert.app.NotificationSender;
import io.kubeward.alert.app.routing.CurrentPolicy;
import io.kubeward.alert.app.routing.MaintainedNodes;
import io.kubeward.alert.app.routing.ManagePolicy;
import io.kubeward.alert.app.routing.ManageSilences;
import io.kubeward.alert.app.routing.NotificationLog;
import io.kubeward.alert.app.routing.PolicyStore;
import io.kubeward.alert.app.routing.RoutingDispatcher;
import io.kubeward.alert.app.routing.ScopeOwnership;
import io.kubeward.alert.app.routing.SilenceStore;
import io.kubeward.alert.app.routing.SuppressionLog;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.kube.routing.KubeMaintainedNodes;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.runtime.kube.ControllerRuntime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alert routing (ADR 0032): the stores, the dispatcher (leader-only: a cluster's scope where this
 * replica leads the cluster's controllers, the site scope where it is the site leader), the use
 * cases and the purge timer.
 */
@Configuration(proxyBeanMethods = false)
class RoutingWiring {

  private static final Logger log = LoggerFactory.getLogger(RoutingWiring.class);

  @Bean
  PolicyStore alertPolicyStore(JdbcClient jdbc, JsonMapper json) {
    return new JdbcPolicyStore(jdbc, json);
  }

  @Bean
  SilenceStore silenceStore(JdbcClient jdbc, JsonMapper json) {
    return new JdbcSilenceStore(jdbc, json);
  }

  @Bean
  NotificationLog notificationLog(JdbcClient jdbc, JsonMapper json) {
    return new JdbcNotificationLog(jdbc, json);
  }

  @Bean
  SuppressionLog alertSuppressionLog(JdbcClient jdbc, Clock clock) {
    return new JdbcSuppressionLog(jdbc, clock);
  }

  @Bean
  CurrentPolicy currentAlertPolicy(PolicyStore store) {
    return new CurrentPolicy(store);
  }

  @Bean
  MaintainedNodes maintainedNodes(
      ClusterClients clients, AlertRoutingProperties properties, Clock clock) {
    return new KubeMaintainedNodes(clients, properties.maintenanceRefresh(), clock);
  }

  @Bean
  ScopeOwnership alertScopeOwnership(
      ClusterRegistry clusters,
      ControllerRuntime runtime,
      @Qualifier("alertSiteLeader") BooleanSupplier siteLeader) {
    return new ScopeOwnership() {
      @Override
      public boolean owns(AlertScope scope) {
        return scope.isSite()
            ? siteLeader.getAsBoolean()
            : clusters.find(scope.cluster()).isPresent() && runtime.leading(scope.cluster());
      }

      @Override
      public List<AlertScope> owned() {
        List<AlertScope> out = new ArrayList<>();
        for (ManagedCluster c : clusters.all()) {
          if (runtime.leading(c.name())) {
            out.add(AlertScope.ofCluster(c.name()));
          }
        }
        if (siteLeader.getAsBoolean()) {
          out.add(AlertScope.site());
        }
        return out;
      }
    };
  }

  @Bean(destroyMethod = "close")
  RoutingDispatcher alertDispatcher(
      AlertStore alerts,
      NotificationSender sender,
      AlertHistory history,
      CurrentPolicy policy,
      SilenceStore silences,
      NotificationLog notificationLog,
      SuppressionLog suppressions,
      MaintainedNodes maintained,
      ScopeOwnership ownership,
      AlertRoutingProperties properties,
      Clock clock) {
    RoutingDispatcher dispatcher =
        new RoutingDispatcher(
            alerts,
            sender,
            history,
            policy,
            silences,
            notificationLog,
            suppressions,
            maintained,
            ownership,
            clock);
    dispatcher.start(properties.dispatchInterval());
    return dispatcher;
  }

  @Bean
  ManagePolicy manageAlertPolicy(
      PolicyStore store,
      SilenceStore silences,
      AlertStore alerts,
      MaintainedNodes maintained,
      AuditedAction audited,
      JsonMapper json,
      Clock clock) {
    JsonMapper pretty = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    return new ManagePolicy(
        store, silences, alerts, maintained, audited, pretty::writeValueAsString, clock);
  }

  @Bean
  ManageSilences manageSilences(
      SilenceStore store,
      AuditedAction audited,
      Authorizer authorizer,
      AlertHistory history,
      AlertRoutingProperties properties,
      Clock clock) {
    return new ManageSilences(
        store,
        audited,
        authorizer,
        history,
        () -> UUID.randomUUID().toString(),
        properties.silenceMaxDuration(),
        clock);
  }

  /**
   * Deletes expired silences, old notification log entries and holds (every replica: idempotent).
   */
  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService alertRoutingPurge(
      SilenceStore silences,
      NotificationLog notificationLog,
      SuppressionLog suppressions,
      AlertRoutingProperties properties,
      Clock clock) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("kubeward-alert-routing-purge").factory());
    long every = properties.purgeInterval().toMillis();
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            var now = clock.instant();
            silences.purgeExpired(now.minus(properties.silenceRetention()));
            notificationLog.purge(now.minus(properties.notificationLogRetention()));
            suppressions.purge(now.minus(properties.notificationLogRetention()));
          } catch (RuntimeException e) {
            log.warn("Alert routing purge failed: {}", e.toString());
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
    return timer;
  }
}
