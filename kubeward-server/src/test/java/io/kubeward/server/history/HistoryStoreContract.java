package io.kubeward.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.kubeward.history.app.HistoryStore;
import io.kubeward.history.app.PrometheusConfigStore;
import io.kubeward.history.domain.HistoryTarget;
import io.kubeward.history.domain.PrometheusSettings;
import io.kubeward.history.domain.PrometheusUrl;
import io.kubeward.history.domain.RawSample;
import io.kubeward.history.domain.RollupSample;
import io.kubeward.history.domain.Rollups;
import io.kubeward.history.domain.UsageValues;
import io.kubeward.server.cluster.CredentialCipher;
import io.kubeward.server.persistence.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The history and Prometheus stores, the same tests on H2 and on PostgreSQL. */
abstract class HistoryStoreContract {

  static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");

  HikariDataSource dataSource;
  JdbcClient jdbc;
  JdbcHistoryStore store;
  JdbcPrometheusConfigStore prometheus;

  abstract String newDatabaseUrl();

  String user() {
    return null;
  }

  @BeforeEach
  void migrate() {
    dataSource = TestDatabases.migrated(newDatabaseUrl(), user());
    jdbc = JdbcClient.create(dataSource);
    store =
        new JdbcHistoryStore(
            jdbc,
            new JdbcTemplate(dataSource),
            new TransactionTemplate(new JdbcTransactionManager(dataSource)));
    prometheus = new JdbcPrometheusConfigStore(jdbc, CredentialCipher.withKey(new byte[32]));
  }

  @AfterEach
  void closePool() {
    dataSource.close();
  }

  static Map<HistoryTarget, UsageValues> sample(double cpu) {
    Map<HistoryTarget, UsageValues> m = new LinkedHashMap<>();
    m.put(HistoryTarget.cluster(), new UsageValues(cpu, 2.0e9, 10.0));
    m.put(HistoryTarget.node("n1"), new UsageValues(cpu / 2, 1.0e9, null));
    m.put(HistoryTarget.workload("a", "Deployment", "web"), new UsageValues(1.0, 2.0, 3.0));
    return m;
  }

  @Test
  void samplesAreStoredReadAndCounted() {
    for (int i = 0; i < 10; i++) {
      store.append("c1", T0.plusSeconds(30L * i), sample(100 + i));
    }
    store.append("c2", T0, sample(1));

    long node = store.series("c1", HistoryTarget.node("n1")).orElseThrow();
    List<RawSample> raw = store.raw(node, T0, T0.plusSeconds(120));
    assertThat(raw).hasSize(4);
    assertThat(raw.getFirst().values()).isEqualTo(new UsageValues(50.0, 1.0e9, null));
    assertThat(raw.get(1).t()).isEqualTo(T0.plusSeconds(30).toEpochMilli());
    assertThat(store.series("c1", HistoryTarget.pod("a", "x"))).isEmpty();
    assertThat(store.usage("c1")).isEqualTo(new HistoryStore.Usage("c1", 3, 30, 0));
    assertThat(store.clusters()).containsExactly("c1", "c2");
    assertThat(store.oldestRaw("c1")).contains(T0);
    assertThat(store.rawOfCluster("c1", T0, T0.plusSeconds(60))).hasSize(6);
  }

  @Test
  void rollupsReplaceTheirBucketAndRetentionDeletesInSlices() {
    for (int i = 0; i < 20; i++) {
      store.append("c1", T0.plusSeconds(30L * i), sample(100 + i));
    }
    Duration five = Duration.ofMinutes(5);
    for (int b = 0; b < 2; b++) {
      Instant from = T0.plus(five.multipliedBy(b));
      List<RollupSample> rollups =
          Rollups.rollup(store.rawOfCluster("c1", from, from.plus(five)), five);
      store.saveRollups("c1", from, from.plus(five), rollups);
      store.saveRollups("c1", from, from.plus(five), rollups); // again: replaced, not doubled
    }
    assertThat(store.rolledUpTo("c1")).contains(T0.plus(Duration.ofMinutes(10)));
    long cluster = store.series("c1", HistoryTarget.cluster()).orElseThrow();
    List<RollupSample> rollups = store.rollups(cluster, T0, T0.plus(Duration.ofHours(1)));
    assertThat(rollups).hasSize(2);
    assertThat(rollups.getFirst().avg().cpu()).isEqualTo(104.5);
    assertThat(rollups.getFirst().max().cpu()).isEqualTo(109.0);
    assertThat(rollups.getFirst().samples()).isEqualTo(10);
    assertThat(store.usage("c1").rollupRows()).isEqualTo(6);
    assertThat(store.oldestRollup("c1")).contains(T0);

    assertThat(store.deleteRaw("c1", T0, T0.plus(five))).isEqualTo(30);
    assertThat(store.oldestRaw("c1")).contains(T0.plus(five));
    assertThat(store.deleteRaw("c1", T0.plus(five), T0.plus(five.multipliedBy(2)))).isEqualTo(30);
    assertThat(store.deleteRollups("c1", T0, T0.plus(Duration.ofHours(1)))).isEqualTo(6);
    assertThat(store.usage("c1")).isEqualTo(new HistoryStore.Usage("c1", 3, 0, 0));

    assertThat(store.deleteIdleSeries("c1", T0.plus(Duration.ofDays(1)))).isEqualTo(3);
    assertThat(store.series("c1", HistoryTarget.cluster())).isEmpty();
  }

  @Test
  void prometheusSecretsAreStoredEncrypted() {
    PrometheusSettings settings =
        new PrometheusSettings(
            PrometheusUrl.parse("https://prometheus.monitoring:9090/prom"),
            PrometheusSettings.Auth.BEARER,
            null,
            "token-123-secret",
            null,
            false,
            null,
            false,
            Duration.ofSeconds(7));
    prometheus.save(new PrometheusConfigStore.Stored("c1", settings, "admin", T0));

    assertThat(prometheus.find("c1").orElseThrow().settings()).isEqualTo(settings);
    String column =
        jdbc.sql("SELECT secret_encrypted FROM kubeward_prometheus WHERE cluster_name = 'c1'")
            .query(String.class)
            .single();
    assertThat(column).startsWith("v1:").doesNotContain("token-123-secret");
    assertThat(JdbcPrometheusConfigStore.encryptedValues(jdbc)).isEqualTo(1);

    PrometheusSettings basic =
        new PrometheusSettings(
            settings.url(),
            PrometheusSettings.Auth.BASIC,
            "me",
            null,
            "pw",
            true,
            null,
            true,
            Duration.ofSeconds(3));
    prometheus.save(new PrometheusConfigStore.Stored("c1", basic, "admin2", T0.plusSeconds(1)));
    assertThat(prometheus.find("c1").orElseThrow().settings()).isEqualTo(basic);
    assertThat(prometheus.find("c1").orElseThrow().updatedBy()).isEqualTo("admin2");

    // a ciphertext copied to another cluster's row does not decrypt there
    prometheus.save(new PrometheusConfigStore.Stored("c2", basic, "admin", T0));
    jdbc.sql(
            "UPDATE kubeward_prometheus SET secret_encrypted = (SELECT secret_encrypted FROM"
                + " kubeward_prometheus WHERE cluster_name = 'c1') WHERE cluster_name = 'c2'")
        .update();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> prometheus.find("c2"))
        .hasMessageContaining("do not decrypt");

    assertThat(prometheus.delete("c1")).isTrue();
    assertThat(prometheus.delete("c1")).isFalse();
    assertThat(prometheus.find("c1")).isEmpty();
  }
}
