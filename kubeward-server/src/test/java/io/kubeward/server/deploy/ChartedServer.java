package io.kubeward.server.deploy;

import io.kubeward.server.ServerJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
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

/**
 * Kubeward's server jar started as the chart's pod would start it: the environment of the installed
 * Deployment's container (secrets resolved from the installed Secrets) and its mounted {@code
 * application.properties}. Only what a workstation cannot give is overridden on the command line
 * (named in {@link #start}).
 */
final class ChartedServer implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .cookieHandler(new CookieManager())
          .build();

  private ChartedServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * @param env the container's environment, resolved
   * @param overrides command-line settings for what differs on a workstation
   */
  static ChartedServer start(Path workDir, Map<String, String> env, List<String> overrides) {
    try {
      Files.createDirectories(workDir);
      int port = freePort();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx384m");
      command.add("-XX:+UseSerialGC");
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-jar");
      command.add(ServerJvm.jar().toAbsolutePath().toString());
      command.add("--server.port=" + port);
      command.addAll(overrides);
      Path log = workDir.resolve("server.log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder
          .environment()
          .keySet()
          .removeIf(k -> k.startsWith("KUBEWARD_") || k.startsWith("SPRING_"));
      builder.environment().putAll(env);
      return new ChartedServer(builder.start(), port, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The status of a GET, or -1 when nothing answers yet; fails when the process has ended. */
  int status(String path) {
    if (!process.isAlive()) {
      throw new IllegalStateException("the server exited with " + process.exitValue() + tail());
    }
    try {
      return get(path).statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  HttpResponse<String> get(String path) throws IOException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  HttpResponse<String> login(String username, String password) throws IOException {
    String body =
        "{\"username\":\""
            + username
            + "\",\"password\":\""
            + password.replace("\"", "\\\"")
            + "\"}";
    return send(
        HttpRequest.newBuilder(uri("/api/v1/auth/login"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return "\n--- "
          + log
          + "\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(10)).header("Accept", "application/json").build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** SIGTERM, then SIGKILL after 20 s. */
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
