package io.kubeward.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The huge size of issue 19 (ADR 0060): the Kubernetes scalability limits, 5,000 KWOK nodes and
 * 150,000 pods, on one control plane, or the largest this machine holds. The scale fixture grows in
 * three stages (a fifth, half, all); before each stage the machine's available memory is checked
 * against {@code -Dkubeward.bench.huge.reserve-mib} (default 4096) and the run stops growing there
 * if it is short, saying so. At each stage reached: the resident memory of etcd, the apiserver, the
 * controllers and KWOK, {@code kubectl get pods -A -o json}, and a cold start of Kubeward to a
 * complete overview with its live heap (the cost per 10,000 pods), the p99 of a filtered pod page
 * at 1, 10 and 50 clients (server vs load-generator CPU) and the console's first page of all pods
 * in Chromium. Writes its section of docs/BENCHMARKS.md and benchmarks-huge.json after every stage
 * (a run ended early keeps what it reached). {@code bin/benchmark huge [pods] [nodes]}.
 */
public final class HugeBenchmark {

  private static final Logger log = LoggerFactory.getLogger(HugeBenchmark.class);
  private static final String SECTION = "huge";

  /** Pods added between two memory checks (a multiple of the Deployments' replicas). */
  static final int STEP = 15_000;

  private final Path serverJar;
  private final Path work;
  private final FixtureSpec spec;
  private final MachineLoad machineLoad = MachineLoad.beforeTheRun();
  private final String heap = System.getProperty("kubeward.bench.huge.heap", "8g");
  private final double reserveMiB = Integer.getInteger("kubeward.bench.huge.reserve-mib", 4096);
  private final Duration readyTimeout =
      Duration.ofMinutes(Integer.getInteger("kubeward.bench.huge.ready-minutes", 180));
  private final Duration queryDuration =
      Duration.ofSeconds(Integer.getInteger("kubeward.bench.huge.query-seconds", 20));
  private final List<List<String>> stageRows = new ArrayList<>();
  private final List<List<String>> kubewardRows = new ArrayList<>();
  private final List<List<String>> queryRows = new ArrayList<>();
  private final List<List<String>> consoleRows = new ArrayList<>();
  private final Map<Integer, Double> heapByPods = new LinkedHashMap<>();
  private final Map<String, Object> raw = new LinkedHashMap<>();
  private String stoppedBecause;
  private int reached;

  HugeBenchmark(Path serverJar, Path work, FixtureSpec spec) {
    this.serverJar = serverJar;
    this.work = work;
    this.spec = spec;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: HugeBenchmark <kubeward-server-exec.jar> <docs folder> [pods, a multiple of 30,"
              + " default 150000] [nodes, default pods/30]");
      System.exit(2);
    }
    int pods = args.length > 2 ? Integer.parseInt(args[2]) : 150_000;
    int nodes = args.length > 3 ? Integer.parseInt(args[3]) : Math.max(1, (pods + 29) / 30);
    Path docs = Path.of(args[1]);
    Path work = Files.createTempDirectory("kubeward-huge-");
    new HugeBenchmark(Path.of(args[0]), work, spec(pods, nodes)).run(args, docs);
    log.info("Done; work folder {}", work);
  }

  /** The scale fixture's proportions at {@code pods}: stages at a fifth, half and all. */
  static FixtureSpec spec(int pods, int nodes) {
    TreeSet<Integer> stages = new TreeSet<>();
    for (int fraction : List.of(5, 2, 1)) {
      stages.add(Math.max(FixtureSpec.REPLICAS, pods / fraction / 30 * 30));
    }
    return FixtureSpec.atScaleDensity("huge", pods, nodes, List.copyOf(stages));
  }

  /**
   * Runs the stages and writes the report after each one (marked partial until the last), so a run
   * ended early still records the stages it reached.
   */
  void run(String[] args, Path docs) throws Exception {
    String arguments = String.join(" ", List.of(args).subList(2, args.length));
    try (ControlPlane controlPlane = ControlPlane.start(BenchControlPlane.manyNodes());
        KubernetesClient client = controlPlane.newAdminClient()) {
      Fixture fixture = new Fixture(controlPlane, client, spec);
      Kubectl kubectl = new Kubectl(controlPlane.kubeconfig(), work);
      long started = System.nanoTime();
      fixture.buildBase();
      stageRows.add(
          List.of(
              "%d nodes, %d namespaces, %d ConfigMaps"
                  .formatted(spec.nodes(), spec.namespaces(), spec.configMaps()),
              ScaleBenchmark.seconds(Duration.ofNanos(System.nanoTime() - started)),
              residentText(controlPlane),
              ProcessMemory.mib(ProcessMemory.availableMiB()),
              "-"));
      for (int stage : spec.podStages()) {
        double available = ProcessMemory.availableMiB();
        if (available >= 0 && available < reserveMiB) {
          stoppedBecause =
              "stopped before %d pods: %s available, below the reserve of %s"
                  .formatted(stage, ProcessMemory.mib(available), ProcessMemory.mib(reserveMiB));
          log.warn(stoppedBecause);
          break;
        }
        long stageStart = System.nanoTime();
        int grownTo = growInSteps(fixture, stage);
        Duration grown = Duration.ofNanos(System.nanoTime() - stageStart);
        Kubectl.Timed reference = kubectl.getJson("pods", "-A");
        stageRows.add(
            List.of(
                "up to " + grownTo + " Running pods",
                ScaleBenchmark.seconds(grown),
                residentText(controlPlane),
                ProcessMemory.mib(ProcessMemory.availableMiB()),
                ScaleBenchmark.seconds(reference.wall())));
        raw.put("controlPlaneResidentMiB-" + stage, ProcessMemory.controlPlane(controlPlane));
        raw.put("kubectlGetPodsMillis-" + stage, reference.wall().toMillis());
        reached = reference.items();
        measureKubeward(controlPlane, reference);
        if (grownTo < stage) {
          break;
        }
        if (stage != spec.pods()) {
          write(report(controlPlane, kubectl, arguments).fact("Partial", partial(stage)), docs);
        }
      }
      write(report(controlPlane, kubectl, arguments), docs);
    }
  }

  /**
   * Grows to {@code stage} pods {@value #STEP} at a time and checks the machine's available memory
   * before each step: when it is below the reserve the stage ends at the pods reached (the run
   * stops there, saying so), so the largest size this machine holds is measured instead of lost to
   * the kernel's out-of-memory killer.
   */
  private int growInSteps(Fixture fixture, int stage) {
    int reachedPods = fixture.pods();
    while (reachedPods < stage) {
      double available = ProcessMemory.availableMiB();
      if (reachedPods > 0 && available >= 0 && available < reserveMiB) {
        stoppedBecause =
            "stopped growing at %d pods (on the way to %d): %s available, below the reserve of %s"
                .formatted(
                    reachedPods,
                    stage,
                    ProcessMemory.mib(available),
                    ProcessMemory.mib(reserveMiB));
        log.warn(stoppedBecause);
        return reachedPods;
      }
      int next = Math.min(stage, reachedPods + STEP);
      fixture.growTo(next);
      fixture.awaitReady(next, readyTimeout);
      log.info(
          "{} pods Running, {} available", next, ProcessMemory.mib(ProcessMemory.availableMiB()));
      reachedPods = next;
    }
    return reachedPods;
  }

  private void measureKubeward(ControlPlane controlPlane, Kubectl.Timed reference)
      throws Exception {
    try (ServerProcess server =
        ServerProcess.start(
            serverJar,
            controlPlane.kubewardKubeconfig(),
            work.resolve("server-" + reference.items()),
            heap,
            List.of(),
            List.of())) {
      ServerProcess.ColdStart start =
          server.awaitOverviewWithPods(reference.items(), Duration.ofMinutes(30));
      double live = server.heapAfterFullGcMiB();
      heapByPods.put(reference.items(), live);
      kubewardRows.add(
          List.of(
              Integer.toString(reference.items()),
              ScaleBenchmark.seconds(start.firstAnswer()),
              ScaleBenchmark.seconds(start.complete()),
              ScaleBenchmark.seconds(reference.wall()),
              ProcessMemory.mib(live),
              "%.1f MiB".formatted(live / (reference.items() / 10_000.0)),
              ProcessMemory.mib(ProcessMemory.residentMiB(server.pid()))));
      raw.put("coldStartCompleteMillis-" + reference.items(), start.complete().toMillis());
      raw.put("heapMiB-" + reference.items(), live);
      measureQueries(server, reference.items());
      measureConsole(server, reference.items());
    }
  }

  private void measureQueries(ServerProcess server, int pods)
      throws java.io.IOException, InterruptedException {
    var queries = QueryLoad.podQueries(ServerProcess.CLUSTER, spec);
    MeasuredLoad load = new MeasuredLoad(server, queryDuration).warmUp(queries);
    for (int clients : List.of(1, 10, 50)) {
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(pods));
      row.addAll(load.row(clients, queries, raw, "query-" + pods + "-" + clients));
      queryRows.add(row);
    }
  }

  /** The console's first page of all pods; "not measured" with the reason when Chromium fails. */
  private void measureConsole(ServerProcess server, int pods) {
    try (ConsoleTiming console = new ConsoleTiming(server)) {
      ConsoleTiming.Result result =
          console.measure(new ConsoleTiming.Visit("all pods", "/pods", pods), 3);
      consoleRows.add(
          List.of(
              Integer.toString(pods),
              "%.0f ms".formatted(result.first()),
              "%.0f ms".formatted(result.median())));
      raw.put("console-" + pods, result);
    } catch (Exception | Error e) {
      log.warn("Console not measured", e);
      consoleRows.add(List.of(Integer.toString(pods), "not measured: " + e.getMessage(), "-"));
    }
  }

  private static String residentText(ControlPlane controlPlane) {
    return ProcessMemory.controlPlane(controlPlane).entrySet().stream()
        .map(e -> e.getKey() + " " + ProcessMemory.mib(e.getValue()))
        .reduce((a, b) -> a + ", " + b)
        .orElse("-");
  }

  private String slope() {
    if (heapByPods.size() < 2) {
      return "one size only: no slope";
    }
    var first = heapByPods.entrySet().stream().findFirst().orElseThrow();
    var last = new ArrayList<>(heapByPods.entrySet()).getLast();
    double perTenThousand =
        (last.getValue() - first.getValue()) / ((last.getKey() - first.getKey()) / 10_000.0);
    raw.put("heapSlopeMiBPer10kPods", perTenThousand);
    return "%.1f MiB per 10,000 pods between %d and %d pods"
        .formatted(perTenThousand, first.getKey(), last.getKey());
  }

  private static String partial(int stage) {
    return "written after the stage of %d pods while the run went on to the next; the finished run replaces this section"
        .formatted(stage);
  }

  private static void write(Report report, Path docs) throws java.io.IOException {
    report.write(docs.resolve("BENCHMARKS.md"), docs.resolve("benchmarks-huge.json"));
    log.info("Wrote {} and its JSON", docs.resolve("BENCHMARKS.md"));
  }

  private Report report(ControlPlane controlPlane, Kubectl kubectl, String arguments) {
    Report report =
        new Report(SECTION, "Huge: up to %d pods on %d nodes".formatted(spec.pods(), spec.nodes()));
    report
        .fact("Command", ("`bin/benchmark huge " + arguments).strip() + "`")
        .fact("Run", Instant.now().toString())
        .fact(
            "Machine",
            Runtime.getRuntime().availableProcessors()
                + " cores, JDK "
                + Runtime.version()
                + ", Kubernetes "
                + controlPlane.kubernetesVersion()
                + " (KWOK nodes), reference "
                + kubectl.version())
        .fact(
            "Fixture",
            "%d nodes in 3 zones (%s), %d namespaces, Deployments of %d replicas with a Service each (every 10th with a PDB and an HPA), %d ConfigMaps; reached %d pods"
                .formatted(
                    spec.nodes(),
                    BenchControlPlane.manyNodesText(),
                    spec.namespaces(),
                    FixtureSpec.REPLICAS,
                    spec.configMaps(),
                    reached))
        .fact("Load", machineLoad.fact("apiserver, etcd, KWOK and Kubeward share the cores"))
        .fact("Server", "separate JVM, `-Xmx" + heap + " -XX:+UseG1GC`")
        .fact("Heap trend", slope());
    if (stoppedBecause != null) {
      report.fact("Stopped early", stoppedBecause);
    }
    report.table(
        new Report.Table(
            "Fixture and control plane",
            "Resident memory (VmRSS) of each control-plane process after the stage, the machine's available memory, and `kubectl get pods -A -o json` as the reference list time.",
            List.of("stage", "built in", "control plane resident", "available", "kubectl"),
            stageRows));
    report.table(
        new Report.Table(
            "Kubeward's cold start and heap",
            "A fresh server per stage: first HTTP answer and complete overview after the process started; live heap after a full GC (`jcmd GC.class_histogram`).",
            List.of(
                "pods",
                "first answer",
                "complete overview",
                "kubectl",
                "live heap",
                "live heap per 10,000 pods (fixed part included)",
                "resident"),
            kubewardRows));
    report.table(
        new Report.Table(
            "Filtered pod pages at each stage",
            "The scale benchmark's four console queries (namespace, label, node, problem) with `limit=50`, "
                + queryDuration.toSeconds()
                + " s per row; server and load-generator CPU measured separately.",
            Stream.concat(Stream.of("pods"), MeasuredLoad.HEADERS.stream()).toList(),
            queryRows));
    report.table(
        new Report.Table(
            "Console first page at each stage",
            "Chromium (headless) opening /pods (all pods, the first page): first visit and median of 3.",
            List.of("pods", "first", "median"),
            consoleRows));
    raw.forEach(report::raw);
    return report;
  }
}
