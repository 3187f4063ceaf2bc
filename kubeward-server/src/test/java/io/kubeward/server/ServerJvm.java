package io.kubeward.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kubeward server as a process of its own ({@code java -jar kubeward-server-*-exec.jar}, as an
 * operator runs it and as {@code kubeward-bench} starts it), for tests that need real processes:
 * two replicas, one killed with {@code SIGKILL}. The jar is the one this module's {@code package}
 * phase built (it runs before {@code integration-test}), or {@code -Dkubeward.server.jar}.
 */
public final class ServerJvm implements AutoCloseable {

  public static final String JAR_PROPERTY = "kubeward.server.jar";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String name;
  private final Process process;
  private final int port;
  private final String password;
  private final Path log;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private boolean signedIn;

  private ServerJvm(String name, Process process, int port, String password, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.password = password;
    this.log = log;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(cookies)
            .build();
  }

  /** The executable jar of this build. */
  public static Path jar() {
    String configured = System.getProperty(JAR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("kubeward-server-.*-exec\\.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "No target/kubeward-server-*-exec.jar: run the ITs with `verify` (package"
                          + " builds it) or pass -D"
                          + JAR_PROPERTY));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts {@code java -jar} with a random HTTP port, the admin password {@code password} and the
   * given arguments; the log goes to {@code <workDir>/<name>.log}. Does not wait: see {@link
   * #awaitReady}.
   */
  public static ServerJvm start(
      String name, Path workDir, String password, String maxHeap, List<String> args) {
    try {
      Files.createDirectories(workDir);
      int port = freePort();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx" + maxHeap);
      command.add("-XX:+UseSerialGC");
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-jar");
      command.add(jar().toAbsolutePath().toString());
      command.add("--server.port=" + port);
      command.add("--management.server.port=0");
      command.add("--kubeward.security.admin-password=" + password);
      command.addAll(args);
      Path log = workDir.resolve(name + ".log");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return new ServerJvm(name, process, port, password, log);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the server " + name, e);
    }
  }

  public String name() {
    return name;
  }

  // --- issue 18 ha ---
  /** The HTTP port on 127.0.0.1 (a proxy in front of replicas forwards to it). */
  public int port() {
    return port;
  }

  /**
   * Copies the {@code *.log} files of {@code work} (the replicas' logs) to {@code target/<folder>}.
   */
  public static void keepLogs(Path work, String folder) {
    try (Stream<Path> logs = Files.list(work)) {
      Path target = Path.of("target", folder);
      Files.createDirectories(target);
      for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
        Files.copy(
            log,
            target.resolve(log.getFileName()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      // best effort: the test's own outcome counts
    }
  }

  // --- end issue 18 ha ---

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until the admin can sign in; fails early when the process exits. */
  public ServerJvm awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "not asked yet";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + "; see " + log + tail());
      }
      try {
        signIn();
        return this;
      } catch (IOException | IllegalStateException e) {
        last = e.getMessage();
      }
      pause(Duration.ofMillis(250));
    }
    throw new IllegalStateException(
        name + " not ready within " + timeout + " (" + last + "); see " + log + tail());
  }

  /** An HTTP reply. */
  public record Reply(int status, String body) {}

  /** A request as the signed-in admin (session cookie, CSRF header on mutations). */
  public Reply send(String method, String path, Object body) {
    try {
      if (!signedIn) {
        signIn();
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(20))
              .header("Accept", "application/json, application/problem+json");
      if (body != null) {
        request
            .header("Content-Type", "application/json")
            .method(
                method,
                HttpRequest.BodyPublishers.ofString(
                    body instanceof String s ? s : JSON.writeValueAsString(body)));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      String xsrf = cookie("XSRF-TOKEN");
      if (!method.equals("GET") && xsrf != null) {
        request.header("X-XSRF-TOKEN", xsrf);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() == 401) {
        signedIn = false;
      }
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " on " + name + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Whether this replica leads the cluster's controllers now ({@code GET
   * /api/v1/clusters/{cluster}/controllers} says {@code leading}).
   */
  public boolean leads(String cluster) {
    Reply r = send("GET", "/api/v1/clusters/" + cluster + "/controllers", null);
    return r.status() == 200 && JSON.readTree(r.body()).path("leading").asBoolean();
  }

  private void signIn() throws IOException {
    try {
      HttpRequest login =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      JSON.writeValueAsString(Map.of("username", "admin", "password", password))))
              .build();
      HttpResponse<String> response = http.send(login, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("sign-in answered " + response.statusCode());
      }
      signedIn = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String cookie(String cookieName) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(cookieName))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  /** {@code kill -9}: the JVM gets no chance to release its Lease or finish anything. */
  public void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " survived SIGKILL for 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration); // between two readiness probes
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Stops the process (SIGTERM, then SIGKILL after 20 s). */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
