package io.kubeward.server.rightsizing;

import io.kubeward.server.persistence.SharedPostgres;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The right-sizing change store on a real PostgreSQL (Debian's, {@code LocalPostgres}). */
class PostgresRightsizingChangeStoreIT extends RightsizingChangeStoreContract {

  @RegisterExtension static final SharedPostgres postgres = new SharedPostgres("rightsizing");

  @Override
  String newDatabaseUrl() {
    return postgres.newDatabaseUrl();
  }

  @Override
  String user() {
    return postgres.user();
  }
}
