package io.kubeward.testkit.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeward.testkit.controlplane.ProcessRegistry;
import io.kubeward.testkit.controlplane.WorkDir;
import io.kubeward.testkit.process.BuiltBinary;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Prometheus Alertmanager for tests (the version pinned in {@code
 * kubeward-testkit/go/alertmanager/go.mod}, built by {@code build-alertmanager.sh} into the cache):
 * on a free port of 127.0.0.1, gossip off, a temporary storage folder and a route that sends every
 * group, firing and resolved, to one webhook (e.g. a {@code RecordingReceiver}) after a 1 s group
 * wait — so a test can check both what Alertmanager stored ({@link #alerts()}) and what it routed.
 *
 * <pre>{@code
 * try (LocalAlertmanager am = LocalAlertmanager.builder().webhook(hook.url("/am")).start()) {
 *   forward(am.baseUrl());
 *   am.awaitAlert(a -> "node-not-ready".equals(a.path("labels").path("alertname").asText()),
 *       Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class LocalAlertmanager implements AutoCloseable {

  /** System property naming the alertmanager binary (else the build script is run). */
  public static final String BINARY_PROPERTY = "kubeward.alertmanager.bin";

  public static final String ENV = "KUBEWARD_ALERTMANAGER_BIN";
  static final String BUILD_SCRIPT = "kubeward-testkit/go/build-alertmanager.sh";

  private static final Logger log = LoggerFactory.getLogger(LocalAlertmanager.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofMillis(200);

  private final Path workDir;
  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;
  private boolean closed;

  private LocalAlertmanager(Path workDir, int port) {
    this.workDir = workDir;
    this.port = port;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private URI webhook;
    private Duration startTimeout = Duration.ofSeconds(30);

    /** Route every alert group to this webhook (send_resolved on). Without it: a null receiver. */
    public Builder webhook(URI webhook) {
      this.webhook = webhook;
      return this;
    }

    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = startTimeout;
      return this;
    }

    public LocalAlertmanager start() {
      Path binary = binary();
      Path workDir;
      try {
        workDir = WorkDir.create();
        Files.createDirectories(workDir.resolve("data"));
        Files.writeString(workDir.resolve("alertmanager.yml"), config(webhook));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot prepare Alertmanager's work folder", e);
      }
      LocalAlertmanager am = new LocalAlertmanager(workDir, freePort());
      try {
        am.launch(binary, startTimeout);
        return am;
      } catch (RuntimeException e) {
        am.close();
        throw e;
      }
    }
  }

  static String config(URI webhook) {
    StringBuilder b = new StringBuilder();
    b.append("route:\n");
    b.append("  receiver: ").append(webhook == null ? "none" : "hook").append('\n');
    b.append("  group_by: ['alertname', 'cluster']\n");
    b.append("  group_wait: 1s\n  group_interval: 1s\n  repeat_interval: 1h\n");
    b.append("receivers:\n  - name: none\n");
    if (webhook != null) {
      b.append("  - name: hook\n    webhook_configs:\n");
      b.append("      - url: '").append(webhook).append("'\n        send_resolved: true\n");
    }
    return b.toString();
  }

  private void launch(Path binary, Duration startTimeout) {
    List<String> command =
        List.of(
            binary.toString(),
            "--config.file=" + workDir.resolve("alertmanager.yml"),
            "--storage.path=" + workDir.resolve("data"),
            "--web.listen-address=127.0.0.1:" + port,
            "--cluster.listen-address=",
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
          workDir.resolve(ProcessRegistry.PIDS_DIR).resolve("alertmanager"),
          Long.toString(process.pid()));
    } catch (IOException e) {
      throw new IllegalStateException("Alertmanager could not be started: " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + startTimeout.toNanos();
    String last = "not asked yet";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Alertmanager exited early with code " + process.exitValue() + logTail());
      }
      try {
        HttpResponse<String> ready = get("/-/ready");
        if (ready.statusCode() == 200) {
          log.info("Alertmanager {} ready at {}", binary, baseUrl());
          return;
        }
        last = "HTTP " + ready.statusCode();
      } catch (IOException e) {
        last = e.toString();
      }
      pause();
    }
    throw new IllegalStateException(
        "Alertmanager did not become ready within "
            + startTimeout.toSeconds()
            + " s (last: "
            + last
            + ")"
            + logTail());
  }

  /** {@code http://127.0.0.1:<port>}: the v2 API is under {@code /api/v2}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public Path logFile() {
    return workDir.resolve("logs").resolve("alertmanager.log");
  }

  /** The alerts Alertmanager holds ({@code GET /api/v2/alerts}, active and resolved-not-yet). */
  public List<JsonNode> alerts() {
    try {
      HttpResponse<String> response = get("/api/v2/alerts");
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "GET /api/v2/alerts answered " + response.statusCode() + ": " + response.body());
      }
      List<JsonNode> out = new ArrayList<>();
      JSON.readTree(response.body()).forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until Alertmanager holds an alert matching {@code wanted}; returns it. */
  public JsonNode awaitAlert(Predicate<JsonNode> wanted, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<JsonNode> last = List.of();
    while (true) {
      last = alerts();
      Optional<JsonNode> found = last.stream().filter(wanted).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      if (System.nanoTime() >= deadline) {
        throw new AssertionError(
            "Alertmanager held no matching alert within " + timeout.toSeconds() + " s: " + last);
      }
      pause();
    }
  }

  private HttpResponse<String> get(String path) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
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

  private static void pause() {
    try {
      Thread.sleep(POLL.toMillis()); // polling interval of a deadline-bounded wait
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
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

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
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

  /**
   * The binary from {@value #BINARY_PROPERTY} or {@value #ENV}, else from the build script of the
   * enclosing checkout (a no-op when the cache has it).
   */
  public static Path binary() {
    return new BuiltBinary("alertmanager", BINARY_PROPERTY, ENV, BUILD_SCRIPT).resolve();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
