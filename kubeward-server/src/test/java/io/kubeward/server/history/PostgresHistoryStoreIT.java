package io.kubeward.server.history;

import io.kubeward.server.persistence.SharedPostgres;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The history stores on a real PostgreSQL (Debian's, {@code LocalPostgres}). */
class PostgresHistoryStoreIT extends HistoryStoreContract {

  @RegisterExtension static final SharedPostgres postgres = new SharedPostgres("history");

  @Override
  String newDatabaseUrl() {
    return postgres.newDatabaseUrl();
  }

  @Override
  String user() {
    return postgres.user();
  }
}
