package io.kubeward.server.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What Kubeward last learnt about its database: available, or unavailable since when. Fed by the
 * health check and by every request that failed on the database; logs one line when the database
 * goes away and one when it is back (never a stack trace per request).
 */
@Component
public class DatabaseAvailability {

  private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

  private final Clock clock;
  private Instant unavailableSince;

  public DatabaseAvailability(Clock clock) {
    this.clock = clock;
  }

  /** A database call failed because the database is unavailable ({@link DatabaseFailures}). */
  public void failed(Throwable failure) {
    failed(DatabaseFailures.reason(failure));
  }

  public void failed(String reason) {
    synchronized (this) {
      if (unavailableSince != null) {
        log.debug("Database still unavailable: {}", reason);
        return;
      }
      unavailableSince = clock.instant();
    }
    log.warn(
        "Database unavailable ({}); requests that need it answer 503 database.unavailable until"
            + " it is back",
        reason);
  }

  /** A database call succeeded. */
  public void succeeded() {
    Instant since;
    synchronized (this) {
      since = unavailableSince;
      if (since == null) {
        return;
      }
      unavailableSince = null;
    }
    log.info(
        "Database available again after {} s",
        Duration.between(since, clock.instant()).toSeconds());
  }

  /** Whether the last call that told succeeded (true before any call). */
  public synchronized boolean available() {
    return unavailableSince == null;
  }
}
