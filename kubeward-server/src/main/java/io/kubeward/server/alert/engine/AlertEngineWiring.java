package io.kubeward.server.alert.engine;

import io.kubeward.alert.app.engine.AlertEngineSettings;
import io.kubeward.alert.app.engine.AlertHistoryLog;
import io.kubeward.alert.app.engine.AlertStates;
import io.kubeward.alert.app.engine.SiteLease;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert engine (ADR 0031): the stores ({@code AlertStore}/{@code AlertHistory} for the other
 * alerting parts), the evaluation loop, the site leader and the use cases.
 */
@Configuration(proxyBeanMethods = false)
class AlertEngineWiring {

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
}
