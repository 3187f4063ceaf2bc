package io.kubeward.server.exec;

import io.kubeward.exec.domain.ExecLimits;
import io.kubeward.server.security.CurrentUser;
import io.kubeward.user.app.OpenSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open exec sessions and port-forward connections of this replica: at most {@code
 * max-sessions-per-user} / {@code max-forwards-per-user} per user (429 {@code exec.too-many}
 * beyond); each ended when idle for {@code idle-timeout}, after {@code max-duration}, when its
 * console session ends, when its user's sessions end here ({@link OpenSessions#endAll}, told by the
 * user use cases through the server's one {@code OpenSessions}), and when its caller is no longer
 * valid on the re-check every {@code kubeward.stream.revalidate-interval} (the same check as the
 * SSE streams: {@link CurrentUser#stillValid}).
 */
final class ExecSessions implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ExecSessions.class);

  enum Kind {
    EXEC,
    FORWARD
  }

  /** One open session: ended through {@code ender} with a reason, at most once. */
  final class Entry {
    final CurrentUser owner;
    final Kind kind;
    final Instant started;
    private final Consumer<String> ender;
    private volatile Instant lastActivity;
    private volatile Runnable check = () -> {};

    Entry(CurrentUser owner, Kind kind, Consumer<String> ender, Instant now) {
      this.owner = owner;
      this.kind = kind;
      this.ender = ender;
      this.started = now;
      this.lastActivity = now;
    }

    /** A message went either way. */
    void touch() {
      lastActivity = clock.instant();
    }

    /** Something to look at on every tick (a port-forward's failure reported after the start). */
    void onTick(Runnable check) {
      this.check = check;
    }

    void release() {
      ExecSessions.this.release(this);
    }

    void end(String reason) {
      try {
        ender.accept(reason);
      } catch (RuntimeException e) {
        log.debug("ending an exec session: {}", e.toString());
      }
    }
  }

  private final ExecLimits limits;
  private final Duration revalidateInterval;
  private final Predicate<CurrentUser> stillValid;
  private final Clock clock;
  private final Set<Entry> open = ConcurrentHashMap.newKeySet();
  private volatile Instant lastRevalidation;
  private volatile ScheduledExecutorService scheduler;

  ExecSessions(
      ExecLimits limits,
      Duration revalidateInterval,
      Predicate<CurrentUser> stillValid,
      Clock clock) {
    this.limits = limits;
    this.revalidateInterval = revalidateInterval;
    this.stillValid = stillValid;
    this.clock = clock;
    this.lastRevalidation = clock.instant();
  }

  /**
   * @throws ExecLimitException when the owner has too many of this kind open
   */
  synchronized Entry reserve(CurrentUser owner, Kind kind, Consumer<String> ender) {
    long mine =
        open.stream()
            .filter(e -> e.kind == kind && e.owner.account().id() == owner.account().id())
            .count();
    int limit = kind == Kind.EXEC ? limits.maxSessionsPerUser() : limits.maxForwardsPerUser();
    if (mine >= limit) {
      throw new ExecLimitException(
          kind == Kind.EXEC ? "exec sessions" : "port-forward connections", limit);
    }
    Entry entry = new Entry(owner, kind, ender, clock.instant());
    open.add(entry);
    return entry;
  }

  private void release(Entry entry) {
    open.remove(entry);
  }

  /** Ends every session of {@code userId} in this replica. */
  void endAll(long userId) {
    for (Entry e : open) {
      if (e.owner.account().id() == userId) {
        e.end("signed-out");
      }
    }
  }

  /** Ends the sessions opened with console session {@code sessionId} (signed out, timed out). */
  void endSession(String sessionId) {
    for (Entry e : open) {
      if (sessionId != null && sessionId.equals(e.owner.sessionId())) {
        e.end("signed-out");
      }
    }
  }

  /** Idle and too-long sessions end; every revalidate interval, callers are re-checked. */
  void tick() {
    Instant now = clock.instant();
    for (Entry e : open) {
      if (!e.lastActivity.plus(limits.idleTimeout()).isAfter(now)) {
        e.end("idle");
      } else if (!e.started.plus(limits.maxDuration()).isAfter(now)) {
        e.end("max-duration");
      } else {
        try {
          e.check.run();
        } catch (RuntimeException failure) {
          log.debug("exec session check failed: {}", failure.toString());
        }
      }
    }
    if (!lastRevalidation.plus(revalidateInterval).isAfter(now)) {
      lastRevalidation = now;
      revalidate();
    }
  }

  /** Ends the sessions whose caller is no longer valid (checked once per user, epoch and token). */
  void revalidate() {
    Map<List<Object>, List<Entry>> byCaller = new HashMap<>();
    for (Entry e : open) {
      List<Object> key = new ArrayList<>();
      key.add(e.owner.account().id());
      key.add(e.owner.account().credentialEpoch());
      key.add(e.owner.tokenId() == null ? "" : e.owner.tokenId());
      key.add(e.owner.sessionId() == null ? "" : e.owner.sessionId()); // issue 18 ha
      byCaller.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
    }
    for (List<Entry> entries : byCaller.values()) {
      boolean valid;
      try {
        valid = stillValid.test(entries.getFirst().owner);
      } catch (RuntimeException unavailable) {
        continue; // a database hiccup ends nothing; the next round checks again
      }
      if (!valid) {
        entries.forEach(e -> e.end("signed-out"));
      }
    }
  }

  int open(Kind kind) {
    return (int) open.stream().filter(e -> e.kind == kind).count();
  }

  /** Runs {@link #tick()} every second on a thread of its own. */
  ExecSessions start() {
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("kubeward-exec-sessions").daemon().factory());
    started.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    scheduler = started;
    return this;
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    open.forEach(e -> e.end("shutdown"));
  }
}
