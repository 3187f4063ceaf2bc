package io.kubeward.server.etcd;

import io.kubeward.audit.app.AuditedAction;
import io.kubeward.backup.app.ArchiveStores;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.etcd.app.EtcdConnectionStore;
import io.kubeward.etcd.app.EtcdSnapshotter;
import io.kubeward.etcd.app.ManageEtcdConnections;
import io.kubeward.etcd.app.ManageEtcdSnapshots;
import io.kubeward.etcd.app.ScheduledEtcdSnapshots;
import io.kubeward.runtime.kube.ControllerRuntime;
import io.kubeward.server.cluster.CredentialCipher;
import io.kubeward.server.cluster.EncryptedValues;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;

/**
 * etcd snapshots (ADR 0043): the encrypted connection store, the gRPC snapshotter, the use cases
 * and, when {@code kubeward.etcd.schedule} is set, the schedule (checked every 30 s). Snapshots go
 * to the storage locations of ADR 0040 ({@link ArchiveStores}).
 */
@Configuration(proxyBeanMethods = false)
class EtcdWiring {

  private static final Logger log = LoggerFactory.getLogger(EtcdWiring.class);

  @Bean
  EtcdConnectionStore etcdConnectionStore(JdbcClient jdbc, CredentialCipher cipher) {
    return new JdbcEtcdConnectionStore(jdbc, cipher);
  }

  /**
   * Stored etcd client certificates and keys count when deciding whether a key file may be made.
   */
  @Bean
  EncryptedValues etcdConnectionSecrets(JdbcClient jdbc) {
    return () -> JdbcEtcdConnectionStore.encryptedValues(jdbc);
  }

  @Bean
  EtcdSnapshotter etcdSnapshotter(EtcdProperties properties) {
    return new JetcdSnapshotter(
        properties.connectTimeout(),
        properties.snapshotTimeout(),
        properties.maxSnapshotSize().toBytes());
  }

  @Bean
  ManageEtcdConnections manageEtcdConnections(
      ClusterRegistry clusters,
      EtcdConnectionStore store,
      ArchiveStores stores,
      EtcdProperties properties,
      AuditedAction audited,
      Clock clock) {
    return new ManageEtcdConnections(
        clusters, store, stores, properties.rules(), properties.defaultRetain(), audited, clock);
  }

  @Bean
  ManageEtcdSnapshots manageEtcdSnapshots(
      ManageEtcdConnections connections,
      EtcdSnapshotter snapshotter,
      ArchiveStores stores,
      AuditedAction audited,
      Clock clock) {
    return new ManageEtcdSnapshots(connections, snapshotter, stores, audited, clock);
  }

  @Bean
  ScheduledEtcdSnapshots scheduledEtcdSnapshots(
      ManageEtcdSnapshots snapshots, EtcdProperties properties, Clock clock) {
    String schedule = properties.schedule();
    return new ScheduledEtcdSnapshots(
        snapshots,
        schedule == null || schedule.isBlank() ? after -> null : nextAfter(schedule),
        clock);
  }

  /** A Spring cron expression (six fields) in UTC as "the first fire strictly after". */
  static UnaryOperator<Instant> nextAfter(String cron) {
    CronExpression expression = CronExpression.parse(cron);
    return after -> {
      var next = expression.next(after.atZone(ZoneOffset.UTC));
      return next == null ? null : next.toInstant();
    };
  }

  /** Ticks the schedule every 30 s when one is configured; none otherwise. */
  @Bean(destroyMethod = "shutdownNow")
  ScheduledExecutorService etcdSnapshotTicker(
      EtcdProperties properties,
      ObjectProvider<ScheduledEtcdSnapshots> schedule,
      ControllerRuntime runtime) { // issue 18 ha: only where this replica leads the cluster
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("etcd-snapshots").daemon().unstarted(r));
    if (properties.schedule() != null && !properties.schedule().isBlank()) {
      log.info("etcd snapshots scheduled: {} (UTC)", properties.schedule());
      ticker.scheduleWithFixedDelay(
          () -> {
            try {
              schedule.getObject().tick(runtime::leading);
            } catch (RuntimeException e) {
              log.warn("The etcd snapshot schedule failed: {}", e.toString());
            }
          },
          30,
          30,
          TimeUnit.SECONDS);
    }
    return ticker;
  }
}
