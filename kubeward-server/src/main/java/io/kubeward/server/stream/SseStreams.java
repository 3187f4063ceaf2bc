package io.kubeward.server.stream;

import io.kubeward.server.security.CurrentUser;
import io.kubeward.user.app.OpenSessions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Every Server-Sent Event stream of the server, pumped the one way: a bounded queue per stream
 * filled by its source without blocking (a client that falls behind gets {@code event: overflow}
 * and is disconnected; its EventSource reconnects), drained by a virtual thread of its own that
 * sends events, a heartbeat comment after {@code heartbeat} of silence, and never logs a client
 * that went away.
 *
 * <p>Also the registry of open streams: at most {@code max-per-user} per user and {@code max-total}
 * in all (429 {@code stream.too-many} beyond), each stream's caller re-checked every {@code
 * revalidate-interval} (password changed, user disabled or deleted, grants narrowed, token revoked:
 * the stream gets {@code event: closed} and ends), and {@link #endAll(long)} closes a user's
 * streams at once when such a change is made in this replica.
 */
public final class SseStreams implements OpenSessions, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SseStreams.class);
  static final long POLL_MILLIS = 200;

  /** The source of a stream's items: subscribes a sink, returns what unsubscribes it. */
  @FunctionalInterface
  public interface Source<T> {
    AutoCloseable subscribe(Consumer<T> sink);
  }

  /** What a stream sends; called on the stream's own thread only. */
  public interface Handler<T> {
    /**
     * One queued item.
     *
     * @return {@code false} to end the stream (e.g. a finished maintenance)
     */
    boolean onItem(T item, Sender out) throws IOException;

    /** After each item and at least every {@value #POLL_MILLIS} ms (coalesced events). */
    default void onTick(Sender out) throws IOException {}
  }

  /** Sends on one stream and remembers when, for the heartbeat. */
  public static final class Sender {
    private final SseEmitter emitter;
    private long lastSend = System.nanoTime();

    Sender(SseEmitter emitter) {
      this.emitter = emitter;
    }

    public void event(String name, Object data) throws IOException {
      emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
      lastSend = System.nanoTime();
    }

    void comment(String text) throws IOException {
      emitter.send(SseEmitter.event().comment(text));
      lastSend = System.nanoTime();
    }
  }

  private final class Stream {
    final CurrentUser owner;
    final String name;
    final AtomicReference<String> endReason = new AtomicReference<>();

    Stream(CurrentUser owner, String name) {
      this.owner = owner;
      this.name = name;
    }

    void end(String reason) {
      endReason.compareAndSet(null, reason);
    }
  }

  private final StreamProperties properties;
  private final Predicate<CurrentUser> check;
  private final Set<Stream> open = ConcurrentHashMap.newKeySet();
  private final Map<Long, Integer> perUser = new HashMap<>();
  private volatile ScheduledExecutorService scheduler;

  /**
   * @param check whether an open stream's caller is still valid (re-read from the stores)
   */
  public SseStreams(StreamProperties properties, Predicate<CurrentUser> check) {
    this.properties = properties;
    this.check = check;
  }

  /**
   * Opens a stream for {@code owner}: reserves a place (or refuses), subscribes on the calling
   * thread (so a refusal of the source, e.g. access denied, is an ordinary problem response), and
   * starts the pump.
   *
   * @throws StreamLimitException when the owner or the server has too many open streams
   */
  public <T> SseEmitter open(
      CurrentUser owner, String name, int queueCapacity, Source<T> source, Handler<T> handler) {
    Stream stream = reserve(owner, name);
    BlockingQueue<T> queue = new ArrayBlockingQueue<>(queueCapacity);
    AtomicBoolean overflowed = new AtomicBoolean();
    AutoCloseable subscription;
    try {
      subscription =
          source.subscribe(
              item -> {
                if (!queue.offer(item)) {
                  overflowed.set(true);
                }
              });
    } catch (RuntimeException refused) {
      release(stream);
      throw refused;
    }
    SseEmitter emitter = new SseEmitter(0L);
    AtomicBoolean done = new AtomicBoolean();
    emitter.onCompletion(() -> done.set(true));
    emitter.onTimeout(() -> done.set(true));
    emitter.onError(e -> done.set(true));
    Thread.ofVirtual()
        .name("kubeward-sse-" + name)
        .start(() -> pump(stream, emitter, queue, overflowed, done, subscription, handler));
    return emitter;
  }

  private <T> void pump(
      Stream stream,
      SseEmitter emitter,
      BlockingQueue<T> queue,
      AtomicBoolean overflowed,
      AtomicBoolean done,
      AutoCloseable subscription,
      Handler<T> handler) {
    Sender out = new Sender(emitter);
    long heartbeat = properties.heartbeat().toNanos();
    try {
      out.comment("connected");
      while (!done.get()) {
        String reason = stream.endReason.get();
        if (reason != null) {
          out.event("closed", Map.of("reason", reason));
          break;
        }
        if (overflowed.get()) {
          log.info(
              "SSE client of {} ({}) too slow: disconnected",
              stream.name,
              stream.owner.account().username());
          out.event("overflow", Map.of("reconnect", true));
          break;
        }
        T item = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (item != null && !handler.onItem(item, out)) {
          break;
        }
        handler.onTick(out);
        if (System.nanoTime() - out.lastSend > heartbeat) {
          out.comment("keep-alive");
        }
      }
      emitter.complete();
    } catch (IOException | IllegalStateException e) {
      // the client went away: normal for a stream
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("SSE stream {} failed: {}", stream.name, e.toString());
      emitter.completeWithError(e);
    } finally {
      try {
        subscription.close();
      } catch (Exception e) {
        log.debug("closing the source of stream {}: {}", stream.name, e.toString());
      }
      release(stream);
    }
  }

  private synchronized Stream reserve(CurrentUser owner, String name) {
    long userId = owner.account().id();
    int mine = perUser.getOrDefault(userId, 0);
    if (mine >= properties.maxPerUser()) {
      throw new StreamLimitException("user", properties.maxPerUser(), properties.retryAfter());
    }
    if (open.size() >= properties.maxTotal()) {
      throw new StreamLimitException("server", properties.maxTotal(), properties.retryAfter());
    }
    Stream stream = new Stream(owner, name);
    open.add(stream);
    perUser.put(userId, mine + 1);
    return stream;
  }

  private synchronized void release(Stream stream) {
    if (open.remove(stream)) {
      perUser.computeIfPresent(stream.owner.account().id(), (id, n) -> n <= 1 ? null : n - 1);
    }
  }

  /** Closes every open stream of {@code userId} in this replica (within one poll interval). */
  @Override
  public void endAll(long userId) {
    for (Stream stream : open) {
      if (stream.owner.account().id() == userId) {
        stream.end("signed-out");
      }
    }
  }

  /**
   * Closes the streams opened with console session {@code sessionId} (signed out or timed out) in
   * this replica, where that session lives.
   */
  public void endSession(String sessionId) {
    for (Stream stream : open) {
      if (sessionId != null && sessionId.equals(stream.owner.sessionId())) {
        stream.end("signed-out");
      }
    }
  }

  /**
   * Re-checks the caller of every open stream (once per user, session epoch and token) and ends the
   * streams whose caller is no longer valid. Called every {@code revalidate-interval}.
   */
  public void revalidate() {
    Map<List<Object>, List<Stream>> byCaller = new HashMap<>();
    for (Stream stream : open) {
      CurrentUser owner = stream.owner;
      List<Object> key = new ArrayList<>();
      key.add(owner.account().id());
      key.add(owner.account().credentialEpoch());
      key.add(owner.tokenId() == null ? "" : owner.tokenId());
      key.add(owner.sessionId() == null ? "" : owner.sessionId()); // issue 18 ha
      byCaller.computeIfAbsent(key, k -> new ArrayList<>()).add(stream);
    }
    for (List<Stream> streams : byCaller.values()) {
      boolean valid;
      try {
        valid = check.test(streams.getFirst().owner);
      } catch (RuntimeException unavailable) {
        log.debug("cannot re-check stream callers now: {}", unavailable.toString());
        continue; // a database hiccup closes nothing; the next round checks again
      }
      if (!valid) {
        streams.forEach(s -> s.end("signed-out"));
      }
    }
  }

  /** Open streams in all (for tests and metrics). */
  public int openStreams() {
    return open.size();
  }

  /** Runs {@link #revalidate()} every {@code revalidate-interval} on a thread of its own. */
  public SseStreams startRevalidation() {
    long millis = properties.revalidateInterval().toMillis();
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("kubeward-stream-revalidation").daemon().factory());
    started.scheduleWithFixedDelay(this::revalidate, millis, millis, TimeUnit.MILLISECONDS);
    scheduler = started;
    return this;
  }

  /** Ends every stream (shutdown) and the re-checks. */
  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    open.forEach(s -> s.end("shutdown"));
  }
}
