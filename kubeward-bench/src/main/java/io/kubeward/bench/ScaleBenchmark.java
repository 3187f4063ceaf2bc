package io.kubeward.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.testkit.controlplane.Component;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.ControlPlaneOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scale benchmark of issue 4: builds the fixture in stages and measures, next to kubectl on the
 * same cluster, Kubeward's cold start to a complete overview, heap per pods cached, and the heap
 * peak of a forced relist. Usage: {@code ScaleBenchmark <server-exec.jar> <size> <docs folder>}.
 */
public final class ScaleBenchmark {

  private static final Logger log = LoggerFactory.getLogger(ScaleBenchmark.class);
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(30);

  private final Path serverJar;
  private final FixtureSpec spec;
  private final Path workDir;
  private final List<List<String>> fixtureRows = new ArrayList<>();
  private final List<List<String>> coldStartRows = new ArrayList<>();
  private final List<List<String>> memoryRows = new ArrayList<>();
  private final List<List<String>> relistRows = new ArrayList<>();
  private final List<List<String>> queryRows = new ArrayList<>();
  private final Map<String, Object> raw = new LinkedHashMap<>();
  private final Map<Integer, Double> heapByPods = new LinkedHashMap<>();

  ScaleBenchmark(Path serverJar, FixtureSpec spec, Path workDir) {
    this.serverJar = serverJar;
    this.spec = spec;
    this.workDir = workDir;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println(
          "usage: ScaleBenchmark <kubeward-server-exec.jar> <small|medium|full> <docs folder>");
      System.exit(2);
    }
    FixtureSpec spec = FixtureSpec.named(args[1]);
    Path docs = Path.of(args[2]);
    Path work = Files.createTempDirectory("kubeward-bench-");
    Report report = new ScaleBenchmark(Path.of(args[0]), spec, work).run(String.join(" ", args));
    report.write(
        docs.resolve("BENCHMARKS.md"), docs.resolve("benchmarks-scale-" + spec.name() + ".json"));
    log.info("Wrote {} and its JSON; work folder {}", docs.resolve("BENCHMARKS.md"), work);
  }

  Report run(String arguments) throws Exception {
    ControlPlaneOptions options =
        ControlPlaneOptions.builder()
            .nodes(List.of())
            .startTimeout(Duration.ofMinutes(10))
            .extraArgs(
                Component.KUBE_APISERVER,
                "--max-requests-inflight=800",
                "--max-mutating-requests-inflight=400")
            .extraArgs(
                Component.KUBE_CONTROLLER_MANAGER,
                "--kube-api-qps=1000",
                "--kube-api-burst=2000",
                "--concurrent-deployment-syncs=20",
                "--concurrent-replicaset-syncs=20",
                // 1,000 KWOK nodes on 2 busy cores miss heartbeats; don't let that evict pods.
                "--node-monitor-grace-period=5m")
            .extraArgs(Component.KUBE_SCHEDULER, "--kube-api-qps=1000", "--kube-api-burst=2000")
            .build();
    try (ControlPlane controlPlane = ControlPlane.start(options);
        KubernetesClient client = controlPlane.newAdminClient()) {
      Fixture fixture = new Fixture(controlPlane, client, spec);
      Kubectl kubectl = new Kubectl(controlPlane.kubeconfig(), workDir);
      long started = System.nanoTime();
      fixture.buildBase();
      Duration base = Duration.ofNanos(System.nanoTime() - started);
      fixtureRows.add(
          List.of(
              "nodes, namespaces, config maps",
              "%d / %d / %d".formatted(spec.nodes(), spec.namespaces(), spec.configMaps()),
              seconds(base)));
      for (int stage : spec.podStages()) {
        long stageStart = System.nanoTime();
        fixture.growTo(stage);
        fixture.awaitReady(stage, READY_TIMEOUT);
        Duration grown = Duration.ofNanos(System.nanoTime() - stageStart);
        fixtureRows.add(
            List.of(
                "Deployments up to " + stage + " Running pods",
                stage / FixtureSpec.REPLICAS + " Deployments + Services",
                seconds(grown)));
        measureStage(controlPlane, kubectl, stage, stage == spec.pods());
      }
      return report(controlPlane, kubectl, arguments);
    }
  }

  private void measureStage(ControlPlane controlPlane, Kubectl kubectl, int pods, boolean last)
      throws Exception {
    Kubectl.Timed reference = kubectl.getJson("pods", "-A");
    CpuMeter cpu = new CpuMeter(controlPlanePids(controlPlane));
    Path serverWork = workDir.resolve("server-" + pods);
    try (ServerProcess server =
        ServerProcess.start(serverJar, controlPlane.kubeconfig(), serverWork, "2g")) {
      cpu.start();
      ServerProcess.ColdStart start =
          server.awaitOverviewWithPods(reference.items(), Duration.ofMinutes(10));
      Duration coldStart = start.complete();
      Map<String, String> cpuUse = cpu.stop();
      coldStartRows.add(
          List.of(
              Integer.toString(reference.items()),
              seconds(start.firstAnswer()),
              seconds(coldStart),
              seconds(reference.wall()),
              ratio(coldStart, reference.wall()),
              cpuUse.get("kube-apiserver"),
              cpuUse.get("etcd")));
      double heap = server.heapAfterFullGcMiB();
      heapByPods.put(reference.items(), heap);
      memoryRows.add(List.of(Integer.toString(reference.items()), "%.1f".formatted(heap)));
      raw.put(
          "stage-" + pods,
          Map.of(
              "pods",
              reference.items(),
              "coldStartSeconds",
              coldStart.toMillis() / 1000.0,
              "kubectlGetPodsJsonSeconds",
              reference.wall().toMillis() / 1000.0,
              "heapAfterFullGcMiB",
              heap));
      if (last) {
        measureQueries(controlPlane, kubectl, server);
        measureRelist(controlPlane, server, reference.items(), heap);
      }
    }
  }

  /** p50/p99 of filtered pod pages at 1, 10 and 50 clients, next to kubectl on the same queries. */
  private void measureQueries(ControlPlane controlPlane, Kubectl kubectl, ServerProcess server)
      throws Exception {
    QueryLoad load = new QueryLoad(server);
    var queries = QueryLoad.podQueries(ServerProcess.CLUSTER, spec);
    load.run(4, Duration.ofSeconds(5), queries); // warm-up: JIT and connection pool
    Kubectl.Timed bySelector = kubectl.getJson("pods", "-A", "-l", "app=app-0001");
    Kubectl.Timed byNamespace = kubectl.getJson("pods", "-n", Fixture.namespace(1));
    String reference =
        "kubectl -l: %s, kubectl -n: %s"
            .formatted(seconds(bySelector.wall()), seconds(byNamespace.wall()));
    for (int clients : List.of(1, 10, 50)) {
      CpuMeter cpu = new CpuMeter(controlPlanePids(controlPlane)).start();
      QueryLoad.Result result = load.run(clients, Duration.ofSeconds(15), queries);
      Map<String, String> cpuUse = cpu.stop();
      queryRows.add(
          List.of(
              Integer.toString(clients),
              Integer.toString(result.requests()),
              Integer.toString(result.errors()),
              "%.1f ms".formatted(result.p50Millis()),
              "%.1f ms".formatted(result.p99Millis()),
              reference,
              cpuUse.get("kube-apiserver")));
      raw.put("queries-" + clients, result);
    }
  }

  /**
   * Restarts the apiserver so that every watch breaks and the informers list again, while a sampler
   * forces a full GC every second to read the live heap, and a watcher follows the overview.
   */
  private void measureRelist(
      ControlPlane controlPlane, ServerProcess server, int pods, double steadyMiB)
      throws Exception {
    RelistObserver observer = new RelistObserver(server, pods);
    observer.start();
    controlPlane.restartComponent(Component.KUBE_APISERVER);
    RelistObserver.Result result =
        observer.awaitRecovery(System.nanoTime(), Duration.ofMinutes(10));
    double after = server.heapAfterFullGcMiB();
    relistRows.add(
        List.of(
            Integer.toString(pods),
            "%.1f".formatted(steadyMiB),
            "%.1f".formatted(result.peakLiveMiB()),
            "%.2f×".formatted(result.peakLiveMiB() / steadyMiB),
            "%.1f".formatted(after),
            seconds(result.unavailable()),
            seconds(result.complete())));
    raw.put(
        "relist",
        Map.of(
            "steadyMiB",
            steadyMiB,
            "peakLiveMiB",
            result.peakLiveMiB(),
            "afterMiB",
            after,
            "overviewUnavailableSeconds",
            result.unavailable().toMillis() / 1000.0,
            "overviewCompleteAgainSeconds",
            result.complete().toMillis() / 1000.0));
    log.info("relist: steady {} MiB, {}", steadyMiB, result);
  }

  private Report report(ControlPlane controlPlane, Kubectl kubectl, String arguments) {
    Report report =
        new Report(
            "scale-" + spec.name(),
            "Scale: " + spec.pods() + " pods on " + spec.nodes() + " nodes (" + spec.name() + ")");
    report
        .fact("Command", "`bin/benchmark " + spec.name() + "`")
        .fact("Run", Instant.now().toString())
        .fact(
            "Machine",
            Runtime.getRuntime().availableProcessors()
                + " cores, "
                + totalMemoryGiB()
                + " GiB, JDK "
                + Runtime.version()
                + ", Kubernetes "
                + controlPlane.kubernetesVersion()
                + " (KWOK nodes), reference "
                + kubectl.version())
        .fact(
            "Fixture",
            "%d nodes in 3 zones, %d namespaces, %d Deployments of %d replicas with a Service each (every 10th with a PDB and an HPA), %d ConfigMaps"
                .formatted(
                    spec.nodes(),
                    spec.namespaces(),
                    spec.deployments(),
                    FixtureSpec.REPLICAS,
                    spec.configMaps()))
        .fact(
            "Server",
            "separate JVM, `-Xmx2g -XX:+UseG1GC`, everything on this machine (apiserver and etcd share the 2 cores)");
    report.table(
        new Report.Table("Fixture build", null, List.of("step", "objects", "time"), fixtureRows));
    report.table(
        new Report.Table(
            "1. Cold start to a complete overview",
            "From `java -jar` to `/api/v1/overview` counting every pod (\"HTTP up\": first answer of any kind, i.e. JVM and Spring start), vs `kubectl get pods -A -o json` (wall time, output to a file) on the same cluster just before. Target: ≤ 10 s at 30,000 pods. CPU is what the apiserver and etcd used during Kubeward's start.",
            List.of(
                "pods",
                "HTTP up",
                "Kubeward complete",
                "kubectl",
                "ratio",
                "apiserver CPU",
                "etcd CPU"),
            coldStartRows));
    report.table(
        new Report.Table(
            "2. Query latency: filtered pod pages from the cache",
            "Each client loops over GETs of `/api/v1/clusters/{c}/resources/pods?limit=50&...` filtered by namespace, label selector, node, or any problem sorted by restarts, for 15 s after a 5 s warm-up; latency is the HTTP round trip on loopback. Reference: one `kubectl get pods -A -l app=app-0001 -o json` and one `kubectl get pods -n <ns> -o json` (wall time). Target: p99 ≤ 50 ms at 50 clients.",
            List.of(
                "clients",
                "requests",
                "errors",
                "p50",
                "p99",
                "reference (kubectl)",
                "apiserver CPU"),
            queryRows));
    report.table(
        new Report.Table(
            "3. Memory: heap after a full GC with everything cached",
            "Heap in use after `jcmd GC.run`, all informers synced. "
                + slope()
                + " Target: ≤ 60 MB per 10,000 pods.",
            List.of("pods", "heap MiB"),
            memoryRows));
    report.table(
        new Report.Table(
            "3b. Peak during a forced relist",
            "The apiserver is restarted, so every watch breaks and the informers list again. Live heap sampled by a full GC (jcmd) every second from the restart until the overview has counted every pod again for 5 s; the sampling slows the recovery a little. Target: ≤ 1.5× steady state.",
            List.of(
                "pods",
                "steady MiB",
                "peak live MiB",
                "peak / steady",
                "after MiB",
                "overview unavailable",
                "overview complete again"),
            relistRows));
    report.table(
        new Report.Table(
            "Not measured yet",
            null,
            List.of("measurement", "why"),
            List.of(
                List.of(
                    "4. Churn lag at 100/500/1,000 events/s",
                    "not yet in the benchmark (the SSE stream exists since issue 3)"),
                List.of(
                    "5. Console first page at 30,000 pods",
                    "not yet in the benchmark (the console exists since issue 3)"))));
    report
        .raw("spec", spec)
        .raw("results", raw)
        .raw("heapByPods", heapByPods)
        .raw("arguments", arguments);
    return report;
  }

  private String slope() {
    if (heapByPods.size() < 2) {
      return "One size only: no slope.";
    }
    var entries = new ArrayList<>(heapByPods.entrySet());
    var first = entries.getFirst();
    var last = entries.getLast();
    double perTenThousand =
        (last.getValue() - first.getValue()) / ((last.getKey() - first.getKey()) / 10_000.0);
    raw.put("heapSlopeMiBPer10kPods", perTenThousand);
    return "Slope between %d and %d pods: **%.1f MiB per 10,000 pods**."
        .formatted(first.getKey(), last.getKey(), perTenThousand);
  }

  private static Map<String, Long> controlPlanePids(ControlPlane controlPlane) {
    Map<String, Long> pids = new LinkedHashMap<>();
    pids.put("kube-apiserver", controlPlane.pid(Component.KUBE_APISERVER));
    pids.put("etcd", controlPlane.pid(Component.ETCD));
    return pids;
  }

  private static long totalMemoryGiB() {
    try {
      String meminfo = Files.readString(Path.of("/proc/meminfo"));
      long kib = Long.parseLong(meminfo.lines().findFirst().orElseThrow().replaceAll("\\D", ""));
      return Math.round(kib / 1024.0 / 1024.0);
    } catch (Exception e) {
      return -1;
    }
  }

  static String seconds(Duration duration) {
    return "%.2f s".formatted(duration.toMillis() / 1000.0);
  }

  static String ratio(Duration kubeward, Duration reference) {
    return "%.2f×".formatted((double) kubeward.toMillis() / Math.max(1, reference.toMillis()));
  }
}
