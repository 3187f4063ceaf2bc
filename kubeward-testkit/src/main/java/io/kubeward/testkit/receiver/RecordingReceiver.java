package io.kubeward.testkit.receiver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An HTTP server on 127.0.0.1 (random port) that stands in for a notification receiver: it records
 * every request (method, path, query, headers, body), answers as the test programs it (status,
 * body, delay; a fixed answer, a queue of next answers, or a function of the request), can be
 * "down" (the port refuses connections) for a time, and lets a test wait for requests with a
 * deadline instead of sleeping.
 *
 * <p>Vendor receivers (DingTalk, Feishu, ...) build on it with {@link #respond(Function)}: the
 * function verifies the request as the vendor does and returns the vendor's success or error JSON.
 *
 * <pre>{@code
 * try (RecordingReceiver hook = RecordingReceiver.start()) {
 *   createChannel("ops-webhook", hook.url("/hook"));
 *   hook.down(Duration.ofSeconds(60));                      // connections refused for a minute
 *   RecordingReceiver.Request first = hook.awaitRequest(r -> r.bodyText().contains("FIRING"),
 *       Duration.ofSeconds(90));
 *   hook.assertNoRequest(r -> true, Duration.ofSeconds(5)); // nothing else arrives
 * }
 * }</pre>
 */
public final class RecordingReceiver implements AutoCloseable {

  /** Bodies above this size are answered 413 and recorded truncated. */
  public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  private static final int MAX_REBIND_ATTEMPTS = 50;

  private final Clock clock;
  private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable ->
              Thread.ofPlatform().daemon().name("recording-receiver-timer").unstarted(runnable));
  private final Object lock = new Object();
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Answer> nextAnswers = new ArrayDeque<>();
  private Function<Request, Answer> responder = request -> Answer.ok();
  private HttpServer server;
  private final int port;
  private boolean closed;
  private ScheduledFuture<?> pendingUp;

  private RecordingReceiver(Clock clock) {
    this.clock = clock;
    this.server = bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.port = server.getAddress().getPort();
  }

  /** Starts a receiver on 127.0.0.1 and a free port that answers {@code 200 {"ok":true}}. */
  public static RecordingReceiver start() {
    return new RecordingReceiver(Clock.systemUTC());
  }

  public static RecordingReceiver start(Clock clock) {
    return new RecordingReceiver(Objects.requireNonNull(clock, "clock"));
  }

  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:<port><path>}; the path starts with a slash (or is empty). */
  public URI url(String pathAndQuery) {
    if (!pathAndQuery.isEmpty() && !pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + pathAndQuery);
    }
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  // ---------------------------------------------------------------- answers

  /** Every request from now on gets this answer (after any queued {@link #answerNext}). */
  public RecordingReceiver answer(Answer answer) {
    Objects.requireNonNull(answer, "answer");
    return respond(request -> answer);
  }

  /** Every request from now on is answered by this function (after any queued answers). */
  public RecordingReceiver respond(Function<Request, Answer> responder) {
    synchronized (lock) {
      this.responder = Objects.requireNonNull(responder, "responder");
    }
    return this;
  }

  /** The next requests get these answers, one each, in order; then the usual answer again. */
  public RecordingReceiver answerNext(Answer... answers) {
    synchronized (lock) {
      nextAnswers.addAll(List.of(answers));
    }
    return this;
  }

  // ---------------------------------------------------------------- down / up

  /**
   * Closes the port (new connections are refused, open ones dropped) for {@code duration}, then
   * listens on the same port again.
   */
  public RecordingReceiver down(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive: " + duration);
    }
    synchronized (lock) {
      goDown();
      pendingUp = timer.schedule(this::up, duration.toMillis(), TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /** Closes the port until {@link #up()}. */
  public RecordingReceiver down() {
    synchronized (lock) {
      goDown();
    }
    return this;
  }

  /** Listens again on the same port (no-op when it is up). */
  public RecordingReceiver up() {
    synchronized (lock) {
      if (pendingUp != null) {
        pendingUp.cancel(false);
        pendingUp = null;
      }
      if (closed || server != null) {
        return this;
      }
      server = rebind();
      lock.notifyAll();
    }
    return this;
  }

  /** Waits until the receiver listens again (after {@link #down(Duration)}). */
  public void awaitUp(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    synchronized (lock) {
      while (server == null) {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
          throw new AssertionError("receiver still down after " + timeout);
        }
        waitOn(left);
      }
    }
  }

  public boolean isDown() {
    synchronized (lock) {
      return server == null;
    }
  }

  private void goDown() {
    if (closed) {
      throw new IllegalStateException("receiver is closed");
    }
    if (pendingUp != null) {
      pendingUp.cancel(false);
      pendingUp = null;
    }
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  // ---------------------------------------------------------------- recorded requests

  /** The requests received so far, oldest first. */
  public List<Request> requests() {
    synchronized (lock) {
      return List.copyOf(requests);
    }
  }

  public List<Request> requests(Predicate<Request> filter) {
    return requests().stream().filter(filter).toList();
  }

  public int count() {
    synchronized (lock) {
      return requests.size();
    }
  }

  /** Forgets the recorded requests (answers and down state are kept). */
  public void clear() {
    synchronized (lock) {
      requests.clear();
    }
  }

  /** Waits for the first request (ever recorded) and returns it. */
  public Request awaitRequest(Duration timeout) {
    return awaitRequests(request -> true, 1, timeout).get(0);
  }

  /** Waits for the first recorded request that matches. */
  public Request awaitRequest(Predicate<Request> filter, Duration timeout) {
    return awaitRequests(filter, 1, timeout).get(0);
  }

  /** Waits until at least {@code count} requests were recorded; returns all recorded so far. */
  public List<Request> awaitRequests(int count, Duration timeout) {
    return awaitRequests(request -> true, count, timeout);
  }

  /**
   * Waits until at least {@code count} recorded requests match; returns all matching ones so far.
   *
   * @throws AssertionError at the deadline, naming what was received
   */
  public List<Request> awaitRequests(Predicate<Request> filter, int count, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    synchronized (lock) {
      while (true) {
        List<Request> matching = requests.stream().filter(filter).toList();
        if (matching.size() >= count) {
          return matching;
        }
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
          throw new AssertionError(
              "Expected "
                  + count
                  + " matching request(s) within "
                  + timeout
                  + " but "
                  + matching.size()
                  + " matched of "
                  + requests.size()
                  + " received: "
                  + summary(requests));
        }
        waitOn(left);
      }
    }
  }

  /**
   * Asserts that no request matching {@code filter} arrives (or has arrived) during {@code during}.
   * This is a negative assertion and therefore does wait the whole time: keep it short.
   */
  public void assertNoRequest(Predicate<Request> filter, Duration during) {
    assertAtMost(filter, 0, during);
  }

  /** Asserts that at most {@code max} matching requests are recorded throughout {@code during}. */
  public void assertAtMost(Predicate<Request> filter, int max, Duration during) {
    Instant end = Instant.now().plus(during);
    synchronized (lock) {
      while (true) {
        List<Request> matching = requests.stream().filter(filter).toList();
        if (matching.size() > max) {
          throw new AssertionError(
              "Expected at most "
                  + max
                  + " matching request(s) but got "
                  + matching.size()
                  + ": "
                  + summary(matching));
        }
        long left = Duration.between(Instant.now(), end).toMillis();
        if (left <= 0) {
          return;
        }
        waitOn(left);
      }
    }
  }

  private void waitOn(long millis) {
    try {
      lock.wait(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for requests", e);
    }
  }

  private static String summary(List<Request> requests) {
    if (requests.isEmpty()) {
      return "none";
    }
    return requests.stream()
        .map(r -> r.method() + " " + r.path() + " " + abbreviate(r.bodyText(), 200))
        .collect(Collectors.joining("; ", "[", "]"));
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "...";
  }

  // ---------------------------------------------------------------- HTTP

  private HttpServer bind(InetSocketAddress address) {
    try {
      HttpServer created = HttpServer.create(address, 64);
      created.setExecutor(handlers);
      created.createContext("/", this::handle);
      created.start();
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + address, e);
    }
  }

  private HttpServer rebind() {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    UncheckedIOException last = null;
    for (int attempt = 0; attempt < MAX_REBIND_ATTEMPTS; attempt++) {
      try {
        return bind(address);
      } catch (UncheckedIOException e) {
        last = e;
        pause(); // the port may still be held by the closed socket for a moment
      }
    }
    throw new IllegalStateException("Cannot listen on port " + port + " again", last);
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listening again", e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = readBounded(exchange.getRequestBody());
      boolean tooLarge = body.length > MAX_BODY_BYTES;
      if (tooLarge) {
        body = Arrays.copyOf(body, MAX_BODY_BYTES);
      }
      URI uri = exchange.getRequestURI();
      Request request =
          new Request(
              clock.instant(),
              exchange.getRequestMethod(),
              uri.getRawPath(),
              uri.getRawQuery(),
              headers(exchange),
              body);
      Answer answer;
      synchronized (lock) {
        Answer queued = nextAnswers.poll();
        if (queued != null) {
          answer = queued;
        } else {
          answer = tooLarge ? Answer.status(413) : responder.apply(request);
        }
        requests.add(request.answered(answer.status()));
        lock.notifyAll();
      }
      if (!answer.delay().isZero()) {
        try {
          Thread.sleep(answer.delay()); // an answer delay the test asked for, not a synchronisation
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream stream = exchange.getResponseBody()) {
          stream.write(out);
        }
      }
    }
  }

  private static byte[] readBounded(InputStream in) throws IOException {
    return in.readNBytes(MAX_BODY_BYTES + 1);
  }

  private static Map<String, List<String>> headers(HttpExchange exchange) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(headers);
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      if (pendingUp != null) {
        pendingUp.cancel(false);
      }
      if (server != null) {
        server.stop(0);
        server = null;
      }
      lock.notifyAll();
    }
    timer.shutdownNow();
    handlers.shutdownNow();
  }

  // ---------------------------------------------------------------- values

  /** One recorded request. Header names are case-insensitive. */
  public record Request(
      Instant receivedAt,
      String method,
      String path,
      String rawQuery,
      Map<String, List<String>> headers,
      byte[] body,
      int answeredStatus) {

    Request(
        Instant receivedAt,
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body) {
      this(receivedAt, method, path, rawQuery, headers, body, 0);
    }

    Request answered(int status) {
      return new Request(receivedAt, method, path, rawQuery, headers, body, status);
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Query parameters, URL-decoded, in order of appearance. */
    public Map<String, List<String>> query() {
      Map<String, List<String>> params = new LinkedHashMap<>();
      if (rawQuery == null || rawQuery.isEmpty()) {
        return params;
      }
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
      return params;
    }

    /** The first value of a query parameter, URL-decoded, if present. */
    public Optional<String> queryParam(String name) {
      List<String> values = query().get(name);
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public boolean bodyContains(String text) {
      return bodyText().contains(text);
    }

    private static String decode(String text) {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return method
          + " "
          + path
          + (rawQuery == null ? "" : "?" + rawQuery)
          + " -> "
          + answeredStatus;
    }
  }

  /** What the receiver answers: status, body, content type, extra headers, and a delay. */
  public record Answer(
      int status, String body, String contentType, Map<String, String> headers, Duration delay) {

    public Answer {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("HTTP status out of range: " + status);
      }
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(contentType, "contentType");
      headers = Map.copyOf(headers);
      if (delay.isNegative()) {
        throw new IllegalArgumentException("negative delay");
      }
    }

    /** {@code 200 {"ok":true}}. */
    public static Answer ok() {
      return json(200, "{\"ok\":true}");
    }

    public static Answer json(int status, String json) {
      return new Answer(status, json, "application/json; charset=utf-8", Map.of(), Duration.ZERO);
    }

    public static Answer text(int status, String text) {
      return new Answer(status, text, "text/plain; charset=utf-8", Map.of(), Duration.ZERO);
    }

    public static Answer status(int status) {
      return text(status, "");
    }

    public Answer withDelay(Duration delay) {
      return new Answer(status, body, contentType, headers, delay);
    }

    public Answer withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name.toLowerCase(Locale.ROOT), value);
      return new Answer(status, body, contentType, more, delay);
    }
  }
}
