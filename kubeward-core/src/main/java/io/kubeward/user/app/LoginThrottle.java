package io.kubeward.user.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Slows down password guessing without letting a guesser lock others out, by a progressive delay
 * per user name and per client address, decided before any password is checked (the server never
 * sleeps: a refused attempt is answered at once with 429 and a {@code Retry-After}).
 *
 * <ul>
 *   <li>The first {@code maxFailuresPerUser} failures of a user name (from anywhere) and {@code
 *       maxFailuresPerAddress} failures from an address (any names) cost nothing; each further
 *       failure blocks the name or address for {@code firstDelay}, doubling up to {@code maxDelay}.
 *   <li>A blocked <em>address</em> still gets one password check every {@code
 *       addressBypassInterval} for a user name with fewer than {@code maxFailuresPerUser} failures
 *       of its own: the right password of a user whose address was tripped by guesses at other
 *       names gets through after at most that interval, while the hash checks (the expensive part)
 *       a guesser can cause from one address stay bounded by one per interval.
 *   <li>Failures are forgotten {@code window} after the last one; a success forgets the user name's
 *       failures (not the address's).
 * </ul>
 *
 * <p>Kept in memory, per replica, in at most {@code maxEntries} entries (least recently used
 * dropped first).
 */
public final class LoginThrottle {

  /** Thresholds; validated so that a bad configuration stops the start. */
  public record Settings(
      int maxFailuresPerUser,
      int maxFailuresPerAddress,
      Duration window,
      Duration firstDelay,
      Duration maxDelay,
      Duration addressBypassInterval,
      int maxEntries) {
    public Settings {
      if (maxFailuresPerUser < 1 || maxFailuresPerAddress < 1) {
        throw new IllegalArgumentException("max failures must be at least 1");
      }
      if (maxFailuresPerUser > 1000 || maxFailuresPerAddress > 100_000) {
        throw new IllegalArgumentException(
            "max failures must be at most 1000 per user and 100000 per address");
      }
      within("window", window, Duration.ofSeconds(1), Duration.ofDays(1));
      within("first-delay", firstDelay, Duration.ofMillis(100), Duration.ofMinutes(10));
      within("max-delay", maxDelay, firstDelay, Duration.ofHours(1));
      within("address-bypass-interval", addressBypassInterval, Duration.ofMillis(100), maxDelay);
      if (maxEntries < 100 || maxEntries > 10_000_000) {
        throw new IllegalArgumentException("max-entries must be between 100 and 10000000");
      }
    }

    /** The old three settings with the defaults for the rest. */
    public Settings(int maxFailuresPerUser, int maxFailuresPerAddress, Duration window) {
      this(
          maxFailuresPerUser,
          maxFailuresPerAddress,
          window,
          Duration.ofSeconds(1),
          Duration.ofMinutes(5),
          Duration.ofSeconds(2),
          100_000);
    }

    public static Settings defaults() {
      return new Settings(5, 20, Duration.ofMinutes(15));
    }

    private static void within(String name, Duration value, Duration min, Duration max) {
      Objects.requireNonNull(value, name);
      if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
      }
    }

    Duration delayAfter(int failuresOverFree) {
      int doublings = Math.min(Math.max(failuresOverFree - 1, 0), 30);
      Duration delay = firstDelay.multipliedBy(1L << doublings);
      return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
  }

  /** What to do with a sign-in attempt. */
  public sealed interface Decision {
    /** Check the password. */
    record Check() implements Decision {}

    /** Refuse without checking; the caller may retry after {@code retryAfter}. */
    record Refuse(Duration retryAfter) implements Decision {}
  }

  private static final class Entry {
    int failures;
    Instant lastFailure = Instant.MIN;
    Instant blockedUntil = Instant.MIN;
    Instant nextBypass = Instant.MIN;
  }

  private final Settings settings;
  private final Clock clock;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);

  public LoginThrottle(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** Decides about an attempt for {@code username} from {@code address} (may be null). */
  public synchronized Decision check(String username, String address) {
    Instant now = clock.instant();
    Entry user = live(userKey(username), now);
    if (user != null && user.blockedUntil.isAfter(now)) {
      return new Decision.Refuse(Duration.between(now, user.blockedUntil));
    }
    Entry from = address == null ? null : live(addressKey(address), now);
    if (from == null || !from.blockedUntil.isAfter(now)) {
      return new Decision.Check();
    }
    boolean nameHasFewFailures = user == null || user.failures < settings.maxFailuresPerUser();
    if (!nameHasFewFailures) {
      return new Decision.Refuse(Duration.between(now, from.blockedUntil));
    }
    if (!from.nextBypass.isAfter(now)) {
      from.nextBypass = now.plus(settings.addressBypassInterval());
      return new Decision.Check();
    }
    Instant retry = min(from.nextBypass, from.blockedUntil);
    return new Decision.Refuse(Duration.between(now, retry));
  }

  /** How long the caller must wait before trying again, or empty if they may try now. */
  public synchronized java.util.Optional<Duration> retryAfter(String username, String address) {
    return check(username, address) instanceof Decision.Refuse refuse
        ? java.util.Optional.of(refuse.retryAfter())
        : java.util.Optional.empty();
  }

  /** A checked password was wrong (or the user is unknown). */
  public synchronized void recordFailure(String username, String address) {
    Instant now = clock.instant();
    fail(userKey(username), settings.maxFailuresPerUser(), now);
    if (address != null) {
      fail(addressKey(address), settings.maxFailuresPerAddress(), now);
    }
    bound(now);
  }

  public synchronized void recordSuccess(String username) {
    entries.remove(userKey(username));
  }

  /** Entries whose failures still count (for tests and metrics). */
  public synchronized int size() {
    Instant now = clock.instant();
    entries.values().removeIf(entry -> expired(entry, now));
    return entries.size();
  }

  private void fail(String key, int free, Instant now) {
    Entry entry = live(key, now);
    if (entry == null) {
      entry = new Entry();
      entries.put(key, entry);
    }
    entry.failures = Math.min(entry.failures + 1, 1_000_000);
    entry.lastFailure = now;
    if (entry.failures > free) {
      entry.blockedUntil = now.plus(settings.delayAfter(entry.failures - free));
    }
  }

  /** The entry, unless its failures are forgotten (then it is dropped). */
  private Entry live(String key, Instant now) {
    Entry entry = entries.get(key);
    if (entry != null && expired(entry, now)) {
      entries.remove(key);
      return null;
    }
    return entry;
  }

  private boolean expired(Entry entry, Instant now) {
    return !entry.lastFailure.plus(settings.window()).isAfter(now)
        && !entry.blockedUntil.isAfter(now);
  }

  private void bound(Instant now) {
    if (entries.size() <= settings.maxEntries()) {
      return;
    }
    entries.values().removeIf(entry -> expired(entry, now));
    Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
    while (entries.size() > settings.maxEntries() && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** At most this many characters of a user name are kept (longer names are never users). */
  static final int MAX_KEY_NAME = 256;

  private static String userKey(String username) {
    String name = username == null ? "" : username;
    return "user:" + (name.length() > MAX_KEY_NAME ? name.substring(0, MAX_KEY_NAME) : name);
  }

  private static String addressKey(String address) {
    return "address:" + (address.length() > 64 ? address.substring(0, 64) : address);
  }
}
