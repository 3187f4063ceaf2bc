package io.kubeward.bench;

import io.kubeward.testkit.controlplane.ControlPlane;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The short path to the serving measurement (issue 19, ADR 0059), not a benchmark of its own: a
 * small fixture ({@code pods} pods on one node per 30), the server as a separate JVM, then the
 * scale benchmark's query load (filtered pod pages, {@link QueryLoad#podQueries}) at 1, 10 and 50
 * clients, with the CPU of the server and of the load generator (this JVM) measured apart, so that
 * a p99 that the load generator's own CPU starves is visible as such. Prints the table; writes no
 * report. {@code bin/benchmark serve [pods]}.
 *
 * <p>System properties: {@code kubeward.bench.serve.seconds} (per client count, default 15), {@code
 * kubeward.bench.serve.clients} (default {@code 1,10,50}), {@code kubeward.bench.serve.jfr} (a
 * file: the server runs with a JFR recording written there, for {@code jfr print --events
 * jdk.ExecutionSample}; one per server, {@code <file>-<server>.jfr}), {@code
 * kubeward.bench.serve.baseline-jar} (another server jar, e.g. built from main: measured first on
 * the same fixture, for a before/after under the same load).
 */
public final class ServeBenchmark {

  private static final Logger log = LoggerFactory.getLogger(ServeBenchmark.class);

  static final List<String> TABLE_HEADER =
      List.of(
          "server",
          "clients",
          "requests",
          "errors",
          "p50",
          "p99",
          "server CPU",
          "load generator CPU",
          "apiserver CPU",
          "load average");

  private ServeBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: ServeBenchmark <kubeward-server-exec.jar> [pods, default 1500]");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    int pods = args.length > 1 ? Integer.parseInt(args[1]) : 1_500;
    long seconds = Long.getLong("kubeward.bench.serve.seconds", 15);
    List<Integer> clientCounts =
        java.util.Arrays.stream(
                System.getProperty("kubeward.bench.serve.clients", "1,10,50").split(","))
            .map(String::trim)
            .map(Integer::parseInt)
            .toList();
    String jfr = System.getProperty("kubeward.bench.serve.jfr", "");
    String baseline = System.getProperty("kubeward.bench.serve.baseline-jar", "");
    Map<String, Path> servers = new LinkedHashMap<>();
    if (!baseline.isBlank()) {
      servers.put("baseline", Path.of(baseline));
    }
    servers.put(baseline.isBlank() ? "server" : "this build", jar);
    FixtureSpec spec = fixture(pods);
    Path work = Files.createTempDirectory("kubeward-serve-");
    List<List<String>> rows = new ArrayList<>();
    try (ControlPlane controlPlane = ControlPlane.start(ScaleBenchmark.controlPlaneOptions());
        var client = controlPlane.newAdminClient()) {
      Fixture fixture = new Fixture(controlPlane, client, spec);
      fixture.buildBase();
      fixture.growTo(spec.pods());
      fixture.awaitReady(spec.pods(), Duration.ofMinutes(15));
      for (var server : servers.entrySet()) {
        List<String> options =
            jfr.isBlank()
                ? List.of()
                : List.of(
                    "-XX:StartFlightRecording=filename=%s-%s.jfr,settings=profile"
                        .formatted(jfr, server.getKey().replace(' ', '-')));
        measure(
            controlPlane,
            server.getValue(),
            work.resolve(server.getKey().replace(' ', '-')),
            options,
            spec,
            clientCounts,
            seconds,
            row -> {
              List<String> labelled = new ArrayList<>(row);
              labelled.addFirst(server.getKey());
              rows.add(labelled);
            });
      }
    }
    System.out.println(
        """

        Serving: filtered pod pages at %d pods (%d nodes, %d namespaces), %d s per client count,\
         each client a session of its own; server and load generator on the same 2 shared cores
        %s"""
            .formatted(pods, spec.nodes(), spec.namespaces(), seconds, table(rows)));
    if (!jfr.isBlank()) {
      System.out.println("JFR recordings of the server: " + jfr + "-<server>.jfr");
    }
  }

  private static void measure(
      ControlPlane controlPlane,
      Path jar,
      Path work,
      List<String> jvmOptions,
      FixtureSpec spec,
      List<Integer> clientCounts,
      long seconds,
      java.util.function.Consumer<List<String>> rows)
      throws Exception {
    try (ServerProcess server =
        ServerProcess.start(jar, controlPlane.kubewardKubeconfig(), work, "1g", jvmOptions)) {
      server.awaitOverviewWithPods(spec.pods(), Duration.ofMinutes(5));
      QueryLoad load = new QueryLoad(server);
      var queries = QueryLoad.podQueries(ServerProcess.CLUSTER, spec);
      load.run(4, Duration.ofSeconds(5), queries); // warm-up: JIT and connection pool
      for (int clients : clientCounts) {
        CpuMeter cpu = new CpuMeter(ScaleBenchmark.controlPlanePids(controlPlane)).start();
        QueryLoad.Result result = load.run(clients, Duration.ofSeconds(seconds), queries);
        Map<String, String> cpuUse = cpu.stop();
        List<String> row = row(result, seconds, cpuUse.get("kube-apiserver"), loadAverage());
        log.info("{} clients: {}", clients, row);
        rows.accept(row);
      }
    }
  }

  /** A fixture of {@code pods} pods (rounded up to whole Deployments), one node per 30 pods. */
  static FixtureSpec fixture(int pods) {
    int rounded =
        Math.max(FixtureSpec.REPLICAS, pods + FixtureSpec.REPLICAS - 1)
            / FixtureSpec.REPLICAS
            * FixtureSpec.REPLICAS;
    return FixtureSpec.atScaleDensity("serve", rounded);
  }

  static List<String> row(
      QueryLoad.Result result, long seconds, String apiserverCpu, double loadAverage) {
    return List.of(
        Integer.toString(result.clients()),
        Integer.toString(result.requests()),
        Integer.toString(result.errors()),
        "%.1f ms".formatted(result.p50Millis()),
        "%.1f ms".formatted(result.p99Millis()),
        cpu(result.serverCpuSeconds(), result.requests(), seconds),
        cpu(result.loadGeneratorCpuSeconds(), result.requests(), seconds),
        apiserverCpu,
        "%.2f".formatted(loadAverage));
  }

  /** CPU seconds, the cores they kept busy on average and the CPU per request. */
  static String cpu(double cpuSeconds, int requests, long seconds) {
    return "%.1f s (%.2f cores, %.2f ms/request)"
        .formatted(cpuSeconds, cpuSeconds / seconds, cpuSeconds * 1000 / Math.max(1, requests));
  }

  static String table(List<List<String>> rows) {
    StringBuilder text = new StringBuilder();
    text.append("| ").append(String.join(" | ", TABLE_HEADER)).append(" |\n");
    text.append("|").append("---|".repeat(TABLE_HEADER.size())).append('\n');
    for (List<String> row : rows) {
      text.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return text.toString();
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
