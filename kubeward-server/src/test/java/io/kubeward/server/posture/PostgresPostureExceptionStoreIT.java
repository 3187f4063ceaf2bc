package io.kubeward.server.posture;

import io.kubeward.server.persistence.SharedPostgres;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The posture exception store on a real PostgreSQL (Debian's, {@code LocalPostgres}). */
class PostgresPostureExceptionStoreIT extends PostureExceptionStoreContract {

  @RegisterExtension static final SharedPostgres postgres = new SharedPostgres("posture");

  @Override
  String newDatabaseUrl() {
    return postgres.newDatabaseUrl();
  }

  @Override
  String user() {
    return postgres.user();
  }
}
