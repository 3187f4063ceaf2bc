package io.kubeward.server.rightsizing;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The right-sizing change store on an H2 file database in the mode Kubeward runs it. */
class H2RightsizingChangeStoreTest extends RightsizingChangeStoreContract {

  @TempDir Path dataDir;

  @Override
  String newDatabaseUrl() {
    return "jdbc:h2:file:"
        + dataDir.resolve("kubeward")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
  }
}
