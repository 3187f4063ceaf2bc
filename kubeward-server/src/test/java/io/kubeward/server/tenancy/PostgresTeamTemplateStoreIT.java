package io.kubeward.server.tenancy;

import io.kubeward.server.persistence.SharedPostgres;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The team template store on a real PostgreSQL (Debian's, {@code LocalPostgres}). */
class PostgresTeamTemplateStoreIT extends TeamTemplateStoreContract {

  @RegisterExtension static final SharedPostgres postgres = new SharedPostgres("tenancy");

  @Override
  String newDatabaseUrl() {
    return postgres.newDatabaseUrl();
  }

  @Override
  String user() {
    return postgres.user();
  }
}
