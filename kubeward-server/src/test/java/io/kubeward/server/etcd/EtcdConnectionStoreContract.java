package io.kubeward.server.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.kubeward.etcd.app.EtcdConnectionStore;
import io.kubeward.etcd.domain.EtcdConnection;
import io.kubeward.etcd.domain.EtcdException;
import io.kubeward.server.cluster.CredentialCipher;
import io.kubeward.server.persistence.TestDatabases;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The etcd connection store (Flyway V92), the same tests on H2 and on PostgreSQL. */
abstract class EtcdConnectionStoreContract {

  static final Instant T0 = Instant.parse("2026-12-04T07:00:00Z");

  HikariDataSource dataSource;
  JdbcClient jdbc;
  JdbcEtcdConnectionStore store;

  abstract String newDatabaseUrl();

  String user() {
    return null;
  }

  @BeforeEach
  void migrate() {
    dataSource = TestDatabases.migrated(newDatabaseUrl(), user());
    jdbc = JdbcClient.create(dataSource);
    store = new JdbcEtcdConnectionStore(jdbc, CredentialCipher.withKey(new byte[32]));
  }

  @AfterEach
  void closePool() {
    dataSource.close();
  }

  static EtcdConnectionStore.Stored stored(String cluster, String key, int retain) {
    return new EtcdConnectionStore.Stored(
        cluster,
        new EtcdConnection(
            List.of(URI.create("https://10.0.0.1:2379"), URI.create("https://10.0.0.2:2379")),
            "CA-PEM",
            "CERT-PEM " + cluster,
            key,
            "local",
            retain),
        "alice",
        T0);
  }

  @Test
  void savesReplacesFindsAndDeletes() {
    store.save(stored("c1", "KEY-ONE", 3));
    store.save(stored("c2", "KEY-TWO", 4));
    assertThat(store.find("c1").orElseThrow()).isEqualTo(stored("c1", "KEY-ONE", 3));
    store.save(stored("c1", "KEY-THREE", 7));
    assertThat(store.find("c1").orElseThrow().connection().keyPem()).isEqualTo("KEY-THREE");
    assertThat(store.find("c1").orElseThrow().connection().retain()).isEqualTo(7);
    assertThat(store.clusters()).containsExactly("c1", "c2");
    assertThat(JdbcEtcdConnectionStore.encryptedValues(jdbc)).isEqualTo(4);
    assertThat(store.delete("c1")).isTrue();
    assertThat(store.delete("c1")).isFalse();
    assertThat(store.find("c1")).isEmpty();
  }

  @Test
  void theCertificateAndKeyAreEncryptedAndBoundToTheirRow() {
    store.save(stored("c1", "KEY-ONE", 3));
    store.save(stored("c2", "KEY-TWO", 3));
    String row =
        jdbc.sql(
                "SELECT cert_encrypted, key_encrypted FROM etcd_connections WHERE cluster_name = ?")
            .params("c1")
            .query((rs, n) -> rs.getString(1) + rs.getString(2))
            .single();
    assertThat(row).doesNotContain("KEY-ONE").doesNotContain("CERT-PEM").startsWith("v1:");
    // a value copied to another row does not decrypt: the row is unreadable, never wrong
    jdbc.sql(
            "UPDATE etcd_connections SET key_encrypted = (SELECT key_encrypted FROM"
                + " etcd_connections WHERE cluster_name = 'c2') WHERE cluster_name = 'c1'")
        .update();
    assertThatThrownBy(() -> store.find("c1"))
        .isInstanceOfSatisfying(
            EtcdException.class, e -> assertThat(e.code()).isEqualTo(EtcdException.UNREADABLE));
    assertThat(Arrays.asList(store.clusters().toArray())).contains("c1");
  }
}
