package io.kubeward.server.posture;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The posture exception store on an H2 file database in the mode Kubeward runs it. */
class H2PostureExceptionStoreTest extends PostureExceptionStoreContract {

  @TempDir Path dataDir;

  @Override
  String newDatabaseUrl() {
    return "jdbc:h2:file:"
        + dataDir.resolve("kubeward")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
  }
}
