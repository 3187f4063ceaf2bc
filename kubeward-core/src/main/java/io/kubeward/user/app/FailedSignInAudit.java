package io.kubeward.user.app;

import io.kubeward.access.domain.Origin;
import io.kubeward.audit.app.AuditLog;
import io.kubeward.audit.domain.AuditEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Failed sign-ins in the audit log without one record per attempt: per client address and window,
 * the first failure is written at once as an ordinary {@code auth.login} failure (so a single wrong
 * password looks as it always did), and the following ones are counted and written as one {@code
 * auth.login-failures} record when the window ends: how many, first and last time, the reasons, and
 * up to {@value #MAX_NAMES} user names with their counts. Records are appended like any other
 * (never updated), so the hash chain stays one line.
 *
 * <p>Windows are closed by {@link #flushExpired()} (the server calls it every second), by the next
 * failure from the same address after the window, and by {@link #flushAll()} at shutdown. At most
 * {@code maxAddresses} windows are open; beyond that the oldest is written early.
 */
public final class FailedSignInAudit implements SignInFailures {

  public static final String SUMMARY_VERB = "auth.login-failures";
  static final int MAX_NAMES = 20;

  private final AuditLog log;
  private final Clock clock;
  private final Duration window;
  private final int maxAddresses;
  private final LinkedHashMap<String, Window> windows = new LinkedHashMap<>();

  public FailedSignInAudit(AuditLog log, Clock clock, Duration window, int maxAddresses) {
    this.log = log;
    this.clock = clock;
    this.window = window;
    this.maxAddresses = maxAddresses;
  }

  private static final class Window {
    final String address;
    final Origin origin;
    final Instant end;
    Instant first;
    Instant last;
    long count;
    final Map<String, Long> reasons = new TreeMap<>();
    final Map<String, Long> names = new LinkedHashMap<>();
    long otherNames;

    Window(String address, Origin origin, Instant end) {
      this.address = address;
      this.origin = origin;
      this.end = end;
    }

    void add(Failure failure) {
      if (count == 0) {
        first = failure.time();
      }
      last = failure.time();
      count++;
      reasons.merge(failure.code(), 1L, Long::sum);
      if (names.containsKey(failure.username()) || names.size() < MAX_NAMES) {
        names.merge(failure.username(), 1L, Long::sum);
      } else {
        otherNames++;
      }
    }
  }

  @Override
  public void failed(Failure failure) {
    List<AuditEntry> entries = new ArrayList<>();
    synchronized (this) {
      String key = failure.address() == null ? "-" : failure.address();
      Window open = windows.get(key);
      if (open != null && !failure.time().isBefore(open.end)) {
        windows.remove(key);
        summary(open).ifPresent(entries::add);
        open = null;
      }
      if (open == null) {
        entries.add(single(failure));
        windows.put(
            key, new Window(failure.address(), failure.origin(), failure.time().plus(window)));
        Iterator<Window> oldest = windows.values().iterator();
        while (windows.size() > maxAddresses && oldest.hasNext()) {
          summary(oldest.next()).ifPresent(entries::add);
          oldest.remove();
        }
      } else {
        open.add(failure);
      }
    }
    entries.forEach(log::append);
  }

  /** Writes the windows that have ended. */
  public void flushExpired() {
    flush(false);
  }

  /** Writes every open window (at shutdown). */
  public void flushAll() {
    flush(true);
  }

  /** Open windows (for tests). */
  public synchronized int openWindows() {
    return windows.size();
  }

  private void flush(boolean all) {
    List<AuditEntry> entries = new ArrayList<>();
    synchronized (this) {
      Instant now = clock.instant();
      Iterator<Window> it = windows.values().iterator();
      while (it.hasNext()) {
        Window w = it.next();
        if (all || !now.isBefore(w.end)) {
          summary(w).ifPresent(entries::add);
          it.remove();
        }
      }
    }
    entries.forEach(log::append);
  }

  private AuditEntry single(Failure failure) {
    return new AuditEntry(
        failure.time().truncatedTo(ChronoUnit.MILLIS),
        failure.username(),
        failure.origin(),
        failure.address(),
        SignIn.KUBEWARD,
        null,
        "User",
        failure.username(),
        SignIn.VERB,
        null,
        AuditEntry.Result.FAILURE,
        failure.code() + ": " + failure.message());
  }

  private java.util.Optional<AuditEntry> summary(Window w) {
    if (w.count == 0) {
      return java.util.Optional.empty();
    }
    String user =
        w.names.size() == 1 && w.otherNames == 0 ? w.names.keySet().iterator().next() : "*";
    StringBuilder diff = new StringBuilder();
    diff.append("failures: ").append(w.count).append('\n');
    diff.append("first: ").append(w.first).append('\n');
    diff.append("last: ").append(w.last).append('\n');
    w.reasons.forEach(
        (code, n) -> diff.append("reason ").append(code).append(": ").append(n).append('\n'));
    w.names.forEach(
        (name, n) -> diff.append("user ").append(name).append(": ").append(n).append('\n'));
    if (w.otherNames > 0) {
      diff.append("other user names: ").append(w.otherNames).append('\n');
    }
    return java.util.Optional.of(
        new AuditEntry(
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            user,
            w.origin,
            w.address,
            SignIn.KUBEWARD,
            null,
            "User",
            user.equals("*") ? null : user,
            SUMMARY_VERB,
            diff.toString().strip(),
            AuditEntry.Result.FAILURE,
            SUMMARY_VERB
                + ": "
                + w.count
                + " more failed sign-ins from "
                + (w.address == null ? "an unknown address" : w.address)
                + " between "
                + w.first
                + " and "
                + w.last));
  }
}
