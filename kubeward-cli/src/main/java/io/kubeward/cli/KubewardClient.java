package io.kubeward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The REST API as the CLI uses it: JSON in and out, {@code Authorization: Bearer} with the stored
 * token, {@code X-Kubeward-Client: cli} (audit origin CLI), {@code Accept-Language} from the
 * environment. Failures become {@link CliException}s with one sentence: the server's problem, or
 * "cannot reach Kubeward at URL".
 */
public final class KubewardClient {

  static final String CLIENT_HEADER = "X-Kubeward-Client";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  /**
   * A stream that sends nothing (not even the server's 15 s keep-alive) for this long is given up
   * and followed again: a half-open connection must not hang {@code drain --follow}.
   */
  public static final Duration DEFAULT_STREAM_IDLE = Duration.ofSeconds(45);

  private Duration streamIdle = DEFAULT_STREAM_IDLE;

  private final String server;
  private final String token;
  private final Messages messages;
  private final CookieManager cookies;
  private final HttpClient http;

  /** A client with a bearer token ({@code null} for sign-in, which then keeps session cookies). */
  public KubewardClient(String server, String token, Messages messages) {
    this.server = stripSlash(server);
    this.token = token;
    this.messages = messages;
    this.cookies = token == null ? new CookieManager() : null;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER);
    if (cookies != null) {
      builder.cookieHandler(cookies);
    }
    this.http = builder.build();
  }

  /** How long a stream may stay silent before it is given up (see {@link #DEFAULT_STREAM_IDLE}). */
  public KubewardClient withStreamIdle(Duration idle) {
    this.streamIdle = idle;
    return this;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public String server() {
    return server;
  }

  /** A path segment, percent-encoded. */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A query parameter value, percent-encoded. */
  public static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public JsonNode get(String path) {
    return send("GET", path, null);
  }

  public JsonNode post(String path, Object body) {
    return send("POST", path, body);
  }

  public JsonNode put(String path, Object body) {
    return send("PUT", path, body);
  }

  /** Sends a JSON request; answers the JSON body (an empty object for 204) or throws. */
  public JsonNode send(String method, String path, Object body) {
    return send(method, path, body, REQUEST_TIMEOUT);
  }

  /**
   * {@link #send(String, String, Object)} for a request the server may work on longer than the
   * usual minute (a helm run is bounded by the server's {@code kubeward.helm.timeout}, up to 1 h).
   */
  public JsonNode send(String method, String path, Object body, Duration timeout) {
    HttpRequest.Builder request = request(path).timeout(timeout);
    request.header("Accept", "application/json, application/problem+json");
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(write(body)));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    if (cookies != null && !method.equals("GET")) {
      xsrfToken().ifPresent(t -> request.header("X-XSRF-TOKEN", t));
    }
    HttpResponse<String> response =
        exchange(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() >= 400) {
      throw refused(response.statusCode(), response.body());
    }
    String text = response.body();
    if (text == null || text.isBlank()) {
      return Json.MAPPER.createObjectNode();
    }
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new CliException(ExitCode.REFUSED, messages.get("error.not-json", method, path));
    }
  }

  // --- issue 16 backup
  /** Downloads {@code path} into {@code target} (a binary body, e.g. an archive); the bytes. */
  public long download(String path, java.io.OutputStream target) {
    HttpRequest request = request(path).header("Accept", "*/*").GET().build();
    HttpResponse<InputStream> response =
        exchange(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() >= 400) {
        throw refused(
            response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
      }
      return body.transferTo(target);
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  // --- end issue 16 backup

  /**
   * Downloads {@code path} into {@code target} (streamed; written to a temporary file beside it and
   * moved when complete); answers the response headers. A refusal throws as {@link #send} does.
   */
  public java.net.http.HttpHeaders download(String path, java.nio.file.Path target) {
    HttpRequest request =
        request(path)
            .header("Accept", "application/octet-stream, application/problem+json")
            .GET()
            .build();
    HttpResponse<InputStream> response =
        exchange(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() >= 400) {
        throw refused(
            response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
      }
      java.nio.file.Path parent = target.toAbsolutePath().getParent();
      java.nio.file.Path partial =
          java.nio.file.Files.createTempFile(parent, ".kubeward-download-", ".part");
      try {
        java.nio.file.Files.copy(body, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        java.nio.file.Files.move(
            partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } finally {
        java.nio.file.Files.deleteIfExists(partial);
      }
      return response.headers();
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  /**
   * Follows a {@code text/event-stream} until it ends or {@code handler} answers {@code false};
   * answers whether the handler asked to stop.
   */
  public boolean stream(String path, Predicate<SseEvent> handler) {
    HttpRequest request = request(path).header("Accept", "text/event-stream").GET().build();
    HttpResponse<InputStream> response =
        exchange(request, HttpResponse.BodyHandlers.ofInputStream());
    InputStream body = response.body();
    if (response.statusCode() >= 400) {
      try (body) {
        throw refused(
            response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw unreachable(e);
      }
    }
    AtomicLong lastData = new AtomicLong(System.nanoTime());
    AtomicBoolean finished = new AtomicBoolean();
    Thread watchdog =
        Thread.ofVirtual()
            .name("kubeward-cli-stream-watchdog")
            .start(() -> closeWhenIdle(body, lastData, finished));
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      SseParser parser = new SseParser();
      String line;
      while ((line = lines.readLine()) != null) {
        lastData.set(System.nanoTime());
        Optional<SseEvent> event = parser.line(line);
        if (event.isPresent() && !handler.test(event.get())) {
          return true;
        }
      }
      Optional<SseEvent> last = parser.end();
      return last.isPresent() && !handler.test(last.get());
    } catch (IOException e) {
      // the server closed the stream (for example on restart), or it stayed silent too long:
      // the caller re-reads the state and follows again
      return false;
    } finally {
      finished.set(true);
      watchdog.interrupt();
    }
  }

  private void closeWhenIdle(InputStream body, AtomicLong lastData, AtomicBoolean finished) {
    long idle = streamIdle.toNanos();
    while (!finished.get()) {
      long silentFor = System.nanoTime() - lastData.get();
      if (silentFor >= idle) {
        try {
          body.close();
        } catch (IOException e) {
          // closing is all we wanted
        }
        return;
      }
      LockSupport.parkNanos(idle - silentFor);
      if (Thread.interrupted()) {
        return;
      }
    }
  }

  private HttpRequest.Builder request(String path) {
    URI uri;
    try {
      uri = URI.create(server + path);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCode.USAGE, messages.get("error.bad-server-url", server));
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header(CLIENT_HEADER, "cli")
            .header("Accept-Language", messages.acceptLanguage());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  /**
   * Opens a WebSocket of the exec protocol at {@code path} (exec, port-forward) with the bearer
   * token; a refused upgrade (401, 403, ...) or an unreachable server is a {@link CliException}.
   */
  public Tunnel tunnel(String path) {
    URI uri = URI.create(server.replaceFirst("^http", "ws") + path);
    Tunnel tunnel = new Tunnel();
    java.net.http.WebSocket.Builder builder =
        http.newWebSocketBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .header(CLIENT_HEADER, "cli")
            .header("Accept-Language", messages.acceptLanguage());
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    try {
      tunnel.attach(builder.buildAsync(uri, tunnel.listener()).get());
      return tunnel;
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
        Object body = refused.getResponse().body();
        throw refused(refused.getResponse().statusCode(), body == null ? null : body.toString());
      }
      throw unreachable(e.getCause() instanceof Exception cause ? cause : e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCode.UNREACHABLE, messages.get("error.interrupted"));
    }
  }

  private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw unreachable(e);
    } catch (HttpTimeoutException e) {
      throw new CliException(
          ExitCode.UNREACHABLE,
          messages.get(
              "error.timeout", server, request.timeout().orElse(REQUEST_TIMEOUT).toSeconds()));
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCode.UNREACHABLE, messages.get("error.interrupted"));
    } catch (IllegalArgumentException e) {
      throw unreachable(e);
    }
  }

  private CliException unreachable(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    String reason = cause.getMessage();
    if (reason == null || reason.isBlank()) {
      reason =
          e instanceof ConnectException ? "connection refused" : cause.getClass().getSimpleName();
    }
    return new CliException(
        ExitCode.UNREACHABLE, messages.get("error.unreachable", server, reason));
  }

  private CliException refused(int status, String body) {
    Problem problem = Problem.of(status, body);
    String sentence = problem.sentence(messages);
    if (status == 401 && token != null) {
      sentence = sentence + " " + messages.get("error.login-again");
    }
    return new ProblemException(problem, sentence);
  }

  private Optional<String> xsrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  private static String write(Object body) {
    try {
      return body instanceof String text ? text : Json.MAPPER.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A refusal by the server, with its problem for callers that react to a code. */
  public static final class ProblemException extends CliException {
    private final Problem problem;

    ProblemException(Problem problem, String sentence) {
      super(ExitCode.REFUSED, sentence);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }
}
