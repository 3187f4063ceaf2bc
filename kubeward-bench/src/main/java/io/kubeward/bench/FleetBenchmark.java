package io.kubeward.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet size of issue 19 (ADR 0060): {@code clusters} local control planes of {@code
 * pods-per-cluster} pods each (the scale fixture, plus 1 % of pods no node can take, so each
 * cluster has pods with a problem), all added to one Kubeward. Measures the control planes' memory,
 * Kubeward's start to a complete fleet answer, its live heap with one cluster and with all (the
 * cost per added cluster and per 10,000 pods), and the fleet-wide query "all pods with a problem
 * across clusters" at 1, 10 and 50 clients (p50/p99, server vs load-generator CPU) next to the same
 * query on one cluster. Writes its section of docs/BENCHMARKS.md and benchmarks-fleet.json. {@code
 * bin/benchmark fleet [clusters] [pods-per-cluster]}.
 *
 * <p>Stops adding control planes when the machine's available memory falls below {@code
 * -Dkubeward.bench.fleet.reserve-mib} (default 3072) and says so in the report: the run records the
 * largest fleet this machine holds.
 */
public final class FleetBenchmark {

  private static final Logger log = LoggerFactory.getLogger(FleetBenchmark.class);
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(30);
  private static final String SECTION = "fleet";

  private final Path serverJar;
  private final Path work;
  private final int clusters;
  private final int podsPerCluster;
  private final MachineLoad machineLoad = MachineLoad.beforeTheRun();
  private final int problemsPerCluster;
  private final Duration queryDuration =
      Duration.ofSeconds(Integer.getInteger("kubeward.bench.fleet.query-seconds", 20));
  private final String heap = System.getProperty("kubeward.bench.fleet.heap", "4g");
  private final double reserveMiB = Integer.getInteger("kubeward.bench.fleet.reserve-mib", 3072);
  private final Duration buildBudget =
      Duration.ofMinutes(Integer.getInteger("kubeward.bench.fleet.build-minutes", 60));
  private final List<List<String>> clusterRows = new ArrayList<>();
  private final List<List<String>> serverRows = new ArrayList<>();
  private final List<List<String>> queryRows = new ArrayList<>();
  private final Map<String, Object> raw = new LinkedHashMap<>();
  private String stoppedBecause;

  FleetBenchmark(Path serverJar, Path work, int clusters, int podsPerCluster) {
    this.serverJar = serverJar;
    this.work = work;
    this.clusters = clusters;
    this.podsPerCluster = podsPerCluster;
    this.problemsPerCluster = Math.max(1, podsPerCluster / 100);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: FleetBenchmark <kubeward-server-exec.jar> <docs folder> [clusters, default 20]"
              + " [pods per cluster, a multiple of 30, default 2010]");
      System.exit(2);
    }
    int clusters = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int pods = args.length > 3 ? Integer.parseInt(args[3]) : 2_010;
    if (clusters < 1 || clusters > 100) {
      throw new IllegalArgumentException("clusters must be 1 to 100, not " + clusters);
    }
    Path docs = Path.of(args[1]);
    Path work = Files.createTempDirectory("kubeward-fleet-");
    Report report = new FleetBenchmark(Path.of(args[0]), work, clusters, pods).run(args);
    report.write(docs.resolve("BENCHMARKS.md"), docs.resolve("benchmarks-fleet.json"));
    log.info("Wrote {} and its JSON; work folder {}", docs.resolve("BENCHMARKS.md"), work);
  }

  Report run(String[] args) throws Exception {
    List<ControlPlane> planes = new ArrayList<>();
    try {
      buildFleet(planes);
      measureKubeward(planes);
    } finally {
      for (ControlPlane plane : planes) {
        plane.close();
      }
    }
    return report(planes.size(), String.join(" ", List.of(args).subList(2, args.length)));
  }

  /**
   * Starts the control planes one after the other, each with its fixture and problem pods. Stops
   * adding when memory runs short, when the build budget is spent, or when a cluster beyond the
   * first cannot be built (its apiserver too slow on the shared cores), and says why: the fleet
   * measured is then the one that was built.
   */
  private void buildFleet(List<ControlPlane> planes) {
    long buildStarted = System.nanoTime();
    for (int i = 0; i < clusters; i++) {
      Duration building = Duration.ofNanos(System.nanoTime() - buildStarted);
      if (i > 0 && building.compareTo(buildBudget) > 0) {
        stoppedBecause =
            "stopped at %d of %d control planes: building took %s, past the budget of %d min (-Dkubeward.bench.fleet.build-minutes); load %s"
                .formatted(
                    i,
                    clusters,
                    ScaleBenchmark.seconds(building),
                    buildBudget.toMinutes(),
                    Churn.loadAverage());
        log.warn(stoppedBecause);
        break;
      }
      double available = ProcessMemory.availableMiB();
      if (available >= 0 && available < reserveMiB) {
        stoppedBecause =
            "stopped at %d of %d control planes: %s available, below the reserve of %s"
                .formatted(
                    i, clusters, ProcessMemory.mib(available), ProcessMemory.mib(reserveMiB));
        log.warn(stoppedBecause);
        break;
      }
      long started = System.nanoTime();
      ControlPlane plane = null;
      try {
        plane = ControlPlane.start(BenchControlPlane.manyNodes());
        buildCluster(plane);
      } catch (RuntimeException e) {
        if (i == 0) {
          throw e;
        }
        if (plane != null) {
          plane.close();
        }
        stoppedBecause =
            "stopped at %d of %d control planes: cluster %d could not be built (%s); load %s"
                .formatted(i, clusters, i + 1, e.getMessage(), Churn.loadAverage());
        log.warn(stoppedBecause, e);
        break;
      }
      planes.add(plane);
      recordCluster(i, plane, started);
    }
  }

  private void buildCluster(ControlPlane plane) {
    FixtureSpec spec = spec(podsPerCluster);
    try (KubernetesClient client = plane.newAdminClient()) {
      Fixture fixture = new Fixture(plane, client, spec);
      fixture.buildBase();
      fixture.growTo(spec.pods());
      fixture.awaitReady(spec.pods(), READY_TIMEOUT);
      for (int p = 0; p < problemsPerCluster; p++) {
        client
            .pods()
            .inNamespace(Fixture.namespace(0))
            .resource(unschedulable("stuck-%04d".formatted(p)))
            .create();
      }
    }
  }

  private void recordCluster(int index, ControlPlane plane, long started) {
    Map<String, Double> resident = ProcessMemory.controlPlane(plane);
    double total = resident.values().stream().mapToDouble(Double::doubleValue).sum();
    clusterRows.add(
        List.of(
            name(index),
            Integer.toString(podsPerCluster + problemsPerCluster),
            ScaleBenchmark.seconds(Duration.ofNanos(System.nanoTime() - started)),
            ProcessMemory.mib(total),
            resident.entrySet().stream()
                .map(e -> e.getKey() + " " + ProcessMemory.mib(e.getValue()))
                .reduce((a, b) -> a + ", " + b)
                .orElse("-"),
            ProcessMemory.mib(ProcessMemory.availableMiB())));
    raw.put("controlPlane-" + name(index) + "-residentMiB", resident);
    log.info("Cluster {} of {} ready ({} resident)", index + 1, clusters, ProcessMemory.mib(total));
  }

  /**
   * One Kubeward: started on the first cluster, heap with it; then every other cluster added
   * through the API; time to the first complete fleet answer, heap with all, and the query load.
   */
  private void measureKubeward(List<ControlPlane> planes) throws Exception {
    if (planes.isEmpty()) {
      return;
    }
    int expectedPerCluster = problemsPerCluster;
    try (ServerProcess server =
        ServerProcess.start(
            serverJar,
            planes.getFirst().kubewardKubeconfig(),
            work.resolve("server"),
            heap,
            List.of(),
            List.of())) {
      server.awaitSignIn(Duration.ofMinutes(5));
      Duration first = awaitFleet(server, 1, expectedPerCluster, Duration.ofMinutes(10));
      double heapOne = server.heapAfterFullGcMiB();
      serverRows.add(
          List.of(
              "1 cluster (" + podsPerCluster + " pods)",
              ScaleBenchmark.seconds(first) + " after the server's start",
              ProcessMemory.mib(heapOne),
              ProcessMemory.mib(ProcessMemory.residentMiB(server.pid()))));
      long addStart = System.nanoTime();
      for (int i = 1; i < planes.size(); i++) {
        String kubeconfig = Files.readString(planes.get(i).kubewardKubeconfig());
        HttpResponse<String> added =
            server.send(
                "POST", "/api/v1/clusters", Map.of("name", name(i), "kubeconfig", kubeconfig));
        if (added.statusCode() != 201) {
          throw new IllegalStateException("adding " + name(i) + " answered " + added.body());
        }
      }
      Duration all = awaitFleet(server, planes.size(), expectedPerCluster, Duration.ofMinutes(30));
      Duration sinceAdded = Duration.ofNanos(System.nanoTime() - addStart);
      double heapAll = server.heapAfterFullGcMiB();
      int totalPods = planes.size() * (podsPerCluster + problemsPerCluster);
      serverRows.add(
          List.of(
              planes.size() + " clusters (" + totalPods + " pods)",
              ScaleBenchmark.seconds(all)
                  + " after the server's start ("
                  + ScaleBenchmark.seconds(sinceAdded)
                  + " after the first add)",
              ProcessMemory.mib(heapAll),
              ProcessMemory.mib(ProcessMemory.residentMiB(server.pid()))));
      raw.put("heapOneClusterMiB", heapOne);
      raw.put("heapAllClustersMiB", heapAll);
      raw.put("fleetCompleteMillis", all.toMillis());
      raw.put("fleetCompleteAfterAddMillis", sinceAdded.toMillis());
      raw.put("clusters", planes.size());
      raw.put("podsTotal", totalPods);
      if (planes.size() > 1) {
        raw.put("heapPerAddedClusterMiB", (heapAll - heapOne) / (planes.size() - 1));
      }
      raw.put("heapPer10kPodsMiB", heapAll / (totalPods / 10_000.0));
      measureQueries(server, planes.size());
    }
  }

  /**
   * Polls the fleet-wide answer until {@code clusters} clusters answered with every problem pod.
   */
  private static Duration awaitFleet(
      ServerProcess server, int clusters, int problemsPerCluster, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = server.get("/api/v1/problem-pods?limit=1");
      if (response.statusCode() == 200) {
        last = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        if (last.path("complete").asBoolean()
            && last.path("clusters").size() == clusters
            && last.path("total").asInt() == clusters * problemsPerCluster) {
          return Duration.ofNanos(System.nanoTime() - server.startedNanos);
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "The fleet answer was not complete for "
            + clusters
            + " clusters in "
            + timeout
            + ": "
            + last);
  }

  private void measureQueries(ServerProcess server, int fleetSize) throws Exception {
    IntFunction<String> fleet = fleetQueries(fleetSize);
    IntFunction<String> oneCluster =
        i -> "/api/v1/clusters/" + ServerProcess.CLUSTER + "/resources/pods?problem=any&limit=50";
    MeasuredLoad load = new MeasuredLoad(server, queryDuration).warmUp(fleet);
    String what = "fleet-wide (" + fleetSize + " clusters)";
    for (int clients : List.of(1, 10, 50)) {
      queryRows.add(with(what, load.row(clients, fleet, raw, "query-fleet-" + clients)));
    }
    queryRows.add(
        with("one cluster (pods?problem=any)", load.row(10, oneCluster, raw, "query-one-10")));
  }

  private static List<String> with(String first, List<String> rest) {
    List<String> row = new ArrayList<>(List.of(first));
    row.addAll(rest);
    return row;
  }

  /** What a person asks the fleet: everything, one reason, one namespace, one cluster. */
  static IntFunction<String> fleetQueries(int fleetSize) {
    String base = "/api/v1/problem-pods?limit=50";
    return i ->
        switch (i % 4) {
          case 0 -> base;
          case 1 -> base + "&reason=Unschedulable";
          case 2 -> base + "&namespace=" + Fixture.namespace(0);
          default -> base + "&cluster=" + name(i % fleetSize);
        };
  }

  /** The name Kubeward gives cluster {@code index}: the first is the server's own. */
  static String name(int index) {
    return index == 0 ? ServerProcess.CLUSTER : "fleet-%02d".formatted(index + 1);
  }

  static FixtureSpec spec(int pods) {
    int nodes = Math.max(1, (pods + 29) / 30);
    return new FixtureSpec(
        "fleet", nodes, Math.max(1, nodes / 10), pods, Math.max(10, pods / 10), List.of(pods));
  }

  private static Pod unschedulable(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("bench-problem", "unschedulable")
        .endMetadata()
        .withNewSpec()
        .withNodeSelector(Map.of("kubeward.io/bench", "no-such-node"))
        .addNewContainer()
        .withName("app")
        .withImage("registry.example/app:1")
        .endContainer()
        .endSpec()
        .build();
  }

  private Report report(int built, String arguments) {
    Report report =
        new Report(
            SECTION,
            "Fleet: %d clusters of %d pods in one Kubeward".formatted(built, podsPerCluster));
    report
        .fact("Command", ("`bin/benchmark fleet " + arguments).strip() + "`")
        .fact("Run", Instant.now().toString())
        .fact(
            "Machine",
            Runtime.getRuntime().availableProcessors()
                + " cores, "
                + ProcessMemory.mib(ProcessMemory.availableMiB())
                + " available at the end; JDK "
                + Runtime.version())
        .fact(
            "Fixture",
            "per cluster: the scale fixture at %d pods (%d KWOK nodes; %s) plus %d pods no node can take (Unschedulable), each cluster its own etcd, apiserver, controller-manager, scheduler and KWOK"
                .formatted(
                    podsPerCluster,
                    spec(podsPerCluster).nodes(),
                    BenchControlPlane.manyNodesText(),
                    problemsPerCluster))
        .fact("Load", machineLoad.fact("every control plane shares the same cores"))
        .fact(
            "Server",
            "separate JVM, `-Xmx"
                + heap
                + " -XX:+UseG1GC`; started on the first cluster, the others added through `POST /api/v1/clusters` once it answered (a start with N clusters already registered loads them the same way, in parallel)");
    if (stoppedBecause != null) {
      report.fact("Stopped early", stoppedBecause);
    }
    report.table(
        new Report.Table(
            "Control planes",
            "Resident memory of each control plane's processes (VmRSS) once its fixture was ready, and the machine's available memory after it.",
            List.of("cluster", "pods", "built in", "resident", "per process", "available after"),
            clusterRows));
    report.table(
        new Report.Table(
            "Kubeward with the fleet",
            "Complete: the first `GET /api/v1/problem-pods` that is complete, names every cluster and counts every problem pod. Heap: live heap after a full GC (`jcmd GC.class_histogram`). Cost per added cluster and per 10,000 pods in the raw JSON (`heapPerAddedClusterMiB`, `heapPer10kPodsMiB`).",
            List.of("clusters", "complete", "live heap", "resident"),
            serverRows));
    report.table(
        new Report.Table(
            "Fleet-wide query: all pods with a problem across clusters",
            "`GET /api/v1/problem-pods?limit=50`, by reason, by namespace and by cluster in turn, for "
                + queryDuration.toSeconds()
                + " s per row, from N concurrent clients over loopback; the last row is the same question asked of one cluster. CPU of the server and of the load generator (this JVM) measured separately.",
            with("query", MeasuredLoad.HEADERS),
            queryRows));
    raw.forEach(report::raw);
    return report;
  }
}
