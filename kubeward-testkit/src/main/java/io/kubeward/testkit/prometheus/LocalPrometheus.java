package io.kubeward.testkit.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.ProcessRegistry;
import io.kubeward.testkit.controlplane.WorkDir;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Prometheus server for tests, from the Debian package {@code prometheus} (installed with
 * apt-get when its binary is missing and the JVM runs as root; {@code bin/test} installs it too):
 * on a free port of 127.0.0.1, a temporary TSDB, a short scrape interval (2 s by default) and a
 * generated configuration that scrapes
 *
 * <ul>
 *   <li>a {@link ControlPlane}'s emulated kubelets (KWOK's fake nodes, listed from the API into a
 *       {@code file_sd} file at start and by {@link #refreshKubeletTargets()}: Debian's Prometheus
 *       has no Kubernetes service discovery) over TLS trusting the testkit's CA, labelled as
 *       kube-prometheus labels them: {@code job="kubelet"}, {@code metrics_path} {@code
 *       /metrics/resource} (node_*, pod_*) or {@code /metrics/cadvisor} (container_*, machine_*),
 *       {@code node} and {@code instance} (the node's name);
 *   <li>any {@link StaticTarget} a test adds (e.g. Kubeward's own {@code /metrics} on its
 *       management port).
 * </ul>
 *
 * <pre>{@code
 * try (LocalPrometheus prometheus =
 *     LocalPrometheus.builder().kubelets(controlPlane).start()) {
 *   prometheus.awaitSamples("container_memory_working_set_bytes{namespace=\"ns\"}", timeout);
 *   String url = prometheus.baseUrl(); // http://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class LocalPrometheus implements AutoCloseable {

  /** System property naming the prometheus binary (else the Debian package's). */
  public static final String BINARY_PROPERTY = "kubeward.prometheus.bin";

  public static final String DEBIAN_PACKAGE = "prometheus";
  static final Path DEBIAN_BINARY = Path.of("/usr/bin/prometheus");
  static final Path DEBIAN_PROMTOOL = Path.of("/usr/bin/promtool");

  private static final Logger log = LoggerFactory.getLogger(LocalPrometheus.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(250);

  /** One more target to scrape: {@code address} is host:port, e.g. {@code 127.0.0.1:9464}. */
  public record StaticTarget(
      String job, String address, String metricsPath, Optional<String> bearerToken) {

    public StaticTarget {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(metricsPath, "metricsPath");
      Objects.requireNonNull(bearerToken, "bearerToken");
      if (!job.matches("[a-zA-Z_][a-zA-Z0-9_-]*")) {
        throw new IllegalArgumentException("job names here are [a-zA-Z_][a-zA-Z0-9_-]*: " + job);
      }
    }

    public static StaticTarget of(String job, String address, String metricsPath) {
      return new StaticTarget(job, address, metricsPath, Optional.empty());
    }

    public StaticTarget withBearerToken(String token) {
      return new StaticTarget(job, address, metricsPath, Optional.of(token));
    }
  }

  private final Path workDir;
  private final int port;
  private final Path binary;
  private ControlPlane kubelets;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;
  private boolean closed;

  private LocalPrometheus(Path workDir, int port, Path binary) {
    this.workDir = workDir;
    this.port = port;
    this.binary = binary;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private Duration scrapeInterval = Duration.ofSeconds(2);
    private Duration startTimeout = Duration.ofSeconds(60);
    private ControlPlane kubelets;
    private final List<StaticTarget> targets = new ArrayList<>();

    /** How often every target is scraped (default 2 s; 1 s to 60 s). */
    public Builder scrapeInterval(Duration scrapeInterval) {
      if (scrapeInterval.compareTo(Duration.ofSeconds(1)) < 0
          || scrapeInterval.compareTo(Duration.ofSeconds(60)) > 0) {
        throw new IllegalArgumentException(
            "scrapeInterval must be between 1 s and 60 s, was " + scrapeInterval);
      }
      this.scrapeInterval = scrapeInterval;
      return this;
    }

    /** How long Prometheus may take to become ready (default 60 s). */
    public Builder startTimeout(Duration startTimeout) {
      if (startTimeout.isNegative() || startTimeout.isZero()) {
        throw new IllegalArgumentException("startTimeout must be positive, was " + startTimeout);
      }
      this.startTimeout = startTimeout;
      return this;
    }

    /** Scrape the emulated kubelets of this control plane (resource and cAdvisor metrics). */
    public Builder kubelets(ControlPlane controlPlane) {
      this.kubelets = controlPlane;
      return this;
    }

    public Builder target(StaticTarget target) {
      targets.add(target);
      return this;
    }

    /** Installs Prometheus if needed, starts it and returns once {@code /-/ready} answers. */
    public LocalPrometheus start() {
      Path binary = PrometheusPackage.prometheus();
      Path workDir;
      try {
        workDir = WorkDir.create();
        Files.createDirectories(workDir.resolve("data"));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create Prometheus' work folder", e);
      }
      LocalPrometheus prometheus = new LocalPrometheus(workDir, freePort(), binary);
      prometheus.kubelets = kubelets;
      try {
        prometheus.refreshKubeletTargets();
        Files.writeString(
            workDir.resolve("prometheus.yml"),
            PrometheusConfig.render(scrapeInterval, kubelets, targets, workDir));
        prometheus.launch(startTimeout);
        return prometheus;
      } catch (IOException e) {
        prometheus.close();
        throw new UncheckedIOException(e);
      } catch (RuntimeException e) {
        prometheus.close();
        throw e;
      }
    }
  }

  private void launch(Duration startTimeout) {
    List<String> command =
        List.of(
            binary.toString(),
            "--config.file=" + workDir.resolve("prometheus.yml"),
            "--storage.tsdb.path=" + workDir.resolve("data"),
            "--storage.tsdb.retention.time=1d",
            "--web.listen-address=127.0.0.1:" + port,
            "--web.enable-lifecycle",
            "--log.level=warn");
    try {
      process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
              .start();
      ProcessRegistry.register(process);
      Files.writeString(
          workDir.resolve(ProcessRegistry.PIDS_DIR).resolve("prometheus"),
          Long.toString(process.pid()));
    } catch (IOException e) {
      throw new IllegalStateException("Prometheus could not be started: " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + startTimeout.toNanos();
    String last = "not asked yet";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Prometheus exited early with code " + process.exitValue() + logTail());
      }
      try {
        HttpResponse<String> ready = get("/-/ready");
        if (ready.statusCode() == 200) {
          log.info("Prometheus {} ready at {} (work folder {})", binary, baseUrl(), workDir);
          return;
        }
        last = "HTTP " + ready.statusCode();
      } catch (IOException e) {
        last = e.toString();
      }
      pause();
    }
    throw new IllegalStateException(
        "Prometheus did not become ready within "
            + startTimeout.toSeconds()
            + " s (last: "
            + last
            + ")"
            + logTail());
  }

  /**
   * Lists the control plane's fake nodes from the API and rewrites the kubelet targets (Prometheus
   * re-reads them within seconds); call it after adding nodes.
   */
  public void refreshKubeletTargets() {
    if (kubelets == null) {
      return;
    }
    List<String> nodes;
    try (KubernetesClient client = kubelets.newAdminClient()) {
      nodes =
          client.nodes().list().getItems().stream()
              .filter(
                  n ->
                      n.getMetadata().getAnnotations() != null
                          && "fake"
                              .equals(
                                  n.getMetadata()
                                      .getAnnotations()
                                      .get(ControlPlane.KWOK_NODE_ANNOTATION)))
              .map(n -> n.getMetadata().getName())
              .sorted()
              .toList();
    }
    Path file = workDir.resolve(PrometheusConfig.KUBELET_TARGETS_FILE);
    Path staged = workDir.resolve(PrometheusConfig.KUBELET_TARGETS_FILE + ".new");
    try {
      Files.writeString(staged, PrometheusConfig.kubeletTargets(kubelets.kubeletPort(), nodes));
      Files.move(
          staged,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>}: the HTTP API is under {@code /api/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The configuration it runs with (for reading in test failures). */
  public Path configFile() {
    return workDir.resolve("prometheus.yml");
  }

  public Path logFile() {
    return workDir.resolve("logs").resolve("prometheus.log");
  }

  /** {@code promtool} of the same package, if installed (checks rule files). */
  public static Optional<Path> promtool() {
    return PrometheusPackage.promtool();
  }

  /** The raw JSON answer of an instant query ({@code /api/v1/query}). */
  public JsonNode query(String promql) {
    return api("/api/v1/query?query=" + encode(promql));
  }

  /** The raw JSON answer of a range query ({@code /api/v1/query_range}). */
  public JsonNode queryRange(String promql, Instant start, Instant end, Duration step) {
    return api(
        "/api/v1/query_range?query="
            + encode(promql)
            + "&start="
            + seconds(start)
            + "&end="
            + seconds(end)
            + "&step="
            + step.toMillis() / 1000.0);
  }

  /** The series of an instant query's answer ({@code data.result}); empty when there are none. */
  public List<JsonNode> series(String promql) {
    List<JsonNode> result = new ArrayList<>();
    query(promql).path("data").path("result").forEach(result::add);
    return result;
  }

  /**
   * Waits until an instant query answers at least one series, at most {@code timeout}; returns the
   * series. Query errors (e.g. no data yet) count as "not yet"; the last one is in the failure.
   */
  public List<JsonNode> awaitSamples(String promql, Duration timeout) {
    return awaitSeries(promql, 1, timeout);
  }

  /** As {@link #awaitSamples}, until the answer has at least {@code minSeries} series. */
  public List<JsonNode> awaitSeries(String promql, int minSeries, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer yet";
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Prometheus exited with code " + process.exitValue() + logTail());
      }
      try {
        List<JsonNode> series = series(promql);
        if (series.size() >= minSeries) {
          return series;
        }
        last = series.size() + " series";
      } catch (IllegalStateException e) {
        last = e.getMessage();
      }
      if (System.nanoTime() >= deadline) {
        throw new IllegalStateException(
            "Prometheus did not answer "
                + minSeries
                + " series for "
                + promql
                + " within "
                + timeout.toSeconds()
                + " s (last: "
                + last
                + "); targets: "
                + targetHealth());
      }
      pause();
    }
  }

  /** Each active target's scrape URL and health, e.g. for failure messages. */
  public String targetHealth() {
    try {
      List<String> targets = new ArrayList<>();
      api("/api/v1/targets")
          .path("data")
          .path("activeTargets")
          .forEach(
              t ->
                  targets.add(
                      t.path("scrapeUrl").asText()
                          + " "
                          + t.path("health").asText()
                          + (t.path("lastError").asText().isEmpty()
                              ? ""
                              : " (" + t.path("lastError").asText() + ")")));
      return targets.isEmpty() ? "none" : String.join(", ", targets);
    } catch (RuntimeException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private JsonNode api(String pathAndQuery) {
    try {
      HttpResponse<String> response = get(pathAndQuery);
      JsonNode body;
      try {
        body = JSON.readTree(response.body());
      } catch (IOException notJson) {
        throw new IllegalStateException(
            "HTTP " + response.statusCode() + " from Prometheus: " + response.body());
      }
      if (!"success".equals(body.path("status").asText())) {
        throw new IllegalStateException(
            "Prometheus answered "
                + response.statusCode()
                + ": "
                + body.path("errorType").asText()
                + " "
                + body.path("error").asText());
      }
      return body;
    } catch (IOException e) {
      throw new IllegalStateException("Prometheus did not answer: " + e, e);
    }
  }

  private HttpResponse<String> get(String pathAndQuery) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String seconds(Instant instant) {
    return Long.toString(instant.getEpochSecond())
        + (instant.getNano() == 0 ? "" : "." + String.format("%03d", instant.getNano() / 1000000));
  }

  private String logTail() {
    try (RandomAccessFile file = new RandomAccessFile(logFile().toFile(), "r")) {
      long from = Math.max(0, file.length() - 4096);
      byte[] bytes = new byte[(int) (file.length() - from)];
      file.seek(from);
      file.readFully(bytes);
      return "; end of its log:\n" + new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Stops Prometheus (SIGTERM, SIGKILL after 10 s) and removes its folder. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
      ProcessRegistry.unregister(process);
    }
    try {
      WorkDir.delete(workDir);
    } catch (IOException e) {
      log.warn("Could not remove {}: {}", workDir, e.toString());
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Prometheus", e);
    }
  }
}
