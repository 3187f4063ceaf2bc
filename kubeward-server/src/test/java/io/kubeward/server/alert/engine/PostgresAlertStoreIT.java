package io.kubeward.server.alert.engine;

import io.kubeward.server.persistence.SharedPostgres;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The alert stores on a real PostgreSQL (Debian's, {@code LocalPostgres}). */
class PostgresAlertStoreIT extends AlertStoreContract {

  @RegisterExtension static final SharedPostgres postgres = new SharedPostgres("alerts");

  @Override
  String newDatabaseUrl() {
    return postgres.newDatabaseUrl();
  }

  @Override
  String user() {
    return postgres.user();
  }
}
