package io.kubeward.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.ControlPlaneOptions;
import io.kubeward.testkit.controlplane.FakeNode;
import io.kubeward.testkit.scenario.BackupScenario;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 16's backup benchmark (not a test), {@code bin/benchmark backup [small|full] [objects]}:
 * backup and restore <b>throughput</b> (objects/s) and the server's <b>peak heap</b> with {@code
 * -Xmx512m}, to the local directory and to S3.
 *
 * <p>The fixture is {@link BackupScenario}: {@code objects} objects (full: 40,000; small: 4,000) in
 * namespaces of 1,000 ({@link BackupScenario.Sizes#perNamespace}: Deployments and StatefulSets
 * without pods, Services, Ingresses, ConfigMaps, Secrets, PVCs, RBAC, custom resources), created
 * with 32 requests at a time. The server runs as a separate JVM ({@code java -Xmx512m -jar}, G1, GC
 * log). Each measurement, through the REST API as the admin:
 *
 * <ol>
 *   <li>a Backup of all the fixture's namespaces (Secrets included) to a location, timed from the
 *       POST until the apiserver shows phase {@code Completed} (polled every 100 ms); objects = the
 *       status' {@code progress.total} (what the archive holds: also the ReplicaSets the
 *       Deployments made);
 *   <li>a Restore of that Backup into mapped namespaces ({@code <ns>-r<n>}), timed the same way;
 *       objects = the status' counts. The mapped namespaces are deleted (and waited for) before the
 *       next restore.
 * </ol>
 *
 * Peak heap = the largest heap occupancy the GC log shows during the measurement (before a
 * collection: live objects and garbage), and the largest live heap after a collection. Writes the
 * section between {@code <!-- backup-<size>:begin -->} and {@code :end} of {@code
 * docs/BENCHMARKS.md} and the raw numbers to {@code docs/benchmarks-backup-<size>.json}.
 */
public final class BackupBenchmark {

  private static final Logger log = LoggerFactory.getLogger(BackupBenchmark.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLUSTER = ServerProcess.CLUSTER;
  private static final String HOME = "bench-backups";
  private static final int PER_NAMESPACE = 1000;
  private static final String MAX_HEAP = "512m";
  private static final Duration DEADLINE = Duration.ofMinutes(30);

  /** Targets of issue 16. */
  static final double TARGET_BACKUP = 1000;

  static final double TARGET_RESTORE = 300;
  static final double TARGET_HEAP_MIB = 512;

  /** Velero's published figures, as issue 16 quotes them. */
  static final double VELERO_BACKUP = 700;

  static final int VELERO_OOM_ITEMS = 67_000;

  private static final Pattern GC_LINE =
      Pattern.compile("^\\[(\\d+\\.\\d+)s\\].*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private final Path jar;
  private final Path docs;
  private final String size;
  private final int objects;

  private BackupBenchmark(Path jar, Path docs, String size, int objects) {
    this.jar = jar;
    this.docs = docs;
    this.size = size;
    this.objects = objects;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: BackupBenchmark <server exec jar> <docs folder> [small|full] [objects]");
      System.exit(2);
    }
    String size = args.length > 2 ? args[2] : "small";
    int objects =
        args.length > 3 ? Integer.parseInt(args[3]) : size.equals("full") ? 40_000 : 4_000;
    if (objects < PER_NAMESPACE || objects > 200_000) {
      throw new IllegalArgumentException("objects 1,000..200,000: " + objects);
    }
    new BackupBenchmark(Path.of(args[0]), Path.of(args[1]), size, objects).run();
  }

  /** One measured backup or restore. */
  record Measurement(
      String operation,
      String location,
      long objects,
      double seconds,
      double serverSeconds,
      double peakHeapMiB,
      double peakLiveMiB,
      int fullCollections,
      String phase,
      JsonNode status) {
    double perSecond() {
      return objects / seconds;
    }
  }

  /** Where archives go: a name of the server's locations and how to make it exist. */
  interface Location {
    String name();

    /** Registers the location with the server (nothing for {@code local}). */
    void register(ServerProcess server) throws Exception;
  }

  private void run() throws Exception {
    Path work = Files.createTempDirectory("kubeward-backup-bench-");
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    List<FakeNode> nodes = List.of(FakeNode.inZone("backup-bench-0", "zone-0"));
    ControlPlaneOptions options =
        BenchControlPlane.withFastControllers(
                ControlPlaneOptions.builder().nodes(nodes).startTimeout(Duration.ofMinutes(5)))
            .build();
    List<Measurement> results = new ArrayList<>();
    Map<String, Object> fixture = new LinkedHashMap<>();
    try (ControlPlane controlPlane = ControlPlane.start(options);
        KubernetesClient kube = controlPlane.newAdminClient();
        BackupLocations locations = BackupLocations.start()) {
      int namespaceCount = objects / PER_NAMESPACE;
      List<String> namespaces = new ArrayList<>();
      for (int i = 0; i < namespaceCount; i++) {
        namespaces.add(String.format(Locale.ROOT, "bench-backup-%03d", i));
      }
      BackupScenario.Sizes sizes = BackupScenario.Sizes.perNamespace(objects / namespaceCount);
      long buildStart = System.nanoTime();
      BackupScenario scenario = BackupScenario.create(kube, "bench", namespaces, sizes, 32);
      double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
      log.info(
          "fixture: {} objects in {} namespaces in {} s",
          scenario.objects(),
          namespaceCount,
          Math.round(buildSeconds));
      fixture.put("objects", scenario.objects());
      fixture.put("namespaces", namespaceCount);
      fixture.put("sizesPerNamespace", sizes);
      fixture.put("buildSeconds", buildSeconds);
      kube.namespaces()
          .resource(
              new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                  .withNewMetadata()
                  .withName(HOME)
                  .endMetadata()
                  .build())
          .serverSideApply();

      Path serverWork = work.resolve("server");
      try (ServerProcess server =
          ServerProcess.start(
              jar,
              controlPlane.kubewardKubeconfig(),
              serverWork,
              MAX_HEAP,
              List.of(),
              List.of(
                  "--kubeward.backups.directory=" + work.resolve("archives"),
                  "--kubeward.backups.encryption.keys.bench="
                      + java.util.Base64.getEncoder()
                          .encodeToString(
                              "kubeward-backup-bench-32-byte-k!"
                                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII))))) {
        server.awaitSignIn(Duration.ofMinutes(3));
        awaitCrd(kube, "backups.kubeward.io");
        awaitCrd(kube, "restores.kubeward.io");
        Path gcLog = serverWork.resolve("gc.log");
        int round = 0;
        for (Location location : locations.all()) {
          location.register(server);
          String backup = "bench-" + location.name();
          Measurement backedUp =
              measure(
                  server,
                  kube,
                  gcLog,
                  "backup",
                  location.name(),
                  "Backup",
                  backup,
                  () -> {
                    Map<String, Object> scope = new LinkedHashMap<>();
                    scope.put("namespaces", namespaces);
                    scope.put("includeSecrets", true);
                    scope.put("includeClusterResources", false);
                    send(
                        server,
                        "POST",
                        "/api/v1/clusters/" + CLUSTER + "/namespaces/" + HOME + "/backups",
                        Map.of(
                            "name",
                            backup,
                            "spec",
                            Map.of("scope", scope, "location", location.name())));
                  },
                  s -> s.path("progress").path("total").asLong());
          results.add(backedUp);
          log.info("{}", describe(backedUp));

          round++;
          String suffix = "-r" + round;
          Map<String, String> mapping = new LinkedHashMap<>();
          namespaces.forEach(ns -> mapping.put(ns, ns + suffix));
          String restore = "bench-restore-" + location.name();
          Measurement restored =
              measure(
                  server,
                  kube,
                  gcLog,
                  "restore",
                  location.name(),
                  "Restore",
                  restore,
                  () ->
                      send(
                          server,
                          "POST",
                          "/api/v1/clusters/" + CLUSTER + "/namespaces/" + HOME + "/restores",
                          Map.of(
                              "name",
                              restore,
                              "spec",
                              Map.of(
                                  "source",
                                  Map.of("cluster", CLUSTER, "namespace", HOME, "backup", backup),
                                  "namespaceMapping",
                                  mapping))),
                  s -> {
                    JsonNode counts = s.path("counts");
                    return counts.path("created").asLong()
                        + counts.path("updated").asLong()
                        + counts.path("skipped").asLong();
                  });
          results.add(restored);
          log.info("{}", describe(restored));
          if (round < locations.all().size()) {
            // the next restore must not share the apiserver with this one's clean-up
            for (String target : mapping.values()) {
              kube.namespaces().withName(target).delete();
            }
            for (String target : mapping.values()) {
              BackupScenario.deleteNamespace(kube, target, Duration.ofMinutes(15));
            }
          }
        }
      }
      double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      write(controlPlane, fixture, results, loadBefore, loadAfter);
    }
    log.info("Backup benchmark done; work folder {}", work);
  }

  private interface Action {
    void run() throws Exception;
  }

  private interface Count {
    long of(JsonNode status);
  }

  private Measurement measure(
      ServerProcess server,
      KubernetesClient kube,
      Path gcLog,
      String operation,
      String location,
      String kind,
      String name,
      Action start,
      Count count)
      throws Exception {
    double fromUptime = uptime(server);
    long started = System.nanoTime();
    start.run();
    JsonNode status =
        awaitStatus(
            kube,
            kind,
            name,
            s -> {
              String phase = s.path("phase").asText();
              return phase.equals("Completed")
                  || phase.equals("PartiallyFailed")
                  || phase.equals("Failed");
            });
    double seconds = (System.nanoTime() - started) / 1e9;
    double toUptime = uptime(server);
    double[] heap = peakHeap(gcLog, fromUptime, toUptime);
    double serverSeconds = Double.NaN;
    if (status.hasNonNull("startedAt") && status.hasNonNull("completedAt")) {
      serverSeconds =
          Duration.between(
                      Instant.parse(status.get("startedAt").asText()),
                      Instant.parse(status.get("completedAt").asText()))
                  .toMillis()
              / 1000.0;
    }
    return new Measurement(
        operation,
        location,
        count.of(status),
        seconds,
        serverSeconds,
        heap[0],
        heap[1],
        (int) heap[2],
        status.path("phase").asText(),
        status);
  }

  private static double uptime(ServerProcess server) {
    return (System.nanoTime() - server.startedNanos) / 1e9;
  }

  /**
   * The largest heap occupancy before a collection and the largest after one, in MiB, of the GC
   * log's lines between two JVM uptimes (G1's {@code [12.345s] GC(3) Pause … 120M->40M(512M)}).
   */
  static double[] peakHeap(Path gcLog, double from, double to) throws IOException {
    double before = 0;
    double after = 0;
    int full = 0;
    if (!Files.exists(gcLog)) {
      return new double[] {Double.NaN, Double.NaN, 0};
    }
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = GC_LINE.matcher(line);
      if (!m.find()) {
        continue;
      }
      double at = Double.parseDouble(m.group(1));
      if (at < from || at > to) {
        continue;
      }
      before = Math.max(before, Double.parseDouble(m.group(2)));
      after = Math.max(after, Double.parseDouble(m.group(3)));
      if (line.contains("Pause Full")) {
        full++;
      }
    }
    return new double[] {before, after, full};
  }

  private static JsonNode awaitStatus(
      KubernetesClient kube, String kind, String name, Predicate<JsonNode> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    JsonNode last = JSON.createObjectNode();
    while (System.nanoTime() < deadline) {
      var object =
          kube.genericKubernetesResources("kubeward.io/v1alpha1", kind)
              .inNamespace(HOME)
              .withName(name)
              .get();
      Object status = object == null ? null : object.getAdditionalProperties().get("status");
      last = status == null ? JSON.createObjectNode() : JSON.valueToTree(status);
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(100); // polling the status with a deadline
    }
    throw new IllegalStateException(
        kind + " " + name + " not finished in " + DEADLINE + ": " + last);
  }

  private static void awaitCrd(KubernetesClient kube, String crd) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      var found = kube.apiextensions().v1().customResourceDefinitions().withName(crd).get();
      if (found != null
          && found.getStatus() != null
          && found.getStatus().getConditions().stream()
              .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()))) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the CRD " + crd + " is not established");
  }

  static void send(ServerProcess server, String method, String path, Object body) throws Exception {
    HttpResponse<String> response = server.send(method, path, body);
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static String describe(Measurement m) {
    return String.format(
        Locale.ROOT,
        "%s to %s: %d objects in %.1f s (%.0f objects/s), peak heap %.0f MiB (after a collection"
            + " %.0f MiB), %s",
        m.operation(),
        m.location(),
        m.objects(),
        m.seconds(),
        m.perSecond(),
        m.peakHeapMiB(),
        m.peakLiveMiB(),
        m.phase());
  }

  // ---------------------------------------------------------------- the report

  private void write(
      ControlPlane controlPlane,
      Map<String, Object> fixture,
      List<Measurement> results,
      double loadBefore,
      double loadAfter)
      throws IOException {
    String when =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now());
    Report report =
        new Report(
            "backup-" + size,
            String.format(
                Locale.ROOT,
                "Backup and restore: %,d objects (issue 16, %s)",
                (int) fixture.get("objects"),
                size));
    report.fact(
        "Command",
        "`bin/benchmark backup "
            + size
            + " "
            + objects
            + "` (`io.kubeward.bench.BackupBenchmark`, ADR 0044)");
    report.fact(
        "Run",
        String.format(
            Locale.ROOT,
            "%s, Kubernetes %s, 1-minute load average %.1f before, %.1f after (2 cores shared with"
                + " other work)",
            when,
            controlPlane.kubernetesVersion(),
            loadBefore,
            loadAfter));
    report.fact(
        "Setup",
        String.format(
            Locale.ROOT,
            "the server as a separate JVM (`java -Xmx%s -XX:+UseG1GC -jar`); %,d objects in %d"
                + " namespaces of %,d (BackupScenario: Deployments and StatefulSets without pods,"
                + " ClusterIP and NodePort Services, Ingresses, ConfigMaps, Secrets, PVCs, RBAC,"
                + " custom resources of a test CRD) created in %.0f s; a Backup of all of them"
                + " (Secrets included, sealed) to each location, then a Restore of it into mapped"
                + " namespaces, through the REST API; time from the POST until the apiserver shows"
                + " the final phase (polled every 100 ms); objects as the status counts them (the"
                + " backup also holds the ReplicaSets the Deployments made)",
            MAX_HEAP,
            (int) fixture.get("objects"),
            (int) fixture.get("namespaces"),
            PER_NAMESPACE,
            (double) fixture.get("buildSeconds")));
    report.fact(
        "The apiserver's pace on this machine",
        String.format(
            Locale.ROOT,
            "the fixture's plain creates (fabric8, 32 requests in flight, no Kubeward) ran at %,.0f"
                + " objects/s: a restore, which creates every object too, cannot be faster here",
            (int) fixture.get("objects") / (double) fixture.get("buildSeconds")));
    List<List<String>> rows = new ArrayList<>();
    for (Measurement m : results) {
      rows.add(
          List.of(
              m.operation(),
              m.location(),
              String.format(Locale.ROOT, "%,d", m.objects()),
              String.format(Locale.ROOT, "%.1f s", m.seconds()),
              String.format(Locale.ROOT, "**%,.0f**", m.perSecond()),
              String.format(Locale.ROOT, "%.0f MiB", m.peakHeapMiB()),
              String.format(Locale.ROOT, "%.0f MiB", m.peakLiveMiB()),
              Integer.toString(m.fullCollections()),
              m.phase(),
              m.operation().equals("backup")
                  ? String.format(Locale.ROOT, "≥ %,.0f obj/s", TARGET_BACKUP)
                  : String.format(Locale.ROOT, "≥ %,.0f obj/s", TARGET_RESTORE)));
    }
    report.table(
        new Report.Table(
            "Throughput and heap",
            "Peak heap: the largest occupancy the GC log shows during the operation (before a"
                + " collection, garbage included); after a collection: the largest heap a pause"
                + " left (a young pause that fails to evacuate leaves the heap full: then only the"
                + " full collection that follows shows the live heap); full collections: G1's"
                + " last resort before an OutOfMemoryError. The heap limit is "
                + MAX_HEAP
                + ".",
            List.of(
                "operation",
                "location",
                "objects",
                "time",
                "objects/s",
                "peak heap",
                "after a collection",
                "full collections",
                "phase",
                "target"),
            rows));
    double slowestBackup =
        results.stream()
            .filter(m -> m.operation().equals("backup"))
            .mapToDouble(Measurement::perSecond)
            .min()
            .orElse(Double.NaN);
    double worstRestore =
        results.stream()
            .filter(m -> m.operation().equals("restore"))
            .mapToDouble(Measurement::perSecond)
            .min()
            .orElse(Double.NaN);
    double peak = results.stream().mapToDouble(Measurement::peakHeapMiB).max().orElse(Double.NaN);
    int fullCollections = results.stream().mapToInt(Measurement::fullCollections).sum();
    report.table(
        new Report.Table(
            "Next to Velero and the targets",
            "Velero was not run here (it needs an in-cluster agent and object storage): its"
                + " figures are the published ones issue 16 quotes — about 700 items/s backup, and"
                + " out of memory near 67,000 items (velero-io/velero#7902: a backup of 66,776"
                + " items killed at a 2 GB memory limit; the default limit is 512 Mi, with which"
                + " #3851 reports an OOM kill at 10,000 Secrets). Kubeward's column is the slowest"
                + " location of this run.",
            List.of("", "Kubeward (this run)", "Velero (published)", "target"),
            List.of(
                List.of(
                    "backup throughput",
                    String.format(Locale.ROOT, "%,.0f objects/s", slowestBackup),
                    String.format(Locale.ROOT, "≈ %,.0f items/s", VELERO_BACKUP),
                    String.format(Locale.ROOT, "≥ %,.0f objects/s", TARGET_BACKUP)),
                List.of(
                    "restore throughput",
                    String.format(Locale.ROOT, "%,.0f objects/s", worstRestore),
                    "—",
                    String.format(Locale.ROOT, "≥ %,.0f objects/s", TARGET_RESTORE)),
                List.of(
                    "memory at "
                        + String.format(Locale.ROOT, "%,d", (int) fixture.get("objects"))
                        + " objects",
                    String.format(
                        Locale.ROOT,
                        "peak heap %.0f MiB (limit %s), %d full collection(s), every operation"
                            + " completed",
                        peak,
                        MAX_HEAP,
                        fullCollections),
                    String.format(Locale.ROOT, "out of memory near %,d items", VELERO_OOM_ITEMS),
                    String.format(Locale.ROOT, "≤ %.0f MB heap", TARGET_HEAP_MIB)))));
    List<Map<String, Object>> raw = new ArrayList<>();
    for (Measurement m : results) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("operation", m.operation());
      r.put("location", m.location());
      r.put("objects", m.objects());
      r.put("seconds", m.seconds());
      r.put("serverSeconds", m.serverSeconds());
      r.put("objectsPerSecond", m.perSecond());
      r.put("peakHeapMiB", m.peakHeapMiB());
      r.put("peakHeapAfterCollectionMiB", m.peakLiveMiB());
      r.put("fullCollections", m.fullCollections());
      r.put("phase", m.phase());
      r.put("status", m.status());
      raw.add(r);
    }
    report.raw("fixture", fixture);
    report.raw("maxHeap", MAX_HEAP);
    report.raw("measurements", raw);
    report.write(
        docs.resolve("BENCHMARKS.md"), docs.resolve("benchmarks-backup-" + size + ".json"));
  }
}
