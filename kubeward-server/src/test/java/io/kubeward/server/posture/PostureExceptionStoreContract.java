package io.kubeward.server.posture;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.kubeward.posture.domain.Check;
import io.kubeward.posture.domain.PostureException;
import io.kubeward.server.persistence.TestDatabases;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The posture exception store (Flyway V97), the same tests on H2 and on PostgreSQL. */
abstract class PostureExceptionStoreContract {

  static final Instant T0 = Instant.parse("2026-12-04T07:00:00Z");

  HikariDataSource dataSource;
  JdbcPostureExceptionStore store;

  abstract String newDatabaseUrl();

  String user() {
    return null;
  }

  @BeforeEach
  void migrate() {
    dataSource = TestDatabases.migrated(newDatabaseUrl(), user());
    store = new JdbcPostureExceptionStore(JdbcClient.create(dataSource));
  }

  @AfterEach
  void closePool() {
    dataSource.close();
  }

  static PostureException exception(String id, String cluster, Instant created) {
    return new PostureException(
        id,
        cluster,
        Check.HOST_PATH,
        PostureException.Scope.OBJECT,
        "team-a",
        "DaemonSet",
        "node-agent",
        "the node agent reads /var/log",
        T0.plusSeconds(86_400),
        "admin",
        created);
  }

  @Test
  void insertsListsPerClusterNewestFirstFindsAndDeletes() {
    store.insert(exception("e1", "c1", T0));
    store.insert(exception("e2", "c1", T0.plusSeconds(1)));
    store.insert(exception("e3", "c2", T0));
    assertThat(store.list("c1", 10)).extracting(PostureException::id).containsExactly("e2", "e1");
    assertThat(store.list("c1", 1)).hasSize(1);
    assertThat(store.find("c1", "e1")).contains(exception("e1", "c1", T0));
    assertThat(store.find("c2", "e1")).isEmpty();
    assertThat(store.delete("c2", "e1")).isFalse();
    assertThat(store.delete("c1", "e1")).isTrue();
    assertThat(store.list("c1", 10)).extracting(PostureException::id).containsExactly("e2");
  }

  @Test
  void aClusterScopedExceptionKeepsItsEmptyObject() {
    PostureException e =
        new PostureException(
            "e9",
            "c1",
            Check.RBAC_RISK,
            PostureException.Scope.CLUSTER,
            null,
            null,
            null,
            "break-glass account",
            T0.plusSeconds(60),
            "admin",
            T0);
    store.insert(e);
    assertThat(store.find("c1", "e9")).contains(e);
  }
}
