package io.kubeward.server.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The persistence contract on the embedded H2 file database, configured as in production. */
class H2PersistenceTest extends PersistenceContract {

  @TempDir Path dataDir;

  @Override
  String newDatabaseUrl() {
    return new PersistenceProperties(dataDir).h2Url();
  }
}
