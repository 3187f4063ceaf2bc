package io.kubeward.user.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows down password guessing: after {@code maxFailuresPerUser} failed sign-ins for one user name,
 * or {@code maxFailuresPerAddress} from one client address, within {@code window}, further attempts
 * are refused (without checking the password) until the oldest of those failures leaves the window.
 * A success clears the user name's failures, not the address's.
 *
 * <p>Kept in memory, per server: a restart forgets it, and several replicas each count on their
 * own. Bounded: entries are dropped once their failures have left the window.
 */
public final class LoginThrottle {

  /** Thresholds; validated so that a bad configuration stops the start. */
  public record Settings(int maxFailuresPerUser, int maxFailuresPerAddress, Duration window) {
    public Settings {
      if (maxFailuresPerUser < 1 || maxFailuresPerAddress < 1) {
        throw new IllegalArgumentException("max failures must be at least 1");
      }
      Objects.requireNonNull(window, "window");
      if (window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("window must be more than 0 and at most 1d");
      }
    }

    public static Settings defaults() {
      return new Settings(5, 5, Duration.ofMinutes(15));
    }
  }

  private static final int SWEEP_ABOVE = 10_000;

  private final Settings settings;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();

  public LoginThrottle(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** How long the caller must wait before trying again, or empty if they may try now. */
  public synchronized Optional<Duration> retryAfter(String username, String address) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    wait = max(wait, waitFor(userKey(username), settings.maxFailuresPerUser(), now));
    if (address != null) {
      wait = max(wait, waitFor(addressKey(address), settings.maxFailuresPerAddress(), now));
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  public synchronized void recordFailure(String username, String address) {
    Instant now = clock.instant();
    if (failures.size() > SWEEP_ABOVE) {
      failures.values().removeIf(times -> prune(times, now).isEmpty());
    }
    add(userKey(username), settings.maxFailuresPerUser(), now);
    if (address != null) {
      add(addressKey(address), settings.maxFailuresPerAddress(), now);
    }
  }

  public synchronized void recordSuccess(String username) {
    failures.remove(userKey(username));
  }

  private void add(String key, int max, Instant now) {
    Deque<Instant> times = prune(failures.computeIfAbsent(key, k -> new ArrayDeque<>()), now);
    times.addLast(now);
    while (times.size() > max) {
      times.removeFirst();
    }
  }

  private Duration waitFor(String key, int max, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Duration.ZERO;
    }
    if (prune(times, now).isEmpty()) {
      failures.remove(key);
      return Duration.ZERO;
    }
    if (times.size() < max) {
      return Duration.ZERO;
    }
    // Allowed again when the oldest counted failure leaves the window.
    return Duration.between(now, times.peekFirst().plus(settings.window()));
  }

  private Deque<Instant> prune(Deque<Instant> times, Instant now) {
    Instant oldestCounted = now.minus(settings.window());
    while (!times.isEmpty() && !times.peekFirst().isAfter(oldestCounted)) {
      times.removeFirst();
    }
    return times;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String userKey(String username) {
    return "user:" + username;
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
