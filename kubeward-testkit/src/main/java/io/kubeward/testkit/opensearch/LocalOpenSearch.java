package io.kubeward.testkit.opensearch;

import io.kubeward.testkit.controlplane.ProcessRegistry;
import io.kubeward.testkit.controlplane.WorkDir;
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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node OpenSearch server for tests, in a JVM of its own: the server jar and its
 * Netty4 transport/HTTP module from Maven (the small pom {@code
 * kubeward-testkit/opensearch/pom.xml}, resolved once per version with {@code mvnw
 * dependency:build-classpath} into {@code ~/.cache/kubeward/opensearch/<version>/classpath.txt}),
 * started by {@code kubeward-testkit/opensearch/OpenSearchNode.java} (Java's source launcher) on a
 * free port of 127.0.0.1 with {@code discovery.type=single-node}, security off, a temporary home
 * and data folder. OpenSearch 3.x needs Java 21 or later: the JVM of the tests runs it.
 *
 * <pre>{@code
 * try (LocalOpenSearch search = LocalOpenSearch.start()) {
 *   search.index("logs-kubeward-2026.12.03", "{\"@timestamp\":\"...\",\"log\":\"hello\"}");
 *   search.refresh("logs-*");
 *   String url = search.baseUrl(); // http://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class LocalOpenSearch implements AutoCloseable {

  /** System property: the OpenSearch version (default {@value #DEFAULT_VERSION}). */
  public static final String VERSION_PROPERTY = "kubeward.opensearch.version";

  public static final String DEFAULT_VERSION = "3.9.0";

  private static final Logger log = LoggerFactory.getLogger(LocalOpenSearch.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration RESOLVE_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);
  private static final Duration POLL = Duration.ofMillis(250);

  private final Path workDir;
  private final int port;
  private final String version;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(2))
          .version(HttpClient.Version.HTTP_1_1)
          .build();
  private Process process;
  private boolean closed;

  private LocalOpenSearch(Path workDir, int port, String version) {
    this.workDir = workDir;
    this.port = port;
    this.version = version;
  }

  /** Starts the version of {@value #VERSION_PROPERTY} and returns once the cluster is yellow. */
  public static LocalOpenSearch start() {
    return start(System.getProperty(VERSION_PROPERTY, DEFAULT_VERSION), START_TIMEOUT);
  }

  /**
   * Resolves the classpath of {@code version} if it is not cached, starts a node and waits at most
   * {@code startTimeout} for {@code /_cluster/health} to be yellow or green.
   *
   * @throws IllegalStateException with the reason and the end of the node's log if it cannot start
   */
  public static LocalOpenSearch start(String version, Duration startTimeout) {
    if (!version.matches("[0-9]+\\.[0-9]+\\.[0-9]+")) {
      throw new IllegalArgumentException("an OpenSearch version is like 3.9.0: " + version);
    }
    Path sources = sources();
    String classpath = classpath(sources, version);
    Path workDir;
    try {
      workDir = WorkDir.create();
      Files.createDirectories(workDir.resolve("home").resolve("config"));
      Files.createDirectories(workDir.resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create OpenSearch's work folder", e);
    }
    LocalOpenSearch search = new LocalOpenSearch(workDir, freePort(), version);
    try {
      search.launch(sources.resolve("OpenSearchNode.java"), classpath, startTimeout);
      return search;
    } catch (RuntimeException e) {
      search.close();
      throw e;
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public String version() {
    return version;
  }

  public Path logFile() {
    return workDir.resolve("logs").resolve("opensearch.log");
  }

  /** Indexes one JSON document (auto-creating the index); returns the answer's body. */
  public String index(String index, String json) {
    return send("POST", "/" + index + "/_doc", json, 201);
  }

  /** Makes what was indexed searchable. */
  public void refresh(String indexPattern) {
    send("POST", "/" + indexPattern + "/_refresh", null, 200);
  }

  /**
   * Any request; throws unless the answer's status is {@code expected}; returns the answer's body.
   */
  public String send(String method, String pathAndQuery, String json, int expected) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != expected) {
        throw new IllegalStateException(
            method
                + " "
                + pathAndQuery
                + " answered HTTP "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("OpenSearch did not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void launch(Path main, String classpath, Duration startTimeout) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(
        List.of(
            "-Xms256m",
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "--enable-native-access=ALL-UNNAMED",
            "-Djava.awt.headless=true",
            "-Dlog4j2.level=WARN",
            "-cp",
            classpath,
            main.toString(),
            workDir.resolve("home").toString(),
            Integer.toString(port),
            Integer.toString(freePort())));
    try {
      process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
              .start();
      ProcessRegistry.register(process);
      Files.writeString(
          workDir.resolve(ProcessRegistry.PIDS_DIR).resolve("opensearch"),
          Long.toString(process.pid()));
    } catch (IOException e) {
      throw new IllegalStateException("OpenSearch could not be started: " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + startTimeout.toNanos();
    String last = "not asked yet";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "OpenSearch " + version + " exited early with code " + process.exitValue() + logTail());
      }
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/_cluster/health"))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String body = health.body();
        if (health.statusCode() == 200
            && (body.contains("\"status\":\"green\"") || body.contains("\"status\":\"yellow\""))) {
          log.info("OpenSearch {} ready at {} (work folder {})", version, baseUrl(), workDir);
          return;
        }
        last = "HTTP " + health.statusCode() + " " + body;
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for OpenSearch", e);
      }
      pause();
    }
    throw new IllegalStateException(
        "OpenSearch "
            + version
            + " did not become healthy within "
            + startTimeout.toSeconds()
            + " s (last: "
            + last
            + ")"
            + logTail());
  }

  /** The folder with {@code pom.xml} and {@code OpenSearchNode.java}, found from the work dir. */
  static Path sources() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolve("kubeward-testkit").resolve("opensearch");
      if (Files.isRegularFile(candidate.resolve("pom.xml"))
          && Files.isRegularFile(d.resolve("mvnw"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "LocalOpenSearch needs the repository (kubeward-testkit/opensearch/pom.xml and mvnw) above "
            + dir);
  }

  /** The cached classpath of {@code version}, resolved with the repository's mvnw when missing. */
  static synchronized String classpath(Path sources, String version) {
    Path cache =
        Path.of(System.getProperty("user.home"), ".cache", "kubeward", "opensearch", version);
    Path file = cache.resolve("classpath.txt");
    try {
      if (!Files.isRegularFile(file) || Files.size(file) == 0) {
        Files.createDirectories(cache);
        Path staged = Files.createTempFile(cache, "classpath", ".tmp");
        Path mvnw = sources.getParent().getParent().resolve("mvnw");
        Path output = cache.resolve("resolve.log");
        log.info("Resolving OpenSearch {} into {} (once)", version, cache);
        Process resolve =
            new ProcessBuilder(
                    mvnw.toString(),
                    "-B",
                    "-q",
                    "-f",
                    sources.resolve("pom.xml").toString(),
                    "dependency:build-classpath",
                    "-Dopensearch.version=" + version,
                    "-Dmdep.outputFile=" + staged)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!resolve.waitFor(RESOLVE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          resolve.destroyForcibly();
          throw new IllegalStateException(
              "Resolving OpenSearch " + version + " took more than " + RESOLVE_TIMEOUT);
        }
        if (resolve.exitValue() != 0 || Files.size(staged) == 0) {
          Files.deleteIfExists(staged);
          throw new IllegalStateException(
              "Resolving OpenSearch "
                  + version
                  + " with Maven failed (exit "
                  + resolve.exitValue()
                  + "): "
                  + Files.readString(output));
        }
        Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot resolve OpenSearch " + version, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while resolving OpenSearch", e);
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

  /** Stops the node (SIGTERM, SIGKILL after 15 s) and removes its folder. */
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
      throw new IllegalStateException("interrupted while waiting for OpenSearch", e);
    }
  }
}
