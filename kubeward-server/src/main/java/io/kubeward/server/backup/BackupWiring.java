package io.kubeward.server.backup;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.domain.IdentityStamp;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.backup.app.ActingAs;
import io.kubeward.backup.app.ArchiveKeys;
import io.kubeward.backup.app.ArchiveStores;
import io.kubeward.backup.app.ManageBackups;
import io.kubeward.backup.domain.BackupObject;
import io.kubeward.backup.domain.BackupScheduleObject;
import io.kubeward.backup.kube.BackupIdentity;
import io.kubeward.backup.kube.KubeBackupStore;
import io.kubeward.backup.reconcile.BackupController;
import io.kubeward.backup.reconcile.BackupScheduleController;
import io.kubeward.backup.reconcile.BackupSettings;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.runtime.kube.ControllerSpec;
import io.kubeward.server.cluster.CredentialCipher;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires Backups and BackupSchedules (ADR 0041): the one {@link IdentityStamp} of Kubeward (ADR
 * 0040, its key derived from the credential key, never that key itself; every feature whose
 * controller acts for a person injects it), the Backup and BackupSchedule controllers on the
 * controller runtime, and the use cases of the REST API.
 */
@Configuration(proxyBeanMethods = false)
class BackupWiring {

  static final String ACTING_AS_KEY = "acting-as";

  /** The one identity stamp (ADR 0040). */
  @Bean
  IdentityStamp identityStamp(CredentialCipher credentialCipher) {
    return new IdentityStamp(() -> credentialCipher.derivedKey(ACTING_AS_KEY));
  }

  @Bean
  BackupIdentity backupIdentity(IdentityStamp stamp) {
    return new BackupIdentity(stamp);
  }

  @Bean
  @ConditionalOnMissingBean
  ScheduleClock scheduleClock(Clock clock) {
    return new ScheduleClock(clock);
  }

  @Bean
  @ConditionalOnProperty(
      name = "kubeward.backups.controller.enabled",
      havingValue = "true",
      matchIfMissing = true)
  ControllerSpec<BackupObject> backupController(
      ClusterClients clients,
      BackupIdentity identity,
      ObjectProvider<ArchiveStores> stores,
      ObjectProvider<ArchiveKeys> keys,
      BackupControllerProperties controller,
      BackupScheduleProperties schedule) {
    return BackupController.spec(
        clients,
        identity,
        stores::getObject,
        () -> {
          ArchiveKeys k = keys.getIfAvailable();
          return k == null ? null : k.sealer();
        },
        settings(controller, schedule));
  }

  @Bean
  @ConditionalOnProperty(
      name = "kubeward.backups.schedule.enabled",
      havingValue = "true",
      matchIfMissing = true)
  ControllerSpec<BackupScheduleObject> backupScheduleController(
      ClusterClients clients,
      BackupIdentity identity,
      ScheduleClock clock,
      BackupControllerProperties controller,
      BackupScheduleProperties schedule) {
    return BackupScheduleController.spec(
        clients, identity, clock.clock(), settings(controller, schedule));
  }

  private static BackupSettings settings(
      BackupControllerProperties controller, BackupScheduleProperties schedule) {
    return new BackupSettings(controller.progressInterval(), schedule.resync());
  }

  @Bean
  ManageBackups manageBackups(
      ClusterReads reads,
      Authorizer authorizer,
      AuditedAction audited,
      ClusterClients clients,
      BackupIdentity identity,
      ArchiveStores stores,
      ObjectProvider<ArchiveKeys> keys,
      Clock clock) {
    ActingAs actingAs = identity;
    return new ManageBackups(
        reads,
        authorizer,
        audited,
        KubeBackupStore.backups(clients),
        KubeBackupStore.schedules(clients),
        actingAs,
        stores,
        () -> {
          ArchiveKeys k = keys.getIfAvailable();
          return k != null && k.configured();
        },
        clock);
  }
}
