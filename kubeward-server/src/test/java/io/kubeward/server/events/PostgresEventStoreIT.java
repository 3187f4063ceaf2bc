package io.kubeward.server.events;

import io.kubeward.server.persistence.SharedPostgres;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The event store on a real PostgreSQL (Debian's, {@code LocalPostgres}). */
class PostgresEventStoreIT extends EventStoreContract {

  @RegisterExtension static final SharedPostgres postgres = new SharedPostgres("events");

  @Override
  String newDatabaseUrl() {
    return postgres.newDatabaseUrl();
  }

  @Override
  String user() {
    return postgres.user();
  }
}
