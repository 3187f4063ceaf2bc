package io.kubeward.server.etcd;

import io.kubeward.server.persistence.SharedPostgres;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The etcd connection store on a real PostgreSQL (Debian's, {@code LocalPostgres}). */
class PostgresEtcdConnectionStoreIT extends EtcdConnectionStoreContract {

  @RegisterExtension static final SharedPostgres postgres = new SharedPostgres("etcd");

  @Override
  String newDatabaseUrl() {
    return postgres.newDatabaseUrl();
  }

  @Override
  String user() {
    return postgres.user();
  }
}
