package io.kubeward.common;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Logs a failure that a periodic task meets again and again (a database outage, an unreachable
 * cluster) once when it starts, at WARN, and once when the task works again, at INFO; the repeats
 * in between go to DEBUG. An outage is then one line per task, not one per pass.
 */
public final class RepeatedFailures {

  private final Logger log;
  private final Set<String> failing = ConcurrentHashMap.newKeySet();

  public RepeatedFailures(Logger log) {
    this.log = log;
  }

  /** {@code what} failed with {@code error}; {@code what} names the task (it is the key too). */
  public void failed(String what, Exception error) {
    if (failing.add(what)) {
      log.warn(
          "{} failed: {} (repeats are logged at DEBUG until it works again)",
          what,
          error.toString());
    } else {
      log.debug("{} failed again: {}", what, error.toString());
    }
  }

  /** {@code what} worked: says so once if it had failed. */
  public void succeeded(String what) {
    if (!failing.isEmpty() && failing.remove(what)) {
      log.info("{} works again", what);
    }
  }
}
