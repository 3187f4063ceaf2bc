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
 * same cluster, Kubeward's cold start to a complete overview, heap per pods cached, query latency,
 * the heap peak of a forced relist, the console's pods page in headless Chromium, and churn (lag of
 * the overview and the live stream at 100/500/1,000 changes a second, heap, and the cache against a
 * fresh list). Usage: {@code ScaleBenchmark <server-exec.jar> <size> <docs folder>}. System
 * properties: {@code kubeward.bench.churn.rates} (default {@code 100,500,1000}), {@code
 * kubeward.bench.churn.seconds} (default 60 per rate), {@code kubeward.chromium}.
 */
public final class ScaleBenchmark {

  private static final Logger log = LoggerFactory.getLogger(ScaleBenchmark.class);
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(30);

  private final Path serverJar;
  private final FixtureSpec spec;
  private final Path workDir;
  private final MachineLoad machineLoad = MachineLoad.beforeTheRun();
  private final List<List<String>> fixtureRows = new ArrayList<>();
  private final List<List<String>> coldStartRows = new ArrayList<>();
  private ServerStartup startup;
  private AotCache aotCache;
  // --- issue 19 start ---
  private ServerStartup fastStartup;
  // --- end issue 19 start ---
  private final List<List<String>> memoryRows = new ArrayList<>();
  private final List<List<String>> relistRows = new ArrayList<>();
  private final List<List<String>> queryRows = new ArrayList<>();
  private final List<List<String>> churnRows = new ArrayList<>();
  private final List<List<String>> churnStateRows = new ArrayList<>();
  private final List<List<String>> consoleRows = new ArrayList<>();
  private final Map<String, String> standing = new LinkedHashMap<>();
  private Kubectl.Timed bySelector;
  private Kubectl.Timed byNamespace;
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

  /** The benchmark's control plane: raised limits so the fixture builds quickly. */
  static ControlPlaneOptions controlPlaneOptions() {
    return controlPlaneOptionsBuilder().build();
  }

  static ControlPlaneOptions.Builder controlPlaneOptionsBuilder() {
    return BenchControlPlane.withFastControllers(
        ControlPlaneOptions.builder()
            .nodes(List.of())
            .startTimeout(Duration.ofMinutes(10))
            .extraArgs(
                Component.KUBE_APISERVER,
                "--max-requests-inflight=800",
                "--max-mutating-requests-inflight=400"));
  }

  Report run(String arguments) throws Exception {
    try (ControlPlane controlPlane = ControlPlane.start(controlPlaneOptions());
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
    ServerProcess.ColdStart withAotCache = coldStartWithAotCache(controlPlane, reference.items());
    CpuMeter cpu = new CpuMeter(controlPlanePids(controlPlane));
    Path serverWork = workDir.resolve("server-" + pods);
    try (ServerProcess server =
            ServerProcess.start(serverJar, controlPlane.kubewardKubeconfig(), serverWork, "2g");
        KubernetesClient client = controlPlane.newAdminClient()) {
      cpu.start();
      ServerProcess.ColdStart start =
          server.awaitOverviewWithPods(reference.items(), Duration.ofMinutes(10));
      Duration coldStart = start.complete();
      standing.put(
          "cold start to a complete overview ≤ 10 s at 30,000 pods",
          "%s at %d pods (%s with the JVM's AOT cache)"
              .formatted(seconds(coldStart), reference.items(), seconds(withAotCache.complete())));
      Map<String, String> cpuUse = cpu.stop();
      // after the CPU window: the direct lists must not count as the apiserver's start-up work
      startup = ServerStartup.measure(server, client, Duration.ofMinutes(5));
      log.info("Start-up timeline at {} pods:{}", reference.items(), startup.text());
      coldStartRows.add(
          List.of(
              Integer.toString(reference.items()),
              seconds(start.firstAnswer()),
              seconds(coldStart),
              seconds(reference.wall()),
              ratio(coldStart, reference.wall()),
              seconds(withAotCache.firstAnswer()),
              seconds(withAotCache.complete()),
              ratio(withAotCache.complete(), reference.wall()),
              cpuUse.get("kube-apiserver"),
              cpuUse.get("etcd"),
              cpuUse.get("kwok")));
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
              "coldStartWithAotCacheSeconds",
              withAotCache.complete().toMillis() / 1000.0,
              "kubectlGetPodsJsonSeconds",
              reference.wall().toMillis() / 1000.0,
              "heapAfterFullGcMiB",
              heap));
      if (last) {
        measureQueries(controlPlane, kubectl, server);
        measureRelist(controlPlane, server, reference.items(), heap);
        measureConsole(controlPlane, server, reference);
        measureChurn(controlPlane, server);
      }
    }
  }

  /** p50/p99 of filtered pod pages at 1, 10 and 50 clients, next to kubectl on the same queries. */
  private void measureQueries(ControlPlane controlPlane, Kubectl kubectl, ServerProcess server)
      throws Exception {
    QueryLoad load = new QueryLoad(server);
    var queries = QueryLoad.podQueries(ServerProcess.CLUSTER, spec);
    load.run(4, Duration.ofSeconds(5), queries); // warm-up: JIT and connection pool
    bySelector = kubectl.getJson("pods", "-A", "-l", "app=app-0001");
    byNamespace = kubectl.getJson("pods", "-n", Fixture.namespace(1));
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
              ServeBenchmark.cpu(result.serverCpuSeconds(), result.requests(), 15),
              ServeBenchmark.cpu(result.loadGeneratorCpuSeconds(), result.requests(), 15),
              cpuUse.get("kube-apiserver")));
      raw.put("queries-" + clients, result);
      standing.put(
          "p99 of a filtered page ≤ 50 ms at 50 clients",
          "%.1f ms at %d clients".formatted(result.p99Millis(), clients));
    }
  }

  /**
   * Restarts the apiserver so that every watch breaks and the informers list again, while a sampler
   * forces a full GC every second to read the live heap, and a watcher follows the overview.
   */
  private void measureRelist(
      ControlPlane controlPlane, ServerProcess server, int pods, double steadyMiB)
      throws Exception {
    long eventsBefore = cachedEvents(server);
    RelistObserver observer = new RelistObserver(server, pods);
    observer.start();
    controlPlane.restartComponent(Component.KUBE_APISERVER);
    RelistObserver.Result result =
        observer.awaitRecovery(System.nanoTime(), Duration.ofMinutes(10));
    double after = server.heapAfterFullGcMiB();
    long eventsAfter = cachedEvents(server);
    relistRows.add(
        List.of(
            Integer.toString(pods),
            "%.1f".formatted(steadyMiB),
            "%.1f".formatted(result.peakLiveMiB()),
            "%.2f×".formatted(result.peakLiveMiB() / steadyMiB),
            "%.1f".formatted(after),
            "%.2f×".formatted(result.peakLiveMiB() / after),
            eventsBefore + " → " + eventsAfter,
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
            "eventsCachedBefore",
            eventsBefore,
            "eventsCachedAfter",
            eventsAfter,
            "overviewUnavailableSeconds",
            result.unavailable().toMillis() / 1000.0,
            "overviewCompleteAgainSeconds",
            result.complete().toMillis() / 1000.0));
    log.info("relist: steady {} MiB, {}", steadyMiB, result);
    standing.put(
        "relist peak ≤ 1.5× steady state",
        "%.2f× at %d pods (%.2f× of the heap after it; the cluster went from %d to %d Events)"
            .formatted(
                result.peakLiveMiB() / steadyMiB,
                pods,
                result.peakLiveMiB() / after,
                eventsBefore,
                eventsAfter));
  }

  /** How many Events the server caches (the restart itself makes the cluster record thousands). */
  private static long cachedEvents(ServerProcess server) throws Exception {
    return server
        .getJson("/api/v1/clusters/" + ServerProcess.CLUSTER + "/resources/events?limit=1")
        .path("total")
        .asLong();
  }

  /**
   * The pods page in headless Chromium: all pods, one namespace, one label selector; five fresh
   * browser profiles each, next to kubectl on the same queries.
   */
  private void measureConsole(
      ControlPlane controlPlane, ServerProcess server, Kubectl.Timed allPods) {
    List<ConsoleTiming.Visit> visits =
        List.of(
            new ConsoleTiming.Visit("all pods", "/pods", allPods.items()),
            new ConsoleTiming.Visit(
                "namespace " + Fixture.namespace(1),
                "/pods?namespace=" + Fixture.namespace(1),
                byNamespace.items()),
            new ConsoleTiming.Visit(
                "label selector app=app-0001",
                "/pods?labelSelector=app%3Dapp-0001",
                bySelector.items()));
    List<Kubectl.Timed> references = List.of(allPods, byNamespace, bySelector);
    List<String> commands =
        List.of(
            "kubectl get pods -A",
            "kubectl get pods -n " + Fixture.namespace(1),
            "kubectl get pods -A -l app=app-0001");
    List<Object> rawResults = new ArrayList<>();
    try (ConsoleTiming console = new ConsoleTiming(server)) {
      for (int i = 0; i < visits.size(); i++) {
        CpuMeter cpu = new CpuMeter(controlPlanePids(controlPlane)).start();
        ConsoleTiming.Result result = console.measure(visits.get(i), 5);
        Map<String, String> cpuUse = cpu.stop();
        Kubectl.Timed reference = references.get(i);
        Duration median = Duration.ofNanos((long) (result.median() * 1e6));
        consoleRows.add(
            List.of(
                result.label(),
                Integer.toString(result.total()),
                "%.2f s".formatted(result.first() / 1000),
                "%.2f s".formatted(result.median() / 1000),
                "`" + commands.get(i) + " -o json`: " + seconds(reference.wall()),
                ratio(median, reference.wall()),
                cpuUse.get("kube-apiserver")));
        rawResults.add(result);
      }
    } catch (RuntimeException e) {
      log.warn("console measurement failed", e);
      consoleRows.add(List.of("failed: " + e.getMessage(), "", "", "", "", "", ""));
    }
    raw.put("console", rawResults);
  }

  /** Churn at each rate, then the heap and the cache against a fresh list. */
  private void measureChurn(ControlPlane controlPlane, ServerProcess server) throws Exception {
    List<Integer> rates =
        java.util.Arrays.stream(
                System.getProperty("kubeward.bench.churn.rates", "100,500,1000").split(","))
            .map(String::trim)
            .map(Integer::parseInt)
            .toList();
    Duration phaseLength = Duration.ofSeconds(Long.getLong("kubeward.bench.churn.seconds", 60));
    io.fabric8.kubernetes.client.Config config = controlPlane.clientConfig();
    config.setMaxConcurrentRequests(512);
    config.setMaxConcurrentRequestsPerHost(512);
    config.setRequestTimeout(30_000);
    List<String> nodes =
        java.util.stream.IntStream.range(0, spec.nodes())
            .mapToObj("bench-node-%04d"::formatted)
            .toList();
    List<Churn.Phase> phases = new ArrayList<>();
    try (KubernetesClient churnClient =
            new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(config).build();
        Churn churn = new Churn(churnClient, server, ServerProcess.CLUSTER, nodes)) {
      churn.prepare();
      churn.awaitPoolRunning(Duration.ofMinutes(3));
      double heapBefore = server.heapAfterFullGcMiB();
      for (int rate : rates) {
        Map<String, Long> pids = controlPlanePids(controlPlane);
        pids.put("kubeward", server.pid());
        Churn.Phase phase = churn.run(rate, phaseLength, pids);
        phases.add(phase);
        standing.put(
            "p99 live-update lag ≤ 1 s at 1,000 events/s",
            "at %d/s asked, %.0f/s achieved: %.0f ms from the request (reference watch %.0f ms), %.0f ms after the reference watch"
                .formatted(
                    rate,
                    phase.achievedRate(),
                    phase.stream().p99Millis(),
                    phase.reference().p99Millis(),
                    phase.streamAfterReference().p99Millis()));
        churnRows.add(Churn.tableRow(phase));
      }
      Churn.Consistency consistency = churn.verify(Fixture.namespace(1), Duration.ofSeconds(60));
      double heapAfter = server.heapAfterFullGcMiB();
      churnStateRows.add(
          List.of(
              "%.1f".formatted(heapBefore),
              "%.1f".formatted(heapAfter),
              "%+.1f".formatted(heapAfter - heapBefore),
              consistency.equal() ? "yes" : "**no**",
              consistency.cachePods() + " / " + consistency.apiPods(),
              consistency.sampled() + " (" + consistency.mismatched() + " differ)",
              "%.1f s".formatted(consistency.secondsToEqual())));
      raw.put(
          "churn",
          Map.of(
              "phaseSeconds",
              phaseLength.toSeconds(),
              "pool",
              Churn.POOL,
              "phases",
              phases,
              "heapBeforeMiB",
              heapBefore,
              "heapAfterMiB",
              heapAfter,
              "consistency",
              consistency));
    }
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
            "Load",
            machineLoad.fact(
                "the control plane, KWOK and the server share the 2 cores with any other work"))
        .fact(
            "Server",
            "separate JVM, `-Xmx2g -XX:+UseG1GC`, everything on this machine (apiserver and etcd share the 2 cores)");
    String slope = slope();
    standing.put("≤ 60 MB of heap per 10,000 pods cached", slope.replace("*", ""));
    report.table(
        new Report.Table(
            "Where this run stands against the issue's targets",
            "The targets are for 30,000 pods (`full`); a smaller run shows the trend only. Last figure measured in this run for each.",
            List.of("target", "this run"),
            standing.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList()));
    report.table(
        new Report.Table("Fixture build", null, List.of("step", "objects", "time"), fixtureRows));
    report.table(
        new Report.Table(
            "1. Cold start to a complete overview",
            "From `java -jar` to `/api/v1/overview` counting every pod (\"HTTP up\": first answer of any kind, i.e. JVM and Spring start), vs `kubectl get pods -A -o json` (wall time, output to a file) on the same cluster just before. \"AOT cache\": the same from the extracted jar with the JVM's AOT cache of one training run (`-XX:AOTCache`, README \"Faster start\"), a separate process started just before. Target: ≤ 10 s at 30,000 pods. CPU is what the apiserver, etcd and KWOK (1 lease and status heartbeat per node) used during Kubeward's `java -jar` start: on 2 cores they compete with it.",
            List.of(
                "pods",
                "HTTP up",
                "Kubeward complete",
                "kubectl",
                "ratio",
                "AOT cache: HTTP up",
                "AOT cache: complete",
                "AOT cache: ratio",
                "apiserver CPU",
                "etcd CPU",
                "KWOK CPU"),
            coldStartRows));
    if (startup != null) {
      report.table(
          new Report.Table(
              "1a. Where the cold start goes: start-up phases",
              "The server's own timeline of the last cold start above (`GET /api/v1/clusters/{c}/startup`, instants from its clock): JVM start (the runtime's start time), the web server listening (first HTTP answer possible), the Spring context refreshed, the application ready, the first complete overview (the last of the overview's kinds synced, ADR 0012), every cached kind synced.",
              ServerStartup.PHASE_HEADERS,
              startup.phaseRows()));
      report.table(
          new Report.Table(
              "1b. Where the cold start goes: each kind's first list",
              "Per cached kind: when its informer asked for its first list and when it synced (after the JVM started; a list may wait for the cluster's list gate of 2 pages in flight, overview kinds first), Kubeward's first list time (asked → synced), and the apiserver's bound: a plain paged list of the same kind and page size (500) over all namespaces from the benchmark's JVM just after, decoding included, one kind at a time. A ratio near 1 means the sync is as fast as the apiserver lists.",
              ServerStartup.KIND_HEADERS,
              startup.kindRows()));
      raw.put("startupTimeline", startup.raw());
    }
    // --- issue 19 start ---
    if (fastStartup != null) {
      report.table(
          new Report.Table(
              "1c. Where the fast start goes: start-up phases",
              "The same timeline for the last cold start with the fast start that `bin/sandbox`, `bin/server` and the container image use by default (the JVM's AOT cache from a training run without a cluster, ADR 0056): the \"AOT cache\" columns of section 1.",
              ServerStartup.PHASE_HEADERS,
              fastStartup.phaseRows()));
      report.table(
          new Report.Table(
              "1d. Where the fast start goes: each kind's first list",
              "As 1b, for the fast start of 1c.",
              ServerStartup.KIND_HEADERS,
              fastStartup.kindRows()));
      raw.put("startupTimelineFastStart", fastStartup.raw());
    }
    // --- end issue 19 start ---
    report.table(
        new Report.Table(
            "2. Query latency: filtered pod pages from the cache",
            "Each client (a session of its own) loops over GETs of `/api/v1/clusters/{c}/resources/pods?limit=50&...` filtered by namespace, label selector, node, or any problem sorted by restarts, for 15 s after a 5 s warm-up; latency is the HTTP round trip on loopback. Reference: one `kubectl get pods -A -l app=app-0001 -o json` and one `kubectl get pods -n <ns> -o json` (wall time). The server's and the load generator's CPU are measured apart (both on the same 2 cores), so a slow figure can be told from a busy load generator. Target: p99 ≤ 50 ms at 50 clients.",
            List.of(
                "clients",
                "requests",
                "errors",
                "p50",
                "p99",
                "reference (kubectl)",
                "server CPU",
                "load generator CPU",
                "apiserver CPU"),
            queryRows));
    report.table(
        new Report.Table(
            "3. Memory: heap after a full GC with everything cached",
            "Live heap, all informers synced: the total of `jcmd GC.class_histogram` (a full GC and a count of the reachable objects in the same pause). "
                + slope
                + " Target: ≤ 60 MB per 10,000 pods.",
            List.of("pods", "heap MiB"),
            memoryRows));
    report.table(
        new Report.Table(
            "3b. Peak during a forced relist",
            "The apiserver is restarted, so every watch breaks and the informers list again. Live heap (`jcmd GC.class_histogram`, as above) sampled every second from the restart until the overview has counted every pod again for 5 s; the sampling (a full GC each time) slows the recovery a little. \"Peak / after\" compares with the heap once the relist is over: restarting the apiserver makes the cluster record thousands of new Events, so the cluster itself is bigger after it (events cached, before → after). Until 2026-11-22 this read \"used\" from `GC.heap_info` after a separate `GC.run`, which also counted the young garbage allocated in between and reported 2.2-2.5× for relists whose live peak was 1.1-1.4×. Target: ≤ 1.5× steady state.",
            List.of(
                "pods",
                "steady MiB",
                "peak live MiB",
                "peak / steady",
                "after MiB",
                "peak / after",
                "events cached",
                "overview unavailable",
                "overview complete again"),
            relistRows));
    report.table(
        new Report.Table(
            "4. Churn: lag from the API change to the live stream and the overview",
            Churn.tableText(Long.getLong("kubeward.bench.churn.seconds", 60)),
            Churn.TABLE_HEADER,
            churnRows));
    report.table(
        new Report.Table(
            "4b. After the churn: heap and the cache against a fresh list",
            "Heap after a full GC before the first and after the last rate; then the cache is compared with a fresh list from the API until equal (at most 60 s): the pod count over all namespaces (overview vs API) and name + resourceVersion of every churn pod and every pod of "
                + Fixture.namespace(1)
                + ".",
            List.of(
                "heap before MiB",
                "heap after MiB",
                "difference",
                "cache = fresh list",
                "pods cache / API",
                "pods compared",
                "equal after"),
            churnStateRows));
    report.table(
        new Report.Table(
            "5. Console: the pods page in headless Chromium",
            "Debian's Chromium driven by Playwright; each visit a fresh browser profile (nothing cached), signed in beforehand; from `page.navigate` until the table shows its first row and the total the server counted for the filter (50 rows a page). Five visits per URL: the first and the median. Reference: kubectl on the same query (wall time, `-o json` to a file). Measured before the churn, at the fixture's pod count.",
            List.of(
                "page",
                "pods counted",
                "first visit",
                "median of 5",
                "reference (kubectl)",
                "ratio (median)",
                "apiserver CPU"),
            consoleRows));
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

  static Map<String, Long> controlPlanePids(ControlPlane controlPlane) {
    Map<String, Long> pids = new LinkedHashMap<>();
    pids.put("kube-apiserver", controlPlane.pid(Component.KUBE_APISERVER));
    pids.put("etcd", controlPlane.pid(Component.ETCD));
    pids.put("kwok", controlPlane.pid(Component.KWOK));
    return pids;
  }

  /**
   * The cold start from the extracted jar with the JVM's AOT cache, trained once per run as the
   * launchers do (the cache depends on the jar and the JDK, not on the cluster).
   */
  private ServerProcess.ColdStart coldStartWithAotCache(ControlPlane controlPlane, int pods)
      throws Exception {
    if (aotCache == null) {
      log.info("Training the JVM's AOT cache for the server (one run to Spring's refresh) ...");
      // --- issue 19 start ---
      // the launchers' training (bin/lib/fast-start.sh, ADR 0056): no cluster needed
      aotCache = AotCache.train(serverJar, workDir.resolve("aot"), Duration.ofMinutes(5));
      // --- end issue 19 start ---
    }
    try (ServerProcess server =
        ServerProcess.start(
            aotCache.jar(),
            controlPlane.kubewardKubeconfig(),
            workDir.resolve("server-aot-" + pods),
            "2g",
            aotCache.jvmOptions())) {
      ServerProcess.ColdStart start = server.awaitOverviewWithPods(pods, Duration.ofMinutes(10));
      // --- issue 19 start ---
      // the default start's timeline too (ADR 0056); the plain start's is section 1a/1b
      try (KubernetesClient client = controlPlane.newAdminClient()) {
        fastStartup = ServerStartup.measure(server, client, Duration.ofMinutes(5));
      }
      log.info("Start-up timeline with the fast start at {} pods:{}", pods, fastStartup.text());
      // --- end issue 19 start ---
      return start;
    }
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
