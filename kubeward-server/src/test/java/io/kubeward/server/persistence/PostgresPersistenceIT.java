package io.kubeward.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The persistence contract on a real PostgreSQL (Debian's), a new database per test. */
class PostgresPersistenceIT extends PersistenceContract {

  @RegisterExtension static final SharedPostgres postgres = new SharedPostgres("contract");

  @Override
  String newDatabaseUrl() {
    return postgres.newDatabaseUrl();
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
