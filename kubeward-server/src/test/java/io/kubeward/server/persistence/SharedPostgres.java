package io.kubeward.server.persistence;

import io.kubeward.testkit.postgres.LocalPostgres;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real PostgreSQL (Debian's, {@link LocalPostgres}) for a test class, a new database for each
 * call of {@link #newDatabaseUrl()}: {@code @RegisterExtension static final SharedPostgres postgres
 * = new SharedPostgres("alerts");}
 */
public final class SharedPostgres implements BeforeAllCallback, AfterAllCallback {

  private final String prefix;
  private final AtomicInteger databases = new AtomicInteger();
  private LocalPostgres postgres;

  public SharedPostgres(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    postgres = LocalPostgres.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (postgres != null) {
      postgres.close();
    }
  }

  public String newDatabaseUrl() {
    return postgres.jdbcUrl(postgres.createDatabase(prefix + "_" + databases.incrementAndGet()));
  }

  public String user() {
    return postgres.user();
  }
}
