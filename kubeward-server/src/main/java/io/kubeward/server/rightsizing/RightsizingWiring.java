package io.kubeward.server.rightsizing;

import io.kubeward.access.app.Authorizer;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.history.app.HistorySettings;
import io.kubeward.history.app.HistoryStore;
import io.kubeward.history.app.PrometheusHistory;
import io.kubeward.resource.kube.JacksonObjectCodec;
import io.kubeward.rightsizing.app.HistoryUsageSamples;
import io.kubeward.rightsizing.app.ListRecommendations;
import io.kubeward.rightsizing.app.RightsizingChangeStore;
import io.kubeward.rightsizing.app.RightsizingChanges;
import io.kubeward.rightsizing.app.RightsizingSettings;
import io.kubeward.rightsizing.app.UsageSamples;
import io.kubeward.workload.kube.ops.KubeWorkloadOps;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Right-sizing (ADR 0048): recommendations from the history feature's container series, changes
 * applied and reverted with the caller's identity through the workload operations' adapter.
 */
@Configuration(proxyBeanMethods = false)
class RightsizingWiring {

  @Bean
  RightsizingSettings rightsizingSettings(RightsizingProperties properties) {
    return properties.settings();
  }

  @Bean
  RightsizingChangeStore rightsizingChangeStore(JdbcClient jdbc) {
    return new JdbcRightsizingChangeStore(jdbc);
  }

  @Bean
  UsageSamples rightsizingUsageSamples(
      HistoryStore store, PrometheusHistory prometheus, HistorySettings history, Clock clock) {
    return new HistoryUsageSamples(store, prometheus, history, clock);
  }

  @Bean
  ListRecommendations listRecommendations(
      ClusterReads reads,
      Authorizer authorizer,
      UsageSamples usage,
      RightsizingSettings settings,
      Clock clock) {
    return new ListRecommendations(reads, authorizer, usage, settings, clock);
  }

  @Bean
  RightsizingChanges rightsizingChanges(
      ClusterReads reads,
      Authorizer authorizer,
      AuditedAction audited,
      ClusterClients clients,
      RightsizingChangeStore store,
      UsageSamples usage,
      RightsizingSettings settings,
      Clock clock) {
    return new RightsizingChanges(
        reads,
        authorizer,
        audited,
        new KubeWorkloadOps(clients),
        store,
        usage,
        settings,
        new JacksonObjectCodec(),
        clock);
  }
}
