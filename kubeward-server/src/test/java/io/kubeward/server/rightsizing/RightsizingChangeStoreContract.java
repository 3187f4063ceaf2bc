package io.kubeward.server.rightsizing;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.kubeward.rightsizing.app.RightsizingChange;
import io.kubeward.rightsizing.domain.ContainerRequests;
import io.kubeward.server.persistence.TestDatabases;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The right-sizing change store (Flyway V95), the same tests on H2 and on PostgreSQL. */
abstract class RightsizingChangeStoreContract {

  static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");
  static final long MI = 1024L * 1024;

  HikariDataSource dataSource;
  JdbcRightsizingChangeStore store;

  abstract String newDatabaseUrl();

  String user() {
    return null;
  }

  @BeforeEach
  void migrate() {
    dataSource = TestDatabases.migrated(newDatabaseUrl(), user());
    store = new JdbcRightsizingChangeStore(JdbcClient.create(dataSource));
  }

  @AfterEach
  void closePool() {
    dataSource.close();
  }

  static RightsizingChange change(String cluster, String container) {
    return new RightsizingChange(
        0,
        cluster,
        "shop",
        "Deployment",
        "web",
        container,
        new ContainerRequests(500L, null, 1000L, 1024 * MI),
        new ContainerRequests(110L, 116 * MI, 1000L, 1024 * MI),
        "alice",
        T0,
        null,
        null);
  }

  @Test
  void aSavedChangeReadsBackWithAbsentFieldsStillAbsent() {
    RightsizingChange saved = store.save(change("c1", "app"));

    assertThat(saved.id()).isPositive();
    assertThat(store.find("c1", saved.id())).contains(saved);
    assertThat(saved.before()).isEqualTo(new ContainerRequests(500L, null, 1000L, 1024 * MI));
    assertThat(saved.after().memoryRequest()).isEqualTo(116 * MI);
    assertThat(saved.appliedAt()).isEqualTo(T0);
    assertThat(saved.reverted()).isFalse();
    assertThat(store.find("c2", saved.id())).isEmpty();
  }

  @Test
  void aChangeIsRevertedOnceOnly() {
    RightsizingChange saved = store.save(change("c1", "app"));

    assertThat(store.markReverted("c1", saved.id(), "bob", T0.plusSeconds(60))).isTrue();
    assertThat(store.markReverted("c1", saved.id(), "carol", T0.plusSeconds(120))).isFalse();
    RightsizingChange reverted = store.find("c1", saved.id()).orElseThrow();
    assertThat(reverted.revertedBy()).isEqualTo("bob");
    assertThat(reverted.revertedAt()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void aClustersChangesAreListedNewestFirstAndBounded() {
    RightsizingChange first = store.save(change("c1", "app"));
    RightsizingChange second = store.save(change("c1", "sidecar"));
    store.save(change("c2", "app"));

    assertThat(store.list("c1", 10)).containsExactly(second, first);
    assertThat(store.list("c1", 1)).containsExactly(second);
  }
}
