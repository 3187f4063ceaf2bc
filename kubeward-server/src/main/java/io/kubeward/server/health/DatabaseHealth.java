package io.kubeward.server.health;

import io.kubeward.server.persistence.DatabaseAvailability;
import io.kubeward.server.persistence.DatabaseFailures;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers now: a connection from the pool that {@link Connection#isValid}
 * within {@link HealthProperties#databaseTimeout()}. The check runs on a thread of its own and the
 * caller waits at most that long (a hanging database is {@code DOWN}, not a hanging {@code
 * /healthz}); at most one check runs at a time, and a check younger than {@link
 * HealthProperties#databaseCheckInterval()} is reused.
 */
@Component
public class DatabaseHealth {

  /** The database's state for {@code /healthz} ({@code reason} never has internal details). */
  public record Status(boolean up, String reason) {
    static final Status UP = new Status(true, null);
  }

  private record Checked(Status status, Instant at) {}

  private final DataSource dataSource;
  private final DatabaseAvailability availability;
  private final HealthProperties properties;
  private final Clock clock;
  private final Executor executor;
  private Checked last;
  private CompletableFuture<Status> running;

  @Autowired
  DatabaseHealth(
      DataSource dataSource,
      DatabaseAvailability availability,
      HealthProperties properties,
      Clock clock) {
    this(
        dataSource,
        availability,
        properties,
        clock,
        runnable -> Thread.ofVirtual().name("kubeward-database-check").start(runnable));
  }

  DatabaseHealth(
      DataSource dataSource,
      DatabaseAvailability availability,
      HealthProperties properties,
      Clock clock,
      Executor executor) {
    this.dataSource = dataSource;
    this.availability = availability;
    this.properties = properties;
    this.clock = clock;
    this.executor = executor;
  }

  /** The database's state now; waits at most {@link HealthProperties#databaseTimeout()}. */
  public Status check() {
    CompletableFuture<Status> check;
    synchronized (this) {
      Instant now = clock.instant();
      if (last != null
          && Duration.between(last.at(), now).compareTo(properties.databaseCheckInterval()) < 0) {
        return last.status();
      }
      check = running;
      if (check == null) {
        check = CompletableFuture.supplyAsync(this::ask, executor);
        running = check;
        check.whenComplete(
            (status, failure) -> {
              synchronized (this) {
                running = null;
                last = new Checked(status, clock.instant());
              }
            });
      }
    }
    try {
      return check.get(properties.databaseTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      availability.failed("no answer within " + properties.databaseTimeout().toMillis() + " ms");
      return new Status(false, "timeout");
    } catch (ExecutionException e) {
      return new Status(false, "unavailable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Status(false, "interrupted");
    }
  }

  private Status ask() {
    int seconds = (int) Math.max(1, properties.databaseTimeout().toSeconds());
    try (Connection connection = dataSource.getConnection()) {
      if (connection.isValid(seconds)) {
        availability.succeeded();
        return Status.UP;
      }
      availability.failed("the connection is not valid");
      return new Status(false, "unavailable");
    } catch (SQLException | RuntimeException e) {
      availability.failed(DatabaseFailures.reason(e));
      return new Status(false, "unavailable");
    }
  }
}
