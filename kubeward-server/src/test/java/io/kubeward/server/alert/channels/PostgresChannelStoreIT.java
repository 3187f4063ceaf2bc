package io.kubeward.server.alert.channels;

import io.kubeward.server.persistence.SharedPostgres;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The channel store on a real PostgreSQL (Debian's, {@code LocalPostgres}). */
class PostgresChannelStoreIT extends ChannelStoreContract {

  @RegisterExtension static final SharedPostgres postgres = new SharedPostgres("channels");

  @Override
  String newDatabaseUrl() {
    return postgres.newDatabaseUrl();
  }

  @Override
  String user() {
    return postgres.user();
  }
}
