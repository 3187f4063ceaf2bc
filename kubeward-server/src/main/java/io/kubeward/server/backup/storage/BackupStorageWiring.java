package io.kubeward.server.backup.storage;

import io.kubeward.audit.app.AuditedAction;
import io.kubeward.backup.app.ArchiveKeys;
import io.kubeward.backup.app.ArchiveSpool;
import io.kubeward.backup.app.ArchiveStore;
import io.kubeward.backup.app.BackupLocationStore;
import io.kubeward.backup.app.ManageBackupLocations;
import io.kubeward.history.app.OutboundGuard;
import io.kubeward.server.cluster.CredentialCipher;
import io.kubeward.server.cluster.EncryptedValues;
import io.kubeward.server.persistence.PersistenceProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Archive storage (ADR 0040): the {@code local} folder, the S3 locations, the {@code ArchiveStores}
 * every backup, restore and etcd snapshot goes through, the archive keys, the spool and the use
 * cases of the locations.
 */
@Configuration(proxyBeanMethods = false)
class BackupStorageWiring {

  private static final Logger log = LoggerFactory.getLogger(BackupStorageWiring.class);

  @Bean
  LocalDirectoryStore localDirectoryStore(
      BackupsProperties properties, PersistenceProperties persistence) {
    LocalDirectoryStore store =
        new LocalDirectoryStore(
            io.kubeward.backup.domain.BackupLocation.LOCAL,
            properties.directory(persistence.dataDir()));
    try {
      store.prepare();
      int removed = store.cleanLeftovers();
      if (removed > 0) {
        log.info("Deleted {} unfinished upload(s) in {}", removed, store.root());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "kubeward.backups.directory " + store.root() + " cannot be used: " + e, e);
    }
    return store;
  }

  @Bean
  BackupLocationStore backupLocationStore(JdbcClient jdbc, CredentialCipher cipher) {
    return new JdbcBackupLocationStore(jdbc, cipher);
  }

  /** Stored location credentials count when deciding whether a missing key file may be created. */
  @Bean
  EncryptedValues backupLocationCredentials(JdbcClient jdbc) {
    return () -> JdbcBackupLocationStore.encryptedValues(jdbc);
  }

  @Bean(destroyMethod = "close")
  ConfiguredArchiveStores archiveStores(
      LocalDirectoryStore local,
      BackupLocationStore locations,
      OutboundGuard guard,
      BackupsProperties properties) {
    return new ConfiguredArchiveStores(local, locations, guard, s3Stores(properties));
  }

  static java.util.function.Function<BackupLocationStore.Stored, ArchiveStore> s3Stores(
      BackupsProperties properties) {
    return stored -> S3ArchiveStore.of(stored, properties.s3());
  }

  @Bean
  ArchiveKeys archiveKeys(BackupsProperties properties) {
    ArchiveKeys keys = properties.encryption().archiveKeys();
    if (keys.configured()) {
      log.info(
          "Archive encryption: Secrets are sealed with key {} ({} key(s) configured)",
          keys.sealer().keyId(),
          keys.sealer().keyIds().size());
    }
    return keys;
  }

  @Bean
  ArchiveSpool archiveSpool(BackupsProperties properties, PersistenceProperties persistence) {
    ArchiveSpool spool =
        new ArchiveSpool(
            properties.spoolDirectory(persistence.dataDir()),
            properties.maxArchiveSize().toBytes());
    try {
      spool.cleanLeftovers();
    } catch (IOException e) {
      log.warn("Cannot clean the archive spool: {}", e.toString());
    }
    return spool;
  }

  @Bean
  ManageBackupLocations manageBackupLocations(
      BackupLocationStore store,
      ConfiguredArchiveStores stores,
      OutboundGuard guard,
      AuditedAction audited,
      Clock clock) {
    return new ManageBackupLocations(store, stores, guard, audited, clock);
  }
}
