package io.kubeward.server.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/** The pool a store contract's test opens on its fresh database (H2 in memory or PostgreSQL). */
public final class TestDatabases {

  private TestDatabases() {}

  public static HikariDataSource open(String url, @Nullable String user, int poolSize) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(url);
    if (user != null) {
      dataSource.setUsername(user);
    }
    dataSource.setMaximumPoolSize(poolSize);
    return dataSource;
  }

  /** {@link #open} with 4 connections, then every Flyway migration applied. */
  public static HikariDataSource migrated(String url, @Nullable String user) {
    HikariDataSource dataSource = open(url, user, 4);
    Flyway.configure().dataSource(dataSource).load().migrate();
    return dataSource;
  }
}
