package io.kubeward.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for the Kubeward server on 127.0.0.1 that answers canned responses per {@code "METHOD
 * /path"} (query ignored) and records every request: only for request shapes, never as proof that a
 * feature works (CliIT does that against the real server).
 */
final class FakeKubeward implements AutoCloseable {

  /** A request as received. */
  record Request(
      String method, String path, String query, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** A canned answer. */
  record Answer(int status, String contentType, String body, Map<String, String> headers) {
    static Answer json(int status, String body) {
      return new Answer(status, "application/json", body, Map.of());
    }

    static Answer problem(int status, String code, String detail) {
      return new Answer(
          status,
          "application/problem+json",
          "{\"type\":\"urn:kubeward:problem:%s\",\"title\":\"Refused\",\"status\":%d,\"detail\":\"%s\",\"code\":\"%s\"}"
              .formatted(code, status, detail, code),
          Map.of());
    }

    /** Events, then the connection stays open and silent (a half-open stream). */
    static Answer silentAfter(String... views) {
      Answer events = events(views);
      return new Answer(200, events.contentType(), events.body(), Map.of(SILENT, "true"));
    }

    static Answer deleted(String... views) {
      Answer events = events(views);
      return new Answer(
          200,
          events.contentType(),
          events.body() + "event:deleted\ndata:{\"name\":\"m1\"}\n\n",
          Map.of());
    }

    static Answer events(String... views) {
      StringBuilder body = new StringBuilder(": keep-alive\n\n");
      for (String view : views) {
        body.append("event:maintenance\ndata:").append(view).append("\n\n");
      }
      return new Answer(200, "text/event-stream", body.toString(), Map.of());
    }
  }

  static final String SILENT = "X-Test-Silent";
  private final java.util.concurrent.CountDownLatch closing =
      new java.util.concurrent.CountDownLatch(1);
  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();

  FakeKubeward() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  FakeKubeward on(String methodAndPath, Answer answer) {
    answers.put(methodAndPath, answer);
    return this;
  }

  Request only(String method, String path) {
    List<Request> matching =
        requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    if (matching.size() != 1) {
      throw new AssertionError(
          "expected one " + method + " " + path + " but got " + matching.size() + ": " + requests);
    }
    return matching.get(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getRawPath();
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            path,
            exchange.getRequestURI().getRawQuery(),
            Map.copyOf(exchange.getRequestHeaders()),
            body));
    Answer answer = answers.get(exchange.getRequestMethod() + " " + path);
    if (answer == null) {
      answer = Answer.problem(404, "test.unexpected", "No canned answer for " + path);
    }
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.getResponseHeaders().add("Content-Type", answer.contentType());
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    if (answer.headers().containsKey(SILENT)) {
      exchange.sendResponseHeaders(answer.status(), 0);
      OutputStream out = exchange.getResponseBody();
      out.write(bytes);
      out.flush();
      try {
        closing.await(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}
