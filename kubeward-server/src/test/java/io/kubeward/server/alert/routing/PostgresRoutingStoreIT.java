package io.kubeward.server.alert.routing;

import io.kubeward.testkit.postgres.LocalPostgres;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Routing's stores on a real PostgreSQL ({@code LocalPostgres}). */
class PostgresRoutingStoreIT extends RoutingStoreContract {

  private static LocalPostgres postgres;
  private static final AtomicInteger databases = new AtomicInteger();

  @BeforeAll
  static void startPostgres() {
    postgres = LocalPostgres.start();
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  String newDatabaseUrl() {
    return postgres.jdbcUrl(postgres.createDatabase("routing_" + databases.incrementAndGet()));
  }

  @Override
  String user() {
    return postgres.user();
  }
}
