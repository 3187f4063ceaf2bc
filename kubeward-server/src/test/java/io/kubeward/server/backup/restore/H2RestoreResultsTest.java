package io.kubeward.server.backup.restore;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.backup.domain.ObjectResult;
import io.kubeward.backup.domain.RestoreOutcome;
import io.kubeward.backup.domain.restore.RestoreCounts;
import io.kubeward.server.persistence.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The per-object results of restores (Flyway V91) on H2 in the mode Kubeward runs it. */
class H2RestoreResultsTest {

  @TempDir Path dataDir;
  HikariDataSource dataSource;
  JdbcRestoreResults results;

  static final ObjectRef NS = new ObjectRef("v1", "Namespace", null, "shop");
  static final ObjectRef CM = new ObjectRef("v1", "ConfigMap", "shop", "a");
  static final ObjectRef CM2 = new ObjectRef("v1", "ConfigMap", "shop-2", "a");

  @BeforeEach
  void migrate() {
    dataSource =
        TestDatabases.migrated(
            "jdbc:h2:file:"
                + dataDir.resolve("kubeward")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000",
            null);
    results = new JdbcRestoreResults(JdbcClient.create(dataSource), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  @Test
  void begunThenRecordedResultsArePagedByOutcomeAndDroppedWithTheRestore() {
    results.begin("u1", NS, NS);
    results.record("u1", new ObjectResult(NS, NS, RestoreOutcome.CREATED, null));
    results.begin("u1", CM, CM2);
    assertThat(results.begun("u1")).containsExactly(CM);
    assertThat(results.recorded("u1")).containsOnlyKeys(NS);

    results.record("u1", new ObjectResult(CM, CM2, RestoreOutcome.FAILED, "x".repeat(5000)));
    results.record("u2", new ObjectResult(CM, CM, RestoreOutcome.SKIPPED, "exists"));
    results.begin("u1", CM, CM2); // a resumed restore begins it again: one row
    results.record("u1", new ObjectResult(CM, CM2, RestoreOutcome.UPDATED, null));

    assertThat(results.begun("u1")).isEmpty();
    assertThat(results.counts("u1")).isEqualTo(new RestoreCounts(1, 1, 0, 0));
    var page = results.page("u1", null, 0, 1);
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.items()).extracting(ObjectResult::source).containsExactly(NS);
    assertThat(results.page("u1", null, 1, 1).items())
        .singleElement()
        .satisfies(r -> assertThat(r.target()).isEqualTo(CM2));
    assertThat(results.page("u1", RestoreOutcome.UPDATED, 0, 10).total()).isEqualTo(1);
    assertThat(results.page("u2", RestoreOutcome.SKIPPED, 0, 10).items().getFirst().reason())
        .isEqualTo("exists");

    results.delete("u1");
    assertThat(results.counts("u1")).isEqualTo(RestoreCounts.NONE);
    assertThat(results.counts("u2").skipped()).isEqualTo(1);
  }
}
