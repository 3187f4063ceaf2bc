package io.kubeward.server.history;

import io.kubeward.history.app.HistoryStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark's door to the server's package-private {@link JdbcHistoryStore} (same package on
 * the benchmark's class path, no server code changed): {@code bin/benchmark usage} measures the
 * production store, not a copy.
 */
public final class BenchHistoryStores {

  private BenchHistoryStores() {}

  /** The server's history store over {@code jdbc}, as {@code HistoryWiring} builds it. */
  public static HistoryStore jdbc(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx) {
    return new JdbcHistoryStore(jdbc, batch, tx);
  }
}
