package io.kubeward.testkit.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kubeward.testkit.prometheus.LocalPrometheus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * An application's {@code /metrics} that the test controls: an HTTP server on 127.0.0.1 (a free
 * port) serving the Prometheus text exposition format (0.0.4) of the gauges and counters the test
 * sets, so that a real {@link LocalPrometheus} scrapes values the test decides (a release's
 * analysis reads them back through PromQL).
 *
 * <pre>{@code
 * try (MetricsEndpoint app = MetricsEndpoint.start();
 *     LocalPrometheus prometheus =
 *         LocalPrometheus.builder().scrapeInterval(Duration.ofSeconds(1))
 *             .target(app.target("shop")).start()) {
 *   app.set("http_requests_total", Map.of("pod", "web-1", "code", "500"), 0);  // a counter
 *   app.set("queue_depth", Map.of(), 3);                                       // a gauge
 *   app.add("http_requests_total", Map.of("pod", "web-1", "code", "500"), 42);
 *   app.awaitScrape(Duration.ofSeconds(10));  // Prometheus has read what was set last
 * }
 * }</pre>
 *
 * A name ending in {@code _total} is a counter, any other a gauge, unless {@link #counter} or
 * {@link #gauge} declared it first (with a HELP text). Values may be {@code NaN} and infinite.
 * Thread-safe.
 */
public final class MetricsEndpoint implements AutoCloseable {

  /** The path Prometheus scrapes. */
  public static final String PATH = "/metrics";

  /** At most this many series, so a test's mistake cannot grow the answer without bound. */
  public static final int MAX_SERIES = 10_000;

  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** Whether a family is a counter or a gauge. */
  public enum Type {
    COUNTER,
    GAUGE
  }

  private record Family(Type type, String help, Map<Map<String, String>, Double> series) {}

  private final Object lock = new Object();
  private final Map<String, Family> families = new TreeMap<>();
  private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpServer server;
  private long changes;
  private Instant lastChange;
  private long servedChange = -1;
  private long scrapes;
  private Instant lastScrape;
  private boolean closed;

  private MetricsEndpoint() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on 127.0.0.1", e);
    }
    server.setExecutor(handlers);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts serving on 127.0.0.1 and a free port, with no series yet. */
  public static MetricsEndpoint start() {
    return new MetricsEndpoint();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code 127.0.0.1:<port>}, as a scrape target names it. */
  public String address() {
    return "127.0.0.1:" + port();
  }

  /** {@code http://127.0.0.1:<port>/metrics}. */
  public URI url() {
    return URI.create("http://" + address() + PATH);
  }

  /** The scrape target of this endpoint for {@link LocalPrometheus.Builder#target}. */
  public LocalPrometheus.StaticTarget target(String job) {
    return LocalPrometheus.StaticTarget.of(job, address(), PATH);
  }

  // ---------------------------------------------------------------- families and values

  /** Declares a counter with a HELP text (before its first value). */
  public MetricsEndpoint counter(String name, String help) {
    return declare(name, Type.COUNTER, help);
  }

  /** Declares a gauge with a HELP text (before its first value). */
  public MetricsEndpoint gauge(String name, String help) {
    return declare(name, Type.GAUGE, help);
  }

  private MetricsEndpoint declare(String name, Type type, String help) {
    checkName(name);
    Objects.requireNonNull(help, "help");
    synchronized (lock) {
      Family existing = families.get(name);
      if (existing != null && existing.type() != type) {
        throw new IllegalArgumentException(name + " is already a " + existing.type());
      }
      families.put(
          name,
          new Family(type, help, existing == null ? new LinkedHashMap<>() : existing.series()));
      changed();
    }
    return this;
  }

  /** Sets the value of a series (created when new). A counter may be set lower: a reset. */
  public MetricsEndpoint set(String name, Map<String, String> labels, double value) {
    Map<String, String> key = checkLabels(labels);
    checkName(name);
    synchronized (lock) {
      Family family = families.computeIfAbsent(name, MetricsEndpoint::implicit);
      if (!family.series().containsKey(key) && seriesCount() >= MAX_SERIES) {
        throw new IllegalStateException("more than " + MAX_SERIES + " series");
      }
      family.series().put(key, value);
      changed();
    }
    return this;
  }

  /** Adds to a series' value (0 when new); a counter's delta must not be negative. */
  public MetricsEndpoint add(String name, Map<String, String> labels, double delta) {
    Map<String, String> key = checkLabels(labels);
    checkName(name);
    synchronized (lock) {
      Family family = families.computeIfAbsent(name, MetricsEndpoint::implicit);
      if (family.type() == Type.COUNTER && !(delta >= 0)) {
        throw new IllegalArgumentException("a counter only grows; delta was " + delta);
      }
      Double current = family.series().get(key);
      if (current == null && seriesCount() >= MAX_SERIES) {
        throw new IllegalStateException("more than " + MAX_SERIES + " series");
      }
      family.series().put(key, (current == null ? 0 : current) + delta);
      changed();
    }
    return this;
  }

  /** The current value of a series, {@code null} when it does not exist. */
  public Double value(String name, Map<String, String> labels) {
    synchronized (lock) {
      Family family = families.get(name);
      return family == null ? null : family.series().get(Map.copyOf(labels));
    }
  }

  /** Removes one series (it goes stale in Prometheus after the next scrape). */
  public MetricsEndpoint remove(String name, Map<String, String> labels) {
    synchronized (lock) {
      Family family = families.get(name);
      if (family != null && family.series().remove(Map.copyOf(labels)) != null) {
        changed();
      }
    }
    return this;
  }

  /** Removes every series of every family. */
  public MetricsEndpoint clear() {
    synchronized (lock) {
      families.clear();
      changed();
    }
    return this;
  }

  /** The exposition text a scrape gets now. */
  public String render() {
    synchronized (lock) {
      StringBuilder text = new StringBuilder();
      families.forEach(
          (name, family) -> {
            if (!family.help().isEmpty()) {
              text.append("# HELP ")
                  .append(name)
                  .append(' ')
                  .append(family.help().replace("\\", "\\\\").replace("\n", "\\n"))
                  .append('\n');
            }
            text.append("# TYPE ")
                .append(name)
                .append(' ')
                .append(family.type() == Type.COUNTER ? "counter" : "gauge")
                .append('\n');
            family
                .series()
                .forEach(
                    (labels, value) -> {
                      text.append(name);
                      if (!labels.isEmpty()) {
                        text.append('{');
                        boolean first = true;
                        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
                          if (!first) {
                            text.append(',');
                          }
                          first = false;
                          text.append(label.getKey())
                              .append("=\"")
                              .append(escape(label.getValue()))
                              .append('"');
                        }
                        text.append('}');
                      }
                      text.append(' ').append(format(value)).append('\n');
                    });
          });
      return text.toString();
    }
  }

  private void changed() {
    changes++;
    lastChange = Instant.now();
  }

  /**
   * When a value last changed (set, add, remove, clear, declare), {@code null} before the first:
   * the start of a latency measured from "the metric flipped" (a benchmark's first failing sample).
   */
  public Instant lastChange() {
    synchronized (lock) {
      return lastChange;
    }
  }

  // ---------------------------------------------------------------- scrapes

  /** How many scrapes were answered. */
  public long scrapes() {
    synchronized (lock) {
      return scrapes;
    }
  }

  /** When the latest scrape was answered, {@code null} before the first. */
  public Instant lastScrape() {
    synchronized (lock) {
      return lastScrape;
    }
  }

  /**
   * Waits until a scrape has read the values as they are now (every change made before this call),
   * at most {@code timeout}; no sleeping: the scrape wakes the waiter.
   *
   * @throws IllegalStateException when no such scrape came in time
   */
  public void awaitScrape(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      long wanted = changes;
      while (servedChange < wanted) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || closed) {
          throw new IllegalStateException(
              "No scrape of "
                  + url()
                  + " read the latest values within "
                  + timeout.toMillis()
                  + " ms ("
                  + scrapes
                  + " scrapes so far)");
        }
        try {
          lock.wait(Math.max(1, left / 1_000_000), 0);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for a scrape", e);
        }
      }
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals(PATH)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (!"GET".equals(exchange.getRequestMethod())
          && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body;
      long served;
      synchronized (lock) {
        body = render().getBytes(StandardCharsets.UTF_8);
        served = changes;
        // Counted before the body leaves, so a client that has the answer also sees the count.
        scrapes++;
        lastScrape = Instant.now();
      }
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(200, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
      synchronized (lock) {
        servedChange = Math.max(servedChange, served);
        lock.notifyAll();
      }
    }
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      lock.notifyAll();
    }
    server.stop(0);
    handlers.shutdownNow();
  }

  // ---------------------------------------------------------------- helpers

  private int seriesCount() {
    int count = 0;
    for (Family family : families.values()) {
      count += family.series().size();
    }
    return count;
  }

  private static Family implicit(String name) {
    return new Family(
        name.endsWith("_total") ? Type.COUNTER : Type.GAUGE, "", new LinkedHashMap<>());
  }

  private static void checkName(String name) {
    if (name == null || !METRIC_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a Prometheus metric name: " + name);
    }
  }

  private static Map<String, String> checkLabels(Map<String, String> labels) {
    Objects.requireNonNull(labels, "labels");
    labels.forEach(
        (name, value) -> {
          if (name == null || !LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
            throw new IllegalArgumentException("not a label name a target may set: " + name);
          }
          Objects.requireNonNull(value, () -> "value of label " + name);
        });
    return Map.copyOf(labels);
  }

  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
