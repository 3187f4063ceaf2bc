package io.kubeward.alert.app.channel;

import io.kubeward.alert.app.AlertHistory;
import io.kubeward.alert.app.NotificationSender;
import io.kubeward.alert.domain.Delivery;
import io.kubeward.alert.domain.HistoryEntry;
import io.kubeward.alert.domain.HistoryKind;
import io.kubeward.alert.domain.Notification;
import io.kubeward.alert.domain.channel.ChannelSettings;
import io.kubeward.alert.domain.channel.ChannelSupport;
import io.kubeward.alert.domain.channel.ChannelType;
import io.kubeward.alert.domain.channel.HttpPost;
import io.kubeward.alert.domain.channel.MailMessage;
import io.kubeward.alert.domain.channel.NotificationText;
import io.kubeward.alert.domain.channel.OutboundMessage;
import io.kubeward.alert.domain.channel.RenderedText;
import io.kubeward.common.KubewardException;
import io.kubeward.history.app.OutboundGuard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery engine ({@link NotificationSender}): one queue per channel, drained in order by a
 * virtual thread of its own; each notification is rendered (text in the channel's language, the
 * type's payload, signed), its destinations checked by the {@link OutboundGuard} before every
 * attempt, sent by the HTTP or SMTP transport, and retried with exponential backoff ({@link
 * DeliverySettings}) while the failure is transient (a network error, a timeout, HTTP 408/429/5xx);
 * a per-channel rate limit ({@code maxPerMinute} attempts in any minute) holds later attempts back.
 * Every attempt — and every wait for the rate limit — is one NOTIFICATION line of the {@link
 * AlertHistory}: the payload's SHA-256, the result ({@code delivered}, {@code retrying}, {@code
 * failed}, {@code rate-limited}), the attempt's number, latency and error. The channel is read
 * again before each attempt, so a corrected URL or secret helps a notification being retried.
 */
public final class ChannelDelivery implements NotificationSender, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ChannelDelivery.class);

  public static final String DELIVERED = "delivered";
  public static final String RETRYING = "retrying";
  public static final String FAILED = "failed";
  public static final String RATE_LIMITED = "rate-limited";

  /** Waits between attempts (a test advances a clock instead). */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper SYSTEM = duration -> Thread.sleep(duration);
  }

  /**
   * Port: told of every attempt made and of every wait for the rate limit ({@code rate-limited},
   * zero latency); the server counts them for its metrics.
   */
  @FunctionalInterface
  public interface AttemptObserver {
    void attempted(String type, String result, Duration latency);

    AttemptObserver NONE = (type, result, latency) -> {};
  }

  private final ChannelStore store;
  private final ChannelTypes types;
  private final OutboundGuard guard;
  private final Transports.HttpSender http;
  private final Transports.MailSender mail;
  private final AlertHistory history;
  private final DeliverySettings settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private final AttemptObserver observer;
  private final Map<String, ChannelQueue> queues = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public ChannelDelivery(
      ChannelStore store,
      ChannelTypes types,
      OutboundGuard guard,
      Transports.HttpSender http,
      Transports.MailSender mail,
      AlertHistory history,
      DeliverySettings settings,
      Clock clock,
      Sleeper sleeper) {
    this(store, types, guard, http, mail, history, settings, clock, sleeper, AttemptObserver.NONE);
  }

  public ChannelDelivery(
      ChannelStore store,
      ChannelTypes types,
      OutboundGuard guard,
      Transports.HttpSender http,
      Transports.MailSender mail,
      AlertHistory history,
      DeliverySettings settings,
      Clock clock,
      Sleeper sleeper,
      AttemptObserver observer) {
    this.observer = observer;
    this.store = store;
    this.types = types;
    this.guard = guard;
    this.http = http;
    this.mail = mail;
    this.history = history;
    this.settings = settings;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public CompletableFuture<Delivery> send(Notification notification) {
    CompletableFuture<Delivery> result = new CompletableFuture<>();
    String channel = notification.channel();
    Optional<String> refusal = refusal(channel);
    if (refusal.isPresent()) {
      record(notification, null, FAILED, 0, null, refusal.get(), "not sent");
      result.complete(new Delivery(false, 0, Duration.ZERO, refusal.get()));
      return result;
    }
    ChannelQueue queue = queues.computeIfAbsent(channel, ChannelQueue::new);
    if (!queue.offer(new Job(notification, result))) {
      String error =
          "the queue of channel " + channel + " is full (" + settings.queueCapacity() + ")";
      record(notification, null, FAILED, 0, null, error, "not sent");
      result.complete(new Delivery(false, 0, Duration.ZERO, error));
    }
    return result;
  }

  /**
   * One attempt now, outside the channel's queue and rate limit (the "send test message" button),
   * recorded in the history like any attempt; waits at most the test timeout.
   */
  public Delivery sendOnce(Notification notification) {
    Optional<String> refusal = refusal(notification.channel());
    if (refusal.isPresent()) {
      return new Delivery(false, 0, Duration.ZERO, refusal.get());
    }
    CompletableFuture<Delivery> future = new CompletableFuture<>();
    Thread.ofVirtual()
        .name("alert-channel-test-" + notification.channel())
        .start(
            () -> {
              Attempt a = attempt(notification, 1, true);
              future.complete(new Delivery(a.delivered(), 1, a.latency(), a.error()));
            });
    try {
      return future.get(settings.testTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return new Delivery(
          false, 1, settings.testTimeout(), "no answer within " + settings.testTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Delivery(false, 1, Duration.ZERO, "interrupted");
    } catch (java.util.concurrent.ExecutionException e) {
      return new Delivery(false, 1, Duration.ZERO, String.valueOf(e.getCause()));
    }
  }

  /** Notifications waiting or being delivered, all channels together. */
  public int queued() {
    return queues.values().stream().mapToInt(ChannelQueue::size).sum();
  }

  /** Notifications waiting or being delivered for {@code channel}. */
  public int queued(String channel) {
    ChannelQueue queue = queues.get(channel);
    return queue == null ? 0 : queue.size();
  }

  private Optional<String> refusal(String channel) {
    if (closed) {
      return Optional.of("Kubeward is shutting down");
    }
    Optional<ChannelStore.Stored> stored;
    try {
      stored = store.find(channel);
    } catch (KubewardException e) {
      return Optional.of(e.getMessage());
    }
    if (stored.isEmpty()) {
      return Optional.of("no channel " + channel);
    }
    if (!stored.get().settings().enabled()) {
      return Optional.of("channel " + channel + " is disabled");
    }
    if (types.find(stored.get().settings().type()).isEmpty()) {
      return Optional.of(
          "channel " + channel + " has the unknown type " + stored.get().settings().type());
    }
    return Optional.empty();
  }

  private record Job(Notification notification, CompletableFuture<Delivery> result) {}

  /** What one attempt gave. */
  private record Attempt(
      boolean delivered, boolean retryable, Duration latency, @Nullable String error) {}

  /** A channel's queue and its worker; the worker runs only while the queue has jobs. */
  private final class ChannelQueue {
    private final String channel;
    private final Deque<Job> jobs = new ArrayDeque<>();
    private final Deque<Instant> window = new ArrayDeque<>();
    private boolean running;
    private @Nullable Thread worker;

    ChannelQueue(String channel) {
      this.channel = channel;
    }

    synchronized int size() {
      return jobs.size() + (running ? 1 : 0);
    }

    synchronized boolean offer(Job job) {
      if (jobs.size() >= settings.queueCapacity()) {
        return false;
      }
      jobs.addLast(job);
      if (!running) {
        running = true;
        worker = Thread.ofVirtual().name("alert-channel-" + channel).start(this::drain);
      }
      return true;
    }

    private void drain() {
      while (true) {
        Job job;
        synchronized (this) {
          job = jobs.pollFirst();
          if (job == null || closed) {
            running = false;
            worker = null;
            if (job != null) {
              abandon(job);
              jobs.forEach(ChannelDelivery.this::abandon);
              jobs.clear();
            }
            return;
          }
        }
        try {
          job.result().complete(deliver(job.notification(), this));
        } catch (RuntimeException e) {
          log.warn("Alert channel {}: delivery failed unexpectedly", channel, e);
          job.result().complete(new Delivery(false, 0, Duration.ZERO, e.toString()));
        }
      }
    }

    synchronized void interrupt() {
      if (worker != null) {
        worker.interrupt();
      }
    }

    /** Waits until one more attempt fits into the channel's minute; records the wait once. */
    void awaitRateLimit(Notification n, String type, int maxPerMinute, int attempt)
        throws InterruptedException {
      boolean recorded = false;
      while (true) {
        Instant now = clock.instant();
        Instant oldestAllowed = now.minus(Duration.ofMinutes(1));
        Duration wait;
        synchronized (this) {
          while (!window.isEmpty() && !window.peekFirst().isAfter(oldestAllowed)) {
            window.pollFirst();
          }
          if (window.size() < maxPerMinute) {
            window.addLast(now);
            return;
          }
          wait = Duration.between(oldestAllowed, window.peekFirst());
        }
        if (!recorded) {
          record(
              n,
              null,
              RATE_LIMITED,
              attempt,
              null,
              null,
              "at most " + maxPerMinute + " per minute; waiting " + wait.toMillis() + " ms");
          observer.attempted(type, RATE_LIMITED, Duration.ZERO);
          recorded = true;
        }
        sleeper.sleep(wait.isZero() ? Duration.ofMillis(1) : wait);
      }
    }
  }

  private void abandon(Job job) {
    job.result().complete(new Delivery(false, 0, Duration.ZERO, "Kubeward is shutting down"));
  }

  private Delivery deliver(Notification n, ChannelQueue queue) {
    Attempt last = null;
    int attempt = 0;
    try {
      while (attempt < settings.maxAttempts()) {
        attempt++;
        Optional<ChannelStore.Stored> stored = store.find(n.channel());
        if (stored.isEmpty() || !stored.get().settings().enabled()) {
          String error = "channel " + n.channel() + " was deleted or disabled";
          record(n, null, FAILED, attempt, null, error, "not sent");
          return new Delivery(false, attempt - 1, Duration.ZERO, error);
        }
        ChannelSettings current = stored.get().settings();
        queue.awaitRateLimit(n, current.type(), current.maxPerMinute(), attempt);
        last = attempt(n, attempt, false);
        if (last.delivered() || !last.retryable() || attempt == settings.maxAttempts()) {
          break;
        }
        sleeper.sleep(settings.backoff(attempt));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Delivery(false, attempt, Duration.ZERO, "Kubeward is shutting down");
    } catch (KubewardException e) {
      record(n, null, FAILED, attempt, null, e.getMessage(), "not sent");
      return new Delivery(false, attempt, Duration.ZERO, e.getMessage());
    }
    return new Delivery(last.delivered(), attempt, last.latency(), last.error());
  }

  /** One attempt: render, guard, send, judge; recorded in the history. */
  private Attempt attempt(Notification n, int attempt, boolean once) {
    ChannelSettings s;
    ChannelType type;
    OutboundMessage message;
    String hash;
    try {
      s =
          store
              .find(n.channel())
              .orElseThrow(() -> ChannelException.notFound(n.channel()))
              .settings();
      type =
          types
              .find(s.type())
              .orElseThrow(
                  () ->
                      ChannelException.unknownType(
                          s.type(), types.all().stream().map(ChannelType::type).toList()));
      RenderedText text =
          NotificationText.render(n, s.language(), s.titleTemplate(), s.bodyTemplate());
      message = type.render(n, s, text, clock.instant());
      hash = ChannelSupport.sha256Hex(message.payload());
    } catch (RuntimeException e) {
      String error = "cannot render the message: " + e.getMessage();
      record(n, null, FAILED, attempt, null, error, detail(n));
      return new Attempt(false, false, Duration.ZERO, error);
    }
    for (URI destination : type.destinations(s)) {
      Optional<OutboundGuard.Refusal> refused = guard.judge(destination, s.allowPrivateAddresses());
      if (refused.isPresent()) {
        OutboundGuard.Refusal r = refused.get();
        boolean retryable = r.unresolved();
        String error =
            "refused "
                + r.host()
                + ": "
                + r.reason()
                + (retryable ? "" : "; an administrator may allow it with allowPrivateAddresses");
        return finish(n, type.type(), attempt, once, hash, Duration.ZERO, false, retryable, error);
      }
    }
    long started = System.nanoTime();
    boolean delivered = false;
    boolean retryable;
    String error = null;
    try {
      switch (message) {
        case HttpPost post -> {
          Transports.HttpAnswer answer = http.post(post);
          Optional<String> failure = type.failure(answer.status(), answer.body());
          delivered = failure.isEmpty();
          error = failure.orElse(null);
          int status = answer.status();
          retryable = !delivered && (status == 408 || status == 429 || status >= 500);
        }
        case MailMessage m -> {
          mail.send(m);
          delivered = true;
          retryable = false;
        }
      }
    } catch (HttpTimeoutException e) {
      retryable = true;
      error = "no answer within " + settings.requestTimeout();
    } catch (PermanentFailure e) {
      retryable = false;
      error = e.getMessage();
    } catch (IOException e) {
      retryable = true;
      error = describe(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      retryable = false;
      error = "interrupted";
    } catch (RuntimeException e) {
      retryable = false;
      error = describe(e);
    }
    Duration latency = Duration.ofNanos(System.nanoTime() - started);
    return finish(n, type.type(), attempt, once, hash, latency, delivered, retryable, error);
  }

  private Attempt finish(
      Notification n,
      String type,
      int attempt,
      boolean once,
      String hash,
      Duration latency,
      boolean delivered,
      boolean retryable,
      @Nullable String error) {
    boolean willRetry = !delivered && retryable && !once && attempt < settings.maxAttempts();
    String result = delivered ? DELIVERED : willRetry ? RETRYING : FAILED;
    record(n, hash, result, attempt, latency, error, detail(n));
    observer.attempted(type, result, latency);
    if (!delivered) {
      log.info("Alert channel {}: attempt {} {}: {}", n.channel(), attempt, result, error);
    }
    return new Attempt(delivered, retryable, latency, error);
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    String kind = e.getClass().getSimpleName();
    return message == null || message.isBlank() ? kind : kind + ": " + message;
  }

  private static String detail(Notification n) {
    if (n.test()) {
      return "test message";
    }
    return n.firing().size() + " firing, " + n.resolved().size() + " resolved";
  }

  private void record(
      Notification n,
      @Nullable String hash,
      String result,
      int attempt,
      @Nullable Duration latency,
      @Nullable String error,
      @Nullable String detail) {
    history.record(
        new HistoryEntry(
            null,
            clock.instant(),
            n.scope(),
            HistoryKind.NOTIFICATION,
            null,
            null,
            n.channel(),
            n.groupKey(),
            hash,
            result,
            attempt,
            latency == null ? null : latency.toMillis(),
            error == null ? null : cut(error),
            detail));
  }

  private static String cut(String error) {
    return error.length() > 1000 ? error.substring(0, 999) + "…" : error;
  }

  /** A transport failure no retry can fix (authentication refused, recipient refused). */
  public static final class PermanentFailure extends IOException {
    public PermanentFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Override
  public void close() {
    closed = true;
    queues.values().forEach(ChannelQueue::interrupt);
  }
}
