package io.kubeward.server.backup.restore;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.domain.IdentityStamp;
import io.kubeward.audit.app.AuditLog;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.backup.app.ArchiveKeys;
import io.kubeward.backup.app.ArchiveSpool;
import io.kubeward.backup.app.ArchiveStores;
import io.kubeward.backup.app.restore.ManageRestores;
import io.kubeward.backup.app.restore.RestoreArchives;
import io.kubeward.backup.app.restore.RestoreResults;
import io.kubeward.backup.app.restore.SpooledRestoreArchives;
import io.kubeward.backup.domain.restore.RestoreObject;
import io.kubeward.backup.kube.restore.KubeRestoreGateway;
import io.kubeward.backup.reconcile.restore.RestoreController;
import io.kubeward.backup.reconcile.restore.RestoreSettings;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.runtime.kube.ControllerSpec;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires restores (ADR 0042): the archives opened from the storage locations (spooled, verified),
 * the results table, the use cases of the REST API, and the Restore controller on the controller
 * runtime, which acts as the identity stamped on each Restore ({@link IdentityStamp}, ADR 0040).
 */
@Configuration(proxyBeanMethods = false)
class RestoresWiring {

  @Bean
  RestoreArchives restoreArchives(ArchiveStores stores, ArchiveSpool spool, ArchiveKeys keys) {
    return new SpooledRestoreArchives(stores, spool, keys);
  }

  @Bean
  RestoreResults restoreResults(JdbcClient jdbc, Clock clock) {
    return new JdbcRestoreResults(jdbc, clock);
  }

  @Bean
  ManageRestores manageRestores(
      ClusterReads reads,
      Authorizer authorizer,
      AuditedAction audited,
      ClusterClients clients,
      IdentityStamp identityStamp,
      RestoreArchives archives,
      RestoreResults results,
      RestoreProperties properties,
      Clock clock) {
    return new ManageRestores(
        reads,
        authorizer,
        audited,
        new KubeRestoreGateway(clients, identityStamp, clock),
        archives,
        results,
        properties.previewLimit());
  }

  @Bean
  @ConditionalOnProperty(
      name = "kubeward.backups.restore.enabled",
      havingValue = "true",
      matchIfMissing = true)
  ControllerSpec<RestoreObject> restoreController(
      IdentityStamp identityStamp,
      ClusterClients clients,
      RestoreArchives archives,
      RestoreResults results,
      AuditLog auditLog,
      RestoreProperties properties) {
    return RestoreController.spec(
        identityStamp,
        clients::actingFor,
        archives,
        results,
        auditLog,
        new RestoreSettings(
            properties.parallelism(), properties.crdDeadline(), properties.progressInterval()));
  }
}
