package io.kubeward.server.audit;

import io.kubeward.access.app.Authorizer;
import io.kubeward.audit.app.AuditLog;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.audit.app.ReadAuditLog;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit boundary every mutating use case goes through, and reading the audit log. */
@Configuration(proxyBeanMethods = false)
public class AuditWiring {

  @Bean
  AuditLog auditLog(JdbcClient jdbc, TransactionTemplate tx) {
    return new JdbcAuditLog(jdbc, tx);
  }

  @Bean
  AuditedAction auditedAction(AuditLog auditLog, Authorizer authorizer, Clock clock) {
    return new AuditedAction(auditLog, authorizer, clock);
  }

  @Bean
  ReadAuditLog readAuditLog(AuditLog auditLog) {
    return new ReadAuditLog(auditLog);
  }
}
