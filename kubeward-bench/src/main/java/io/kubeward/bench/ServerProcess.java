package io.kubeward.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kubeward server as a separate JVM, the way an operator runs it ({@code java -jar}), so that
 * start-up and heap are measured for the real process. Logs and the GC log go to a work folder.
 */
final class ServerProcess implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The name the server gives the benchmark's cluster. */
  static final String CLUSTER = "bench";

  private static final Pattern HISTOGRAM_TOTAL =
      Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

  private final Process process;
  private final int port;
  private final String password;
  private final Path javaHome;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .cookieHandler(new CookieManager())
          .build();
  private boolean signedIn;
  final long startedNanos;

  private ServerProcess(
      Process process, int port, String password, Path javaHome, long startedNanos) {
    this.process = process;
    this.port = port;
    this.password = password;
    this.javaHome = javaHome;
    this.startedNanos = startedNanos;
  }

  static ServerProcess start(Path jar, Path kubeconfig, Path workDir, String maxHeap)
      throws IOException {
    return start(jar, kubeconfig, workDir, maxHeap, List.of());
  }

  /** As {@link #start(Path, Path, Path, String)}, with JVM options before {@code -jar}. */
  static ServerProcess start(
      Path jar, Path kubeconfig, Path workDir, String maxHeap, List<String> jvmOptions)
      throws IOException {
    return start(jar, kubeconfig, workDir, maxHeap, jvmOptions, List.of());
  }

  /** As above, with extra server arguments after the jar (e.g. {@code --kubeward.x=y}). */
  static ServerProcess start(
      Path jar,
      Path kubeconfig,
      Path workDir,
      String maxHeap,
      List<String> jvmOptions,
      List<String> serverArgs)
      throws IOException {
    Files.createDirectories(workDir);
    int port = freePort();
    String password = "bench-" + Long.toHexString(System.nanoTime()) + "-pw";
    Path javaHome = Path.of(System.getProperty("java.home"));
    Path gcLog = workDir.resolve("gc.log");
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin/java").toString());
    command.add("-Xmx" + maxHeap);
    command.add("-XX:+UseG1GC");
    command.add("-Xlog:gc:file=" + gcLog + ":uptime");
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.add("--server.port=" + port);
    command.add("--kubeward.cluster-name=" + CLUSTER);
    command.add("--kubeward.security.admin-password=" + password);
    command.add("--kubeward.data-dir=" + workDir.resolve("data"));
    if (serverArgs.stream().noneMatch(a -> a.startsWith("--management.server.port="))) {
      // the metrics port on any free port: the default 9464 may be taken by another server here
      command.add("--management.server.port=0");
    }
    command.addAll(serverArgs);
    long started = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("server.log").toFile())
            .start();
    return new ServerProcess(process, port, password, javaHome, started);
  }

  long pid() {
    return process.pid();
  }

  /** GET as the admin, signing in first (session cookie) when needed. */
  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    if (!signedIn) {
      signIn();
    }
    HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 401) {
      signedIn = false;
    }
    return response;
  }

  /**
   * A request as the admin with a JSON body (or none): the session cookie and, on mutations, the
   * {@code X-XSRF-TOKEN} header the console sends.
   */
  HttpResponse<String> send(String method, String path, Object body)
      throws IOException, InterruptedException {
    if (!signedIn) {
      signIn();
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, application/problem+json");
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    if (!method.equals("GET")) {
      http.cookieHandler()
          .map(CookieManager.class::cast)
          .flatMap(
              c ->
                  c.getCookieStore().getCookies().stream()
                      .filter(k -> k.getName().equals("XSRF-TOKEN"))
                      .findFirst())
          .ifPresent(k -> request.header("X-XSRF-TOKEN", k.getValue()));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 401) {
      signedIn = false;
    }
    return response;
  }

  /** Waits until the admin can sign in (the server answers HTTP). */
  void awaitSignIn(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The server exited; see its log");
      }
      try {
        signIn();
        return;
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("The server did not answer within " + timeout);
  }

  private void signIn() throws IOException, InterruptedException {
    String body =
        JSON.writeValueAsString(java.util.Map.of("username", "admin", "password", password));
    HttpRequest login =
        HttpRequest.newBuilder(uri("/api/v1/auth/login"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(login, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("sign-in answered " + response.statusCode());
    }
    signedIn = true;
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** The server's address, e.g. for a browser. */
  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  String adminPassword() {
    return password;
  }

  /**
   * Opens a Server-Sent Events GET as the admin and returns its lines as they arrive; closing the
   * stream ends the request.
   */
  java.util.stream.Stream<String> openEventStream(String path)
      throws IOException, InterruptedException {
    if (!signedIn) {
      signIn();
    }
    HttpRequest request =
        HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream").build();
    HttpResponse<java.util.stream.Stream<String>> response =
        http.send(request, HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() != 200) {
      response.body().close();
      throw new IOException("GET " + path + " answered " + response.statusCode());
    }
    return response.body();
  }

  JsonNode getJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }

  /** How long the server took to answer HTTP at all, and to count every pod. */
  record ColdStart(Duration firstAnswer, Duration complete) {}

  /**
   * Polls the overview until it counts {@code pods} pods and is no longer loading (it answers while
   * the cache still lists, marked {@code loading}, ADR 0057).
   */
  ColdStart awaitOverviewWithPods(int pods, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration firstAnswer = null;
    Duration firstOverview = null; // issue 19 loading: the first 200, possibly still loading
    int firstOverviewPods = 0;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The server exited; see its log");
      }
      try {
        HttpResponse<String> response = get("/api/v1/overview");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
        if (firstAnswer == null) {
          firstAnswer = elapsed;
        }
        // --- issue 19 loading ---
        // complete = every pod counted AND no kind of the overview still in its first list
        if (response.statusCode() == 200) {
          JsonNode overview = JSON.readTree(response.body());
          if (firstOverview == null) {
            firstOverview = elapsed;
            firstOverviewPods = overview.path("pods").path("total").asInt();
          }
          if (overview.path("pods").path("total").asInt() == pods
              && !overview.path("loading").asBoolean(false)) { // absent: a server before ADR 0057
            System.out.printf(
                "[overview] first 200 answer after %.1f s (%d of %d pods, loading until"
                    + " complete); complete after %.1f s%n",
                firstOverview.toMillis() / 1000.0,
                firstOverviewPods,
                pods,
                elapsed.toMillis() / 1000.0);
            return new ColdStart(firstAnswer, elapsed);
          }
        }
        // --- end issue 19 loading ---
      } catch (IOException notYetListening) {
        // the port opens a few seconds after start
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("The overview did not count " + pods + " pods in " + timeout);
  }

  /**
   * Live heap in MiB: the total of {@code jcmd GC.class_histogram}, which runs a full GC and counts
   * the reachable objects in the same pause. (Reading "used" from {@code GC.heap_info} after a
   * separate {@code GC.run} also counts the young garbage a busy server allocates in between:
   * during a relist that made the peak look twice as big as it was.)
   */
  double heapAfterFullGcMiB() throws IOException, InterruptedException {
    String histogram = jcmd("GC.class_histogram");
    Matcher total = HISTOGRAM_TOTAL.matcher(histogram);
    if (!total.find()) {
      throw new IOException("jcmd GC.class_histogram gave no total");
    }
    return Long.parseLong(total.group(1)) / 1024.0 / 1024.0;
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(
                javaHome.resolve("bin/jcmd").toString(), Long.toString(process.pid()), command)
            .redirectErrorStream(true)
            .start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new IOException("jcmd " + command + " failed: " + out);
    }
    return out;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
