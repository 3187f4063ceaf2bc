package io.kubeward.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.testkit.postgres.LocalPostgres;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The persistence contract on a real PostgreSQL (Debian's), a new database per test. */
class PostgresPersistenceIT extends PersistenceContract {

  private static LocalPostgres postgres;
  private static final AtomicInteger databases = new AtomicInteger();

  @BeforeAll
  static void startPostgres() {
    postgres = LocalPostgres.start();
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  String newDatabaseUrl() {
    return postgres.jdbcUrl(postgres.createDatabase("contract_" + databases.incrementAndGet()));
  }

  @Override
  String user() {
    return postgres.user();
  }

  @Test
  void contractRunsOnARealPostgreSql() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
  }
}
