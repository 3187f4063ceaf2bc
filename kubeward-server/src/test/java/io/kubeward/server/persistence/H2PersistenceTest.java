package io.kubeward.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persistence contract on the embedded H2 file database, configured as in production. */
class H2PersistenceTest extends PersistenceContract {

  @TempDir Path dataDir;

  @Override
  String newDatabaseUrl() {
    return new PersistenceProperties(dataDir).h2Url();
  }

  @Test
  void contractRunsOnAnH2FileInTheDataFolder() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
    }
    try (Stream<Path> files = Files.list(dataDir)) {
      assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.endsWith(".mv.db"));
    }
  }
}
