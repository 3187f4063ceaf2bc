package io.kubeward.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Filtered, paginated pod lists over the REST API from N concurrent clients for a fixed time; the
 * latency percentiles as the clients saw them (HTTP round trip on loopback).
 *
 * <p>Each client is a console user of its own: it signs in once (before the timed window) and sends
 * its own session cookie, as 50 people at 50 browsers would. Until issue 19 every client shared the
 * admin's one session, so all requests updated the same session row and queued behind each other in
 * the session store, which no real crowd of users does (ADR 0059). The CPU of the server and of
 * this JVM (the load generator) over the window are part of the result, so that a p99 that comes
 * from the load generator starving the server of the machine's cores shows as such.
 */
final class QueryLoad {

  /**
   * @param serverCpuSeconds CPU the server process used during the window
   * @param loadGeneratorCpuSeconds CPU this JVM (the clients) used during the window
   */
  record Result(
      int clients,
      int requests,
      int errors,
      double p50Millis,
      double p99Millis,
      double serverCpuSeconds,
      double loadGeneratorCpuSeconds) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SESSION_COOKIE = "KUBEWARD_SESSION";

  private final ServerProcess server;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final List<String> sessions = new ArrayList<>();

  QueryLoad(ServerProcess server) {
    this.server = server;
  }

  /** The queries a console user makes: by namespace, label selector, node and problem. */
  static IntFunction<String> podQueries(String cluster, FixtureSpec spec) {
    String base = "/api/v1/clusters/" + cluster + "/resources/pods?limit=50&";
    return i ->
        switch (i % 4) {
          case 0 -> base + "namespace=" + Fixture.namespace(i % spec.namespaces());
          case 1 -> base + "labelSelector=app%3Dapp-" + "%04d".formatted(i % spec.deployments());
          case 2 -> base + "node=bench-node-" + "%04d".formatted(i % spec.nodes());
          default -> base + "problem=any&sort=-restarts";
        };
  }

  Result run(int clients, Duration duration, IntFunction<String> queries)
      throws IOException, InterruptedException {
    signInUpTo(clients);
    List<long[]> perClient = new ArrayList<>();
    AtomicInteger errors = new AtomicInteger();
    long serverCpu = ProcessCpu.millis(server.pid());
    long ownCpu = ProcessCpu.millis(ProcessHandle.current().pid());
    long end = System.nanoTime() + duration.toNanos();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        long[] samples = new long[200_000];
        perClient.add(samples);
        String cookies = sessions.get(c);
        executor.submit(
            () -> {
              int n = 0;
              int query = ThreadLocalRandom.current().nextInt(1_000_000);
              while (System.nanoTime() < end && n < samples.length - 1) {
                long start = System.nanoTime();
                try {
                  if (get(cookies, queries.apply(query++)).statusCode() != 200) {
                    errors.incrementAndGet();
                  }
                } catch (Exception e) {
                  errors.incrementAndGet();
                }
                samples[++n] = System.nanoTime() - start;
              }
              samples[0] = n;
              return null;
            });
      }
    }
    double serverCpuSeconds = (ProcessCpu.millis(server.pid()) - serverCpu) / 1000.0;
    double ownCpuSeconds = (ProcessCpu.millis(ProcessHandle.current().pid()) - ownCpu) / 1000.0;
    long[] all =
        perClient.stream()
            .flatMapToLong(s -> Arrays.stream(s, 1, (int) s[0] + 1))
            .sorted()
            .toArray();
    return new Result(
        clients,
        all.length,
        errors.get(),
        percentile(all, 0.50),
        percentile(all, 0.99),
        serverCpuSeconds,
        ownCpuSeconds);
  }

  private HttpResponse<String> get(String cookies, String path)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Cookie", cookies)
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** One session per client, signed in before any timed window (a sign-in is a bcrypt hash). */
  private void signInUpTo(int clients) throws IOException, InterruptedException {
    while (sessions.size() < clients) {
      sessions.add(signIn());
    }
  }

  /**
   * Signs in as the admin and returns the {@code Cookie} header a browser would then send: the
   * session and the CSRF cookie (without it the server would mint a CSRF token on every request).
   */
  private String signIn() throws IOException, InterruptedException {
    String body =
        JSON.writeValueAsString(Map.of("username", "admin", "password", server.adminPassword()));
    HttpRequest login =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/auth/login"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(login, HttpResponse.BodyHandlers.ofString());
    Map<String, String> jar = new LinkedHashMap<>();
    keepCookies(response.headers().allValues("set-cookie"), jar);
    if (response.statusCode() != 200 || !jar.containsKey(SESSION_COOKIE)) {
      throw new IOException("sign-in answered " + response.statusCode() + " without a session");
    }
    HttpResponse<String> me = get(cookieHeader(jar), "/api/v1/auth/me");
    if (me.statusCode() != 200) {
      throw new IOException("GET /api/v1/auth/me answered " + me.statusCode());
    }
    keepCookies(me.headers().allValues("set-cookie"), jar);
    return cookieHeader(jar);
  }

  /** Puts the {@code name=value} of each {@code Set-Cookie} header into {@code jar}. */
  static void keepCookies(List<String> setCookies, Map<String, String> jar) {
    for (String header : setCookies) {
      String pair = header.split(";", 2)[0].strip();
      int equals = pair.indexOf('=');
      if (equals > 0) {
        String value = pair.substring(equals + 1);
        if (value.isEmpty()) {
          jar.remove(pair.substring(0, equals)); // a cleared cookie
        } else {
          jar.put(pair.substring(0, equals), value);
        }
      }
    }
  }

  static String cookieHeader(Map<String, String> jar) {
    StringBuilder header = new StringBuilder();
    jar.forEach(
        (name, value) ->
            header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
    return header.toString();
  }

  static double percentile(long[] sortedNanos, double p) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
  }
}
