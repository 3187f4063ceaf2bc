package io.kubeward.server.alert.rules;

import io.kubeward.access.app.Authorizer;
import io.kubeward.alert.app.AlertRuleSource;
import io.kubeward.alert.app.rule.ActiveFindings;
import io.kubeward.alert.app.rule.AlertRuleSet;
import io.kubeward.alert.app.rule.ManageAlertRules;
import io.kubeward.alert.app.rule.RuleEvaluator;
import io.kubeward.alert.app.rule.RuleSettings;
import io.kubeward.alert.domain.rule.AlertRuleObject;
import io.kubeward.alert.domain.rule.RuleKind;
import io.kubeward.alert.kube.rule.KubeAlertRuleStore;
import io.kubeward.alert.kube.rule.TlsApiserverCertificates;
import io.kubeward.alert.reconcile.AlertRuleController;
import io.kubeward.alert.reconcile.AlertRuleUpkeep;
import io.kubeward.alert.reconcile.DefaultAlertRules;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.diagnostics.app.DiagnosticsEngine;
import io.kubeward.diagnostics.domain.Finding;
import io.kubeward.history.app.PrometheusApi;
import io.kubeward.history.app.PrometheusConfigStore;
import io.kubeward.node.health.app.NodeHealthMonitor;
import io.kubeward.runtime.kube.ControllerRuntime;
import io.kubeward.runtime.kube.ControllerSpec;
import io.kubeward.runtime.kube.SystemClients;
import io.kubeward.server.controllers.ControllersProperties;
import io.kubeward.usage.app.UsageSnapshots;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires alert rules (ADR 0030): the AlertRule and ClusterAlertRule controllers (two {@link
 * ControllerSpec}s the controller runtime runs in every cluster), the in-memory rule set they feed,
 * the {@link AlertRuleSource} the engine evaluates through, the upkeep (default rules, lead lost)
 * and the use cases of the REST API.
 */
@Configuration(proxyBeanMethods = false)
class AlertRulesWiring {

  @Bean
  AlertRuleSet alertRuleSet() {
    return new AlertRuleSet();
  }

  @Bean
  @ConditionalOnProperty(
      name = "kubeward.alerting.rules.enabled",
      havingValue = "true",
      matchIfMissing = true)
  ControllerSpec<AlertRuleObject> alertRuleController(AlertRuleSet ruleSet) {
    return AlertRuleController.spec(RuleKind.AlertRule, ruleSet);
  }

  @Bean
  @ConditionalOnProperty(
      name = "kubeward.alerting.rules.enabled",
      havingValue = "true",
      matchIfMissing = true)
  ControllerSpec<AlertRuleObject> clusterAlertRuleController(AlertRuleSet ruleSet) {
    return AlertRuleController.spec(RuleKind.ClusterAlertRule, ruleSet);
  }

  @Bean
  RuleEvaluator alertRuleSource(
      AlertRuleSet ruleSet,
      ClusterRegistry clusters,
      DiagnosticsEngine diagnostics,
      NodeHealthMonitor nodeHealth,
      UsageSnapshots usage,
      PrometheusConfigStore prometheusConfigs,
      PrometheusApi prometheus,
      ClusterClients clients,
      AlertRulesProperties properties,
      Clock clock) {
    ActiveFindings findings =
        new ActiveFindings() {
          @Override
          public boolean evaluated(String cluster) {
            return diagnostics.evaluated(cluster);
          }

          @Override
          public List<Finding> active(String cluster) {
            return diagnostics.active(cluster);
          }
        };
    return new RuleEvaluator(
        ruleSet,
        clusters,
        findings,
        nodeHealth,
        usage,
        prometheusConfigs,
        prometheus,
        new TlsApiserverCertificates(
            clients::kubeward,
            properties.certificateTimeout(),
            properties.certificateCacheFor(),
            clock),
        new RuleSettings(properties.maxSamples()));
  }

  @Bean
  AlertRuleUpkeep alertRuleUpkeep(
      ClusterRegistry clusters,
      ControllerRuntime runtime,
      SystemClients systemClients,
      AlertRuleSet ruleSet,
      ControllersProperties controllers,
      AlertRulesProperties properties,
      Clock clock) {
    return new AlertRuleUpkeep(
        clusters,
        runtime,
        systemClients,
        ruleSet,
        new DefaultAlertRules(controllers.namespace(), clock),
        properties.defaultRules());
  }

  /** Runs {@link AlertRuleUpkeep#tick()} on one daemon thread every upkeep interval. */
  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService alertRuleUpkeepTimer(
      AlertRuleUpkeep upkeep, AlertRulesProperties properties) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "kubeward-alert-rules");
              thread.setDaemon(true);
              return thread;
            });
    if (properties.enabled()) {
      long millis = properties.upkeepInterval().toMillis();
      timer.scheduleWithFixedDelay(upkeep::tick, millis, millis, TimeUnit.MILLISECONDS);
    }
    return timer;
  }

  @Bean
  ManageAlertRules manageAlertRules(
      ClusterReads reads, Authorizer authorizer, AuditedAction audited, ClusterClients clients) {
    return new ManageAlertRules(reads, authorizer, audited, new KubeAlertRuleStore(clients));
  }
}
