package io.kubeward.server.events;

import io.kubeward.events.app.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark's door to the server's package-private {@link JdbcEventStore} (same package on the
 * benchmark's class path, no server code changed): {@code bin/benchmark events} measures the
 * production store, not a copy.
 */
public final class BenchEventStores {

  private BenchEventStores() {}

  /** The server's event store, as {@code EventsWiring} builds it. */
  public static EventStore jdbc(JdbcTemplate jdbc, TransactionTemplate tx) {
    return new JdbcEventStore(jdbc, tx);
  }
}
