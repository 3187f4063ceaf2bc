package io.kubeward.server.alert.routing;

import io.kubeward.server.persistence.SharedPostgres;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Routing's stores on a real PostgreSQL ({@code LocalPostgres}). */
class PostgresRoutingStoreIT extends RoutingStoreContract {

  @RegisterExtension static final SharedPostgres postgres = new SharedPostgres("routing");

  @Override
  String newDatabaseUrl() {
    return postgres.newDatabaseUrl();
  }

  @Override
  String user() {
    return postgres.user();
  }
}
