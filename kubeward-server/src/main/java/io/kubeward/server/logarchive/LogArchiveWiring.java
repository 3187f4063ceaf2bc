package io.kubeward.server.logarchive;

import io.kubeward.access.app.Authorizer;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.history.app.OutboundGuard;
import io.kubeward.logarchive.app.LogArchive;
import io.kubeward.logarchive.app.LogArchiveConfigStore;
import io.kubeward.logarchive.app.ManageLogArchive;
import io.kubeward.logarchive.app.SearchPastLogs;
import io.kubeward.logarchive.domain.LogQuery;
import io.kubeward.logarchive.elastic.ElasticLogArchive;
import io.kubeward.server.cluster.CredentialCipher;
import io.kubeward.server.cluster.EncryptedValues;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Past-log search: the Elasticsearch/OpenSearch archive, its settings store and use cases. */
@Configuration(proxyBeanMethods = false)
public class LogArchiveWiring {

  @Bean
  LogArchiveConfigStore logArchiveConfigStore(JdbcClient jdbc, CredentialCipher cipher) {
    return new JdbcLogArchiveConfigStore(jdbc, cipher);
  }

  /** Stored log archive secrets count when deciding whether a missing key file may be made. */
  @Bean
  EncryptedValues logArchiveSecrets(JdbcClient jdbc) {
    return () -> JdbcLogArchiveConfigStore.encryptedValues(jdbc);
  }

  @Bean
  LogArchive logArchive(LogArchiveProperties properties) {
    return new ElasticLogArchive(
        new ElasticLogArchive.Limits(
            properties.connectTimeout(),
            properties.maxResponseBytes().toBytes(),
            properties.maxLineLength(),
            properties.maxConcurrent()));
  }

  @Bean
  SearchPastLogs searchPastLogs(
      ClusterReads reads,
      Authorizer authorizer,
      LogArchiveConfigStore store,
      LogArchive archive,
      OutboundGuard guard,
      LogArchiveProperties properties,
      Clock clock) {
    return new SearchPastLogs(
        reads,
        authorizer,
        store,
        archive,
        guard,
        new LogQuery.Bounds(
            properties.defaultLimit(),
            properties.maxLimit(),
            properties.defaultRange(),
            properties.maxRange()),
        clock);
  }

  @Bean
  ManageLogArchive manageLogArchive(
      ClusterReads reads,
      LogArchiveConfigStore store,
      AuditedAction audited,
      OutboundGuard guard,
      Clock clock) {
    return new ManageLogArchive(reads, store, audited, guard, clock);
  }
}
