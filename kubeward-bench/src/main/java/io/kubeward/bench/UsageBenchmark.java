package io.kubeward.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.history.app.BuiltInHistory;
import io.kubeward.history.app.BuiltInSampler;
import io.kubeward.history.app.HistorySettings;
import io.kubeward.history.app.HistoryStore;
import io.kubeward.history.app.OutboundGuard;
import io.kubeward.history.app.PromLimits;
import io.kubeward.history.app.PrometheusConfigStore;
import io.kubeward.history.app.PrometheusHistory;
import io.kubeward.history.domain.History;
import io.kubeward.history.domain.HistoryMetric;
import io.kubeward.history.domain.HistoryTarget;
import io.kubeward.history.domain.HistoryWindow;
import io.kubeward.history.domain.Point;
import io.kubeward.history.domain.PromQueries;
import io.kubeward.history.domain.PrometheusSettings;
import io.kubeward.history.domain.Series;
import io.kubeward.history.prometheus.JdkPrometheusClient;
import io.kubeward.server.history.BenchHistoryStores;
import io.kubeward.usage.domain.MetricsSnapshot;
import io.kubeward.usage.domain.UsageAggregates;
import io.kubeward.usage.domain.UsageVisibility;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 12's usage and history benchmark (not a test; no control plane): at 1,000 nodes and 30,000
 * pods ({@link UsageFixture}, the cache's views made by the real projections, an emulated metrics
 * API):
 *
 * <ol>
 *   <li>the overview's usage aggregates ({@link UsageAggregates}): time (p50/p99 after warm-up),
 *       bytes allocated per call ({@code ThreadMXBean}), retained heap of the metrics snapshot and
 *       of the views (heap after a full GC);
 *   <li>the built-in history's storage: the server's JDBC store over an H2 file database
 *       (production's default URL) fed by the real {@link BuiltInSampler} (sampling and compaction)
 *       under a simulated clock over a day at 30 s; rows, bytes on disk (compacted database, raw
 *       and rollups told apart by truncating), bytes per series per day, rollups for 30 days;
 *   <li>p50/p99 of a 24-hour node chart: the built-in history in-process ({@link BuiltInHistory},
 *       what {@code GetHistory} calls after its access check, same window), and a real Prometheus
 *       (Debian's package, 127.0.0.1) backfilled with {@code promtool tsdb create-blocks-from
 *       openmetrics} with the same emulated series of a few nodes, queried raw ({@code
 *       /api/v1/query_range}, Kubeward's PromQL and step) and through Kubeward's Prometheus history
 *       source ({@link PrometheusHistory} over {@link JdkPrometheusClient}).
 * </ol>
 *
 * Writes {@code docs/BENCHMARKS.md} between {@code <!-- usage-<size>:begin -->} and {@code <!--
 * usage-<size>:end -->} and {@code docs/benchmarks-usage[-small].json}.
 *
 * <p>Arguments: {@code <docs folder> [small|full] [history hours (default 24)] [prometheus nodes
 * (default 5)]}.
 */
public final class UsageBenchmark {

  private static final Logger log = LoggerFactory.getLogger(UsageBenchmark.class);
  private static final String CLUSTER = UsageFixture.CLUSTER;
  private static final Duration SAMPLE = Duration.ofSeconds(30);
  private static final int WARMUP = 20;
  private static final int RUNS = 50;
  private static final int CHART_WARMUP = 10;
  private static final int CHART_RUNS = 100;
  private static final Duration DEADLINE = Duration.ofMinutes(40);

  private final Path docs;
  private final String size;
  private final int nodeCount;
  private final int podCount;
  private final int historyHours;
  private final int promNodes;
  private final Instant deadline = Instant.now().plus(DEADLINE);
  private final Report report;
  private final Map<String, Object> raw = new LinkedHashMap<>();

  private UsageBenchmark(Path docs, String size, int historyHours, int promNodes) {
    this.docs = docs;
    this.size = size;
    this.nodeCount = size.equals("full") ? 1000 : 100;
    this.podCount = size.equals("full") ? 30_000 : 3_000;
    this.historyHours = historyHours;
    this.promNodes = promNodes;
    this.report =
        new Report(
            "usage-" + size,
            "Usage and history: " + podCount + " pods on " + nodeCount + " nodes (" + size + ")");
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println(
          "usage: UsageBenchmark <docs folder> [small|full] [history hours] [prometheus nodes]");
      System.exit(2);
    }
    String size = args.length > 1 ? args[1] : "small";
    if (!size.equals("small") && !size.equals("full")) {
      System.err.println("size must be small or full");
      System.exit(2);
    }
    int hours = args.length > 2 ? Integer.parseInt(args[2]) : 24;
    int promNodes = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    if (hours < 1 || hours > 24 || promNodes < 1 || promNodes > 50) {
      System.err.println("history hours must be 1..24, prometheus nodes 1..50");
      System.exit(2);
    }
    new UsageBenchmark(Path.of(args[0]), size, hours, promNodes).run(args);
    System.exit(0);
  }

  private void run(String[] args) throws Exception {
    double loadBefore = loadAverage();
    Instant started = Instant.now();
    Path work = Files.createTempDirectory("kubeward-usage-bench-");
    try {
      log.info("Building the fixture: {} nodes, {} pods ...", nodeCount, podCount);
      long heapBeforeViews = heapAfterGc();
      long t0 = System.nanoTime();
      UsageFixture fixture = new UsageFixture(nodeCount, podCount);
      Duration fixtureTime = Duration.ofNanos(System.nanoTime() - t0);
      long viewsHeap = heapAfterGc() - heapBeforeViews;
      report
          .fact(
              "Command",
              "`bin/benchmark usage "
                  + String.join(" ", Arrays.asList(args).subList(1, args.length))
                  + "`")
          .fact("Run", started.toString())
          .fact(
              "Fixture",
              String.format(
                  Locale.ROOT,
                  "%d nodes (16 CPU, 64 GiB; allocatable 15.8 CPU, 62 GiB, 110 pods), %d namespaces,"
                      + " %d Deployments (~15 pods, pods owned by their ReplicaSets), %d StatefulSets"
                      + " (3 pods), %d pods (%d containers; %d hold node resources, the others are"
                      + " Succeeded Job pods), a ResourceQuota per namespace; views made by the"
                      + " cache's projections from fabric8 objects (%s); emulated metrics API: each"
                      + " container uses a share of its request moving on a daily wave",
                  nodeCount,
                  UsageFixture.NAMESPACES,
                  fixture.deploymentCount(),
                  fixture.statefulSets,
                  fixture.pods.size(),
                  fixture.containerCount,
                  fixture.pods.stream().filter(p -> p.holdsResources()).count(),
                  seconds(fixtureTime)))
          .fact(
              "Machine",
              Runtime.getRuntime().availableProcessors()
                  + " cores, JDK "
                  + Runtime.version()
                  + ", heap max "
                  + mib(Runtime.getRuntime().maxMemory())
                  + "; 1-minute load average "
                  + String.format(Locale.ROOT, "%.1f", loadBefore)
                  + " at the start (the machine is shared: other work on the same cores)");
      aggregates(fixture, viewsHeap);
      checkDeadline();
      Instant end =
          Instant.ofEpochMilli(Math.floorDiv(Instant.now().toEpochMilli(), 120_000) * 120_000);
      List<String> chartNodes = chartNodes();
      Map<String, List<Point>> builtInCpu = history(fixture, work.resolve("h2"), end, chartNodes);
      checkDeadline();
      prometheus(fixture, work.resolve("prometheus"), end, chartNodes, builtInCpu);
      double loadAfter = loadAverage();
      report.fact(
          "Load",
          String.format(
              Locale.ROOT,
              "1-minute load average %.1f before, %.1f after; wall time %s",
              loadBefore,
              loadAfter,
              seconds(Duration.between(started, Instant.now()))));
      raw.put("loadBefore", loadBefore);
      raw.put("loadAfter", loadAfter);
      report.raw("results", raw);
      String json = size.equals("full") ? "benchmarks-usage.json" : "benchmarks-usage-small.json";
      report.write(docs.resolve("BENCHMARKS.md"), docs.resolve(json));
      log.info("Usage benchmark done: docs/BENCHMARKS.md, docs/{}", json);
    } finally {
      deleteTree(work);
    }
  }

  // ---------------------------------------------------------------- 1. aggregates

  private void aggregates(UsageFixture fixture, long viewsHeap) {
    Instant at = Instant.parse("2026-12-01T12:00:00Z");
    long before = heapAfterGc();
    MetricsSnapshot metrics = fixture.metricsAt(at);
    long snapshotHeap = heapAfterGc() - before;
    ClusterSnapshot cache = fixture.cache();
    Map<String, Supplier<Object>> cases = new LinkedHashMap<>();
    cases.put("overview (`GET /usage`)", () -> UsageAggregates.overview(CLUSTER, metrics, cache));
    cases.put(
        "node rows (`GET /usage/nodes`)",
        () ->
            UsageAggregates.nodes(
                CLUSTER, metrics, fixture.nodes, fixture.pods, UsageVisibility.ALL));
    cases.put(
        "namespace rows with quotas (`GET /usage/namespaces`)",
        () ->
            UsageAggregates.namespaces(
                CLUSTER,
                metrics,
                fixture.namespaces,
                fixture.pods,
                fixture.quotas,
                UsageVisibility.ALL));
    String namespace = fixture.namespaces.getFirst().name();
    cases.put(
        "workload rows of one namespace (`GET /usage/namespaces/" + namespace + "/workloads`)",
        () ->
            UsageAggregates.workloads(
                CLUSTER, namespace, metrics, fixture.pods, fixture.owners(), UsageVisibility.ALL));
    cases.put(
        "all three of the overview page (overview + nodes + namespaces)",
        () ->
            List.of(
                UsageAggregates.overview(CLUSTER, metrics, cache),
                UsageAggregates.nodes(
                    CLUSTER, metrics, fixture.nodes, fixture.pods, UsageVisibility.ALL),
                UsageAggregates.namespaces(
                    CLUSTER,
                    metrics,
                    fixture.namespaces,
                    fixture.pods,
                    fixture.quotas,
                    UsageVisibility.ALL)));
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    List<List<String>> rows = new ArrayList<>();
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Supplier<Object>> c : cases.entrySet()) {
      Object sink = null;
      for (int i = 0; i < WARMUP; i++) {
        sink = c.getValue().get();
      }
      long[] nanos = new long[RUNS];
      long[] allocated = new long[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long a0 = threads.getCurrentThreadAllocatedBytes();
        long n0 = System.nanoTime();
        sink = c.getValue().get();
        nanos[i] = System.nanoTime() - n0;
        allocated[i] = threads.getCurrentThreadAllocatedBytes() - a0;
      }
      Reference.reachabilityFence(sink);
      Arrays.sort(nanos);
      Arrays.sort(allocated);
      rows.add(
          List.of(
              c.getKey(),
              String.valueOf(RUNS),
              millis(percentile(nanos, 50)),
              millis(percentile(nanos, 99)),
              millis(nanos[nanos.length - 1]),
              mib(percentile(allocated, 50))));
      out.put(
          c.getKey(),
          Map.of(
              "p50Nanos", percentile(nanos, 50),
              "p99Nanos", percentile(nanos, 99),
              "maxNanos", nanos[nanos.length - 1],
              "allocatedBytesMedian", percentile(allocated, 50)));
    }
    Reference.reachabilityFence(metrics);
    raw.put("aggregates", out);
    raw.put("viewsRetainedBytes", viewsHeap);
    raw.put("metricsSnapshotRetainedBytes", snapshotHeap);
    report.table(
        new Report.Table(
            "1. Usage aggregates: time and allocation",
            "`UsageAggregates` (pure functions over the cached views and one metrics snapshot,"
                + " everything visible: Kubeward's own view, an admin's) on one thread, "
                + WARMUP
                + " warm-up calls then "
                + RUNS
                + " timed; allocation = `ThreadMXBean.getCurrentThreadAllocatedBytes` around each"
                + " call (median). The REST endpoints add the authorization checks and JSON.",
            List.of("computation", "runs", "p50", "p99", "max", "allocated per call"),
            rows));
    report.table(
        new Report.Table(
            "1b. Retained heap",
            "Heap used after a full GC (`System.gc()`, twice), before and after building each.",
            List.of("what", "retained", "per item"),
            List.of(
                List.of(
                    "metrics snapshot (`MetricsSnapshot`: "
                        + metrics.nodes().size()
                        + " node samples, "
                        + metrics.podCount()
                        + " pod samples with their containers)",
                    mib(snapshotHeap),
                    bytes(snapshotHeap / Math.max(1, metrics.podCount())) + " per pod sample"),
                List.of(
                    "the cache's views of the fixture (nodes, namespaces, pods, Deployments,"
                        + " quotas; for scale)",
                    mib(viewsHeap),
                    bytes(viewsHeap / Math.max(1, fixture.pods.size())) + " per pod"))));
  }

  // ---------------------------------------------------------------- 2. + 3a. built-in history

  private Map<String, List<Point>> history(
      UsageFixture fixture, Path dir, Instant end, List<String> chartNodes) throws Exception {
    Files.createDirectories(dir);
    String url =
        "jdbc:h2:file:"
            + dir.resolve("kubeward")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
    HistorySettings settings = HistorySettings.defaults();
    int samples = historyHours * 3600 / (int) SAMPLE.toSeconds();
    Instant start = end.minus(SAMPLE.multipliedBy(samples - 1L));
    MutableClock clock = new MutableClock(start);
    Map<String, List<Point>> cpuByNode = new LinkedHashMap<>();
    long[] samplePass = new long[samples];
    long emulation = 0;
    List<Long> compactPasses = new ArrayList<>();
    HistoryStore.Usage usage;
    int seriesPerSample = 0;
    long liveBytes;
    Duration writeWall;
    long[] chartNanos = new long[CHART_RUNS];
    int pointsPerSeries = 0;
    String step = "";
    try (HikariDataSource dataSource = new HikariDataSource()) {
      dataSource.setJdbcUrl(url);
      dataSource.setDriverClassName("org.h2.Driver");
      dataSource.setMaximumPoolSize(4);
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      HistoryStore store =
          BenchHistoryStores.jdbc(
              JdbcClient.create(dataSource),
              new JdbcTemplate(dataSource),
              new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
      PrometheusConfigStore noPrometheus = new NoPrometheus(null);
      AtomicReference<MetricsSnapshot> current = new AtomicReference<>();
      BuiltInSampler sampler =
          new BuiltInSampler(
              store,
              // SnapshotUsage's work: the shared metrics snapshot placed on nodes and workloads
              cluster -> Optional.of(fixture.usageOf(current.get())),
              noPrometheus,
              settings,
              clock);
      log.info(
          "Built-in history: {} samples every {} s ({} h) into H2 at {} ...",
          samples,
          SAMPLE.toSeconds(),
          historyHours,
          dir);
      long w0 = System.nanoTime();
      long compactEvery = settings.compactInterval().toMillis() / SAMPLE.toMillis();
      for (int i = 0; i < samples; i++) {
        clock.set(start.plus(SAMPLE.multipliedBy(i)));
        // the emulated metrics API, not timed: Kubeward has this snapshot already (UsageSnapshots)
        long e0 = System.nanoTime();
        current.set(fixture.metricsAt(clock.instant()));
        emulation += System.nanoTime() - e0;
        long s0 = System.nanoTime();
        int stored = sampler.sample(CLUSTER, c -> true);
        samplePass[i] = System.nanoTime() - s0;
        seriesPerSample = Math.max(seriesPerSample, stored);
        if ((i + 1) % compactEvery == 0) {
          long c0 = System.nanoTime();
          sampler.compact(CLUSTER);
          compactPasses.add(System.nanoTime() - c0);
        }
        if (i % 240 == 0) {
          log.info("  sample {}/{} ({} series)", i, samples, stored);
          checkDeadline();
        }
      }
      // the compaction catches up (a pass rolls up at most 48 buckets)
      for (int i = 0; i < 10; i++) {
        if (sampler.compact(CLUSTER).bucketsRolledUp() == 0) {
          break;
        }
      }
      writeWall = Duration.ofNanos(System.nanoTime() - w0);
      usage = store.usage(CLUSTER);
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("CHECKPOINT SYNC");
      }
      liveBytes = Files.size(dir.resolve("kubeward.mv.db"));

      // 3a. the 24-hour chart of a node from the built-in history
      BuiltInHistory builtIn = new BuiltInHistory(store, settings, clock);
      for (String node : chartNodes) {
        History h = builtIn.history(CLUSTER, HistoryTarget.node(node), window(end, SAMPLE));
        cpuByNode.put(node, seriesOf(h, HistoryMetric.CPU));
      }
      log.info("Built-in history: timing the 24-hour node chart ...");
      for (int i = 0; i < CHART_WARMUP + CHART_RUNS; i++) {
        String node = UsageFixture.nodeName((i * 37) % nodeCount);
        HistoryWindow window = window(end, builtIn.minStep());
        long n0 = System.nanoTime();
        History h = builtIn.history(CLUSTER, HistoryTarget.node(node), window);
        long took = System.nanoTime() - n0;
        if (i >= CHART_WARMUP) {
          chartNanos[i - CHART_WARMUP] = took;
        }
        pointsPerSeries = h.series().isEmpty() ? 0 : h.series().getFirst().points().size();
        step = h.window().step().toSeconds() + " s";
      }
    }
    // sizes on disk: compacted whole, then without raw samples, then without rollups
    long all = compact(url, dir, null);
    long withoutRaw = compact(url, dir, "kubeward_history_raw");
    long empty = compact(url, dir, "kubeward_history_rollup");
    long rawBytes = all - withoutRaw;
    long rollupBytes = withoutRaw - empty;
    double perDay = 24.0 / historyHours;
    double rawRowsDay = usage.rawRows() * perDay;
    double rollupRowsDay = usage.rollupRows() * perDay;
    double rawBytesDay = rawBytes * perDay;
    double rollupBytesDay = rollupBytes * perDay;
    long series = usage.series();
    String scaled = historyHours == 24 ? "" : " (×" + perDay + ", from " + historyHours + " h)";
    Arrays.sort(samplePass);
    long[] compactions = compactPasses.stream().mapToLong(Long::longValue).sorted().toArray();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("hoursSimulated", historyHours);
    out.put("samples", samples);
    out.put("seriesPerSample", seriesPerSample);
    out.put("seriesCreated", series);
    out.put("rawRows", usage.rawRows());
    out.put("rollupRows", usage.rollupRows());
    out.put("databaseBytesLive", liveBytes);
    out.put("databaseBytesCompacted", all);
    out.put("rawBytes", rawBytes);
    out.put("rollupBytes", rollupBytes);
    out.put("schemaAndSeriesBytes", empty);
    out.put("writeWallNanos", writeWall.toNanos());
    out.put("emulationNanos", emulation);
    out.put("samplePassP50Nanos", percentile(samplePass, 50));
    out.put("samplePassP99Nanos", percentile(samplePass, 99));
    out.put("compactPassP50Nanos", percentile(compactions, 50));
    out.put("compactPassP99Nanos", percentile(compactions, 99));
    raw.put("history", out);
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "series per sample (cluster, nodes, namespaces, top workloads, top pods)",
            String.valueOf(seriesPerSample)));
    rows.add(
        List.of(
            "series created over " + historyHours + " h (the top-N changes as usage moves)",
            String.valueOf(series)));
    rows.add(List.of("raw rows per day" + scaled, String.format(Locale.ROOT, "%,.0f", rawRowsDay)));
    rows.add(
        List.of(
            "raw bytes on disk per day" + scaled,
            mib((long) rawBytesDay)
                + " ("
                + bytes((long) (rawBytes / Math.max(1.0, usage.rawRows())))
                + " per row)"));
    rows.add(
        List.of(
            "**raw bytes per series per day** (at " + seriesPerSample + " series)",
            "**" + kib((long) (rawBytesDay / Math.max(1, seriesPerSample))) + "**"));
    rows.add(
        List.of(
            "rollup rows per day (5-minute buckets)" + scaled,
            String.format(Locale.ROOT, "%,.0f", rollupRowsDay)));
    rows.add(
        List.of(
            "rollup bytes on disk per day" + scaled,
            mib((long) rollupBytesDay)
                + " ("
                + bytes((long) (rollupBytes / Math.max(1.0, usage.rollupRows())))
                + " per row; "
                + kib((long) (rollupBytesDay / Math.max(1, seriesPerSample)))
                + " per series)"));
    rows.add(
        List.of(
            "**rollups for 30 days** (extrapolated: 30 × a day's rollups)",
            "**" + mib((long) (30 * rollupBytesDay)) + "**"));
    rows.add(
        List.of(
            "steady state with the defaults (24 h raw + 30 d rollups, extrapolated)",
            mib((long) (rawBytesDay + 30 * rollupBytesDay + empty))));
    rows.add(
        List.of(
            "database file after "
                + historyHours
                + " h: live (what the disk holds while Kubeward runs) / compacted (`SHUTDOWN"
                + " COMPACT`)",
            mib(liveBytes) + " / " + mib(all)));
    rows.add(
        List.of(
            "one sample pass (`BuiltInSampler.sample`: pods placed on nodes and workloads as"
                + " `SnapshotUsage` does, top-N selection, one batch insert): p50 / p99",
            millis(percentile(samplePass, 50)) + " / " + millis(percentile(samplePass, 99))));
    rows.add(
        List.of(
            "one compaction pass (every minute): p50 / p99",
            millis(percentile(compactions, 50)) + " / " + millis(percentile(compactions, 99))));
    rows.add(
        List.of(
            "wall time to write " + historyHours + " h (simulated clock)",
            seconds(writeWall)
                + " (of which "
                + seconds(Duration.ofNanos(emulation))
                + " emulating the metrics API)"));
    report.table(
        new Report.Table(
            "2. Built-in history: storage per day at 30 s sampling",
            "The server's `JdbcHistoryStore` over an H2 file database with production's URL"
                + " (PostgreSQL mode, Flyway's migrations), fed by the real `BuiltInSampler`:"
                + " `sample` every 30 s and `compact` every minute of a simulated clock (defaults:"
                + " 200 top workloads and 200 top pods by CPU and by memory, 24 h raw, 5-minute"
                + " rollups kept 30 d), "
                + samples
                + " samples ("
                + historyHours
                + " h) of the emulated metrics API. Bytes on disk are the compacted database file"
                + " (`SHUTDOWN COMPACT`) with everything, then with the raw table truncated, then"
                + " with the rollups truncated too: the differences are the raw and the rollup"
                + " rows with their indexes. PostgreSQL takes about twice H2's bytes per row (ADR"
                + " 0021)."
                + (historyHours == 24
                    ? ""
                    : " **Only "
                        + historyHours
                        + " h were simulated: per-day figures are scaled by "
                        + perDay
                        + ".**"),
            List.of("what", "value"),
            rows));
    Arrays.sort(chartNanos);
    chart.add(
        List.of(
            "built-in history (H2), in-process `BuiltInHistory.history`",
            String.valueOf(CHART_RUNS),
            millis(percentile(chartNanos, 50)),
            millis(percentile(chartNanos, 99)),
            millis(chartNanos[chartNanos.length - 1]),
            "cpu, memory, pods; " + pointsPerSeries + " points per series, step " + step));
    raw.put(
        "chartBuiltIn",
        Map.of(
            "p50Nanos", percentile(chartNanos, 50),
            "p99Nanos", percentile(chartNanos, 99),
            "points", pointsPerSeries));
    return cpuByNode;
  }

  private final List<List<String>> chart = new ArrayList<>();

  /** Shuts the database down compacted (after truncating {@code table}); its file's size. */
  private static long compact(String url, Path dir, String table) throws SQLException, IOException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      if (table != null) {
        s.execute("TRUNCATE TABLE " + table);
      }
      s.execute("SHUTDOWN COMPACT");
    }
    return Files.size(dir.resolve("kubeward.mv.db"));
  }

  private static HistoryWindow window(Instant end, Duration minStep) {
    return HistoryWindow.of("24h", null, end, end, minStep, Duration.ofDays(32));
  }

  private static List<Point> seriesOf(History history, HistoryMetric metric) {
    for (Series s : history.series()) {
      if (s.metric() == metric) {
        return s.points();
      }
    }
    return List.of();
  }

  private List<String> chartNodes() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < promNodes && i < nodeCount; i++) {
      names.add(UsageFixture.nodeName(i * (nodeCount / Math.min(promNodes, nodeCount))));
    }
    return names;
  }

  // ---------------------------------------------------------------- 3b. Prometheus

  private void prometheus(
      UsageFixture fixture,
      Path dir,
      Instant end,
      List<String> chartNodes,
      Map<String, List<Point>> builtInCpu)
      throws Exception {
    Path prometheus = Path.of("/usr/bin/prometheus");
    Path promtool = Path.of("/usr/bin/promtool");
    if (!Files.isExecutable(prometheus) || !Files.isExecutable(promtool)) {
      log.warn("No /usr/bin/prometheus: the Prometheus comparison is left out");
      chart.add(
          List.of(
              "Prometheus", "-", "-", "-", "-", "left out: /usr/bin/prometheus is not installed"));
      writeChartTable();
      return;
    }
    Files.createDirectories(dir);
    Path input = dir.resolve("backfill.om");
    Path data = dir.resolve("data");
    long series = writeOpenMetrics(fixture, input, end, chartNodes);
    long inputBytes = Files.size(input);
    log.info(
        "Prometheus: backfilling {} series ({} MiB of OpenMetrics) with promtool ...",
        series,
        inputBytes >> 20);
    long b0 = System.nanoTime();
    run(
        dir,
        Duration.ofMinutes(15),
        promtool.toString(),
        "tsdb",
        "create-blocks-from",
        "openmetrics",
        input.toString(),
        data.toString());
    Duration backfill = Duration.ofNanos(System.nanoTime() - b0);
    Files.delete(input);
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, "global:\n  scrape_interval: 30s\nscrape_configs: []\n");
    int port = freePort();
    Process process =
        new ProcessBuilder(
                prometheus.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + data,
                "--storage.tsdb.retention.time=30d",
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();
    URI base = URI.create("http://127.0.0.1:" + port);
    try (JdkPrometheusClient client =
        new JdkPrometheusClient(
            PromLimits.defaults(), new OutboundGuard(OutboundGuard.HostResolver.SYSTEM))) {
      awaitReady(http, base, process, dir);
      PrometheusSettings settings =
          new PrometheusSettings(
              base,
              PrometheusSettings.Auth.NONE,
              null,
              null,
              null,
              false,
              null,
              true,
              Duration.ofSeconds(30));
      PrometheusHistory source =
          new PrometheusHistory(new NoPrometheus(settings), client, Clock.systemUTC());
      HistoryWindow window = window(end, source.minStep());
      // (a) raw: the three queries Kubeward sends, one after the other, body read whole
      long[] rawNanos = new long[CHART_RUNS];
      long[] sourceNanos = new long[CHART_RUNS];
      long rawBytes = 0;
      for (int i = 0; i < CHART_WARMUP + CHART_RUNS; i++) {
        rawBytes = 0;
        String node = chartNodes.get(i % chartNodes.size());
        long n0 = System.nanoTime();
        for (HistoryMetric metric :
            List.of(HistoryMetric.CPU, HistoryMetric.MEMORY, HistoryMetric.PODS)) {
          String promql =
              PromQueries.of(HistoryTarget.node(node), metric, window.step())
                  .orElseThrow()
                  .promql();
          String query =
              "query="
                  + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                  + "&start="
                  + window.start().getEpochSecond()
                  + "&end="
                  + window.end().getEpochSecond()
                  + "&step="
                  + window.step().toSeconds();
          HttpResponse<byte[]> response =
              http.send(
                  HttpRequest.newBuilder(base.resolve("/api/v1/query_range?" + query))
                      .timeout(Duration.ofSeconds(30))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
          if (response.statusCode() != 200) {
            throw new IllegalStateException(
                "Prometheus answered "
                    + response.statusCode()
                    + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
          }
          rawBytes += response.body().length;
        }
        long took = System.nanoTime() - n0;
        if (i >= CHART_WARMUP) {
          rawNanos[i - CHART_WARMUP] = took;
        }
      }
      // (b) Kubeward's Prometheus history source
      int points = 0;
      String missing = "";
      Map<String, Double> difference = new LinkedHashMap<>();
      Map<String, Double> shifted = new LinkedHashMap<>();
      Map<String, Double> adjusted = new LinkedHashMap<>();
      for (int i = 0; i < CHART_WARMUP + CHART_RUNS; i++) {
        String node = chartNodes.get(i % chartNodes.size());
        long n0 = System.nanoTime();
        History h = source.history(CLUSTER, HistoryTarget.node(node), window);
        long took = System.nanoTime() - n0;
        if (i >= CHART_WARMUP) {
          sourceNanos[i - CHART_WARMUP] = took;
        }
        points = h.series().isEmpty() ? 0 : h.series().getFirst().points().size();
        missing =
            String.join(
                ", ", h.missing().stream().map(m -> m.metric().wireName() + "").sorted().toList());
        if (i < chartNodes.size()) {
          List<Point> cpu = seriesOf(h, HistoryMetric.CPU);
          double system = UsageFixture.NODE_CPU_NANOS / 1e6;
          difference.put(node, medianRelativeDifference(builtInCpu.get(node), cpu, 0, 0));
          adjusted.put(node, medianRelativeDifference(builtInCpu.get(node), cpu, 0, system));
          shifted.put(
              node,
              medianRelativeDifference(
                  builtInCpu.get(node), cpu, window.step().toMillis(), system));
        }
      }
      Arrays.sort(rawNanos);
      Arrays.sort(sourceNanos);
      chart.add(
          List.of(
              "Prometheus " + version(http, base) + " raw: `/api/v1/query_range` ×3",
              String.valueOf(CHART_RUNS),
              millis(percentile(rawNanos, 50)),
              millis(percentile(rawNanos, 99)),
              millis(rawNanos[rawNanos.length - 1]),
              "Kubeward's three PromQL queries (cpu, memory, pods), one after the other, step "
                  + window.step().toSeconds()
                  + " s; "
                  + kib(rawBytes)
                  + " of JSON for the three"));
      chart.add(
          List.of(
              "Prometheus through Kubeward's source (`PrometheusHistory` + `JdkPrometheusClient`)",
              String.valueOf(CHART_RUNS),
              millis(percentile(sourceNanos, 50)),
              millis(percentile(sourceNanos, 99)),
              millis(sourceNanos[sourceNanos.length - 1]),
              points
                  + " points per series; "
                  + (missing.isEmpty()
                      ? "nothing missing"
                      : "missing (no such family): " + missing)));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("nodes", chartNodes);
      out.put("seriesBackfilled", series);
      out.put("openMetricsBytes", inputBytes);
      out.put("backfillNanos", backfill.toNanos());
      out.put("rawP50Nanos", percentile(rawNanos, 50));
      out.put("rawP99Nanos", percentile(rawNanos, 99));
      out.put("sourceP50Nanos", percentile(sourceNanos, 50));
      out.put("sourceP99Nanos", percentile(sourceNanos, 99));
      out.put("cpuMedianRelativeDifferenceBuiltInVsPrometheus", difference);
      out.put("cpuMedianRelativeDifferenceWithoutSystemShare", adjusted);
      out.put("cpuMedianRelativeDifferenceWithoutSystemShareNextStep", shifted);
      raw.put("chartPrometheus", out);
      promNote =
          String.format(
              Locale.ROOT,
              " Prometheus (Debian's package, 127.0.0.1, no scrape jobs) holds 24 h at 30 s of"
                  + " the emulated cAdvisor and kube-state-metrics series (`container_cpu_usage_"
                  + "seconds_total`, `container_memory_working_set_bytes` with a `node` label,"
                  + " `kube_pod_info`, `kube_pod_status_phase`) of the pods on %d node(s) (%s): %,d"
                  + " series, %s of OpenMetrics backfilled by `promtool tsdb create-blocks-from"
                  + " openmetrics` in %s; the other nodes are not in it (a node chart selects by"
                  + " the `node` label, so the query reads that node's ~30 pods either way, but a"
                  + " real cluster's index is larger). The charts rotate over these nodes. Same"
                  + " emulated numbers: CPU from Prometheus (rate over 2 min) vs the built-in"
                  + " history (average of the samples in each 2-minute step), median relative"
                  + " difference per node at the same timestamp: %s. The built-in node series is"
                  + " the metrics API's node usage, which includes what runs outside pods (the"
                  + " emulation: 300m), Prometheus' node chart sums the node's containers; without"
                  + " that share: %s at the same timestamp, %s against Prometheus' next step (the"
                  + " built-in history labels a step by its start, Prometheus' rate by its end).",
              chartNodes.size(),
              String.join(", ", chartNodes),
              series,
              mib(inputBytes),
              seconds(backfill),
              percentages(difference),
              percentages(adjusted),
              percentages(shifted));
    } finally {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    writeChartTable();
  }

  private String promNote = "";

  private static String percentages(Map<String, Double> byNode) {
    return String.join(
        ", ",
        byNode.entrySet().stream()
            .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.1f%%", 100 * e.getValue()))
            .toList());
  }

  private void writeChartTable() {
    report.table(
        new Report.Table(
            "3. A 24-hour node chart: built-in history vs Prometheus",
            "One chart request = the node's CPU, memory and pods series over the last 24 h (the"
                + " node page's `GET /history?target=node&name=…&range=24h`); both sources get the"
                + " same window and step (`HistoryWindow`, ≤ 720 points). Measured in-process"
                + " (no HTTP hop to Kubeward, no authorization, no JSON: the use case's own work);"
                + " the built-in rows rotate over the nodes (H2 through a 4-connection Hikari pool)"
                + ", "
                + CHART_WARMUP
                + " warm-up requests then "
                + CHART_RUNS
                + " timed, one at a time."
                + promNote,
            List.of("source", "requests", "p50", "p99", "max", "answer"),
            chart));
  }

  /**
   * The median relative difference of two CPU series, comparing the built-in point at {@code t}
   * with Prometheus' at {@code t + shift} (the built-in history labels a step by its start, {@code
   * [t, t + step)}; Prometheus' rate by its end, {@code (t - window, t]}).
   */
  private static double medianRelativeDifference(
      List<Point> builtIn, List<Point> prometheus, long shift, double offset) {
    if (builtIn == null || builtIn.isEmpty() || prometheus.isEmpty()) {
      return Double.NaN;
    }
    Map<Long, Double> byTime = new LinkedHashMap<>();
    for (Point p : prometheus) {
      byTime.put(p.t(), p.v());
    }
    List<Double> diffs = new ArrayList<>();
    for (Point p : builtIn) {
      Double other = byTime.get(p.t() + shift);
      double v = p.v() - offset;
      if (other != null && v > 0) {
        diffs.add(Math.abs(other - v) / v);
      }
    }
    if (diffs.isEmpty()) {
      return Double.NaN;
    }
    diffs.sort(Comparator.naturalOrder());
    return diffs.get(diffs.size() / 2);
  }

  /**
   * Writes 24 h at 30 s of the chart nodes' pods as a kube-prometheus installation would have them,
   * one series after the other (OpenMetrics wants a family's samples together).
   *
   * @return the number of series
   */
  private static long writeOpenMetrics(
      UsageFixture fixture, Path file, Instant end, List<String> chartNodes) throws IOException {
    int samples = 24 * 3600 / (int) SAMPLE.toSeconds();
    long first = end.minus(SAMPLE.multipliedBy(samples - 1L)).toEpochMilli();
    long series = 0;
    List<UsageFixture.PodInfo> pods = new ArrayList<>();
    for (String node : chartNodes) {
      for (UsageFixture.PodInfo pod : fixture.podsByNode.getOrDefault(node, List.of())) {
        if (pod.running()) {
          pods.add(pod);
        }
      }
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("# TYPE container_cpu_usage_seconds counter\n");
      for (UsageFixture.PodInfo pod : pods) {
        for (var c : pod.containers()) {
          String labels = containerLabels(pod, c.name());
          double total = 1000;
          for (int i = 0; i < samples; i++) {
            long t = first + i * SAMPLE.toMillis();
            total += UsageFixture.cpuNanos(pod, c, t) / 1e9 * SAMPLE.toSeconds();
            out.write(
                "container_cpu_usage_seconds_total" + labels + " " + total + " " + t / 1000 + "\n");
          }
          series++;
        }
      }
      out.write("# TYPE container_memory_working_set_bytes gauge\n");
      for (UsageFixture.PodInfo pod : pods) {
        for (var c : pod.containers()) {
          String labels = containerLabels(pod, c.name());
          for (int i = 0; i < samples; i++) {
            long t = first + i * SAMPLE.toMillis();
            out.write(
                "container_memory_working_set_bytes"
                    + labels
                    + " "
                    + UsageFixture.memoryBytes(pod, c, t)
                    + " "
                    + t / 1000
                    + "\n");
          }
          series++;
        }
      }
      out.write("# TYPE kube_pod_info gauge\n");
      for (UsageFixture.PodInfo pod : pods) {
        constant(
            out,
            "kube_pod_info{namespace=\""
                + pod.namespace()
                + "\",pod=\""
                + pod.name()
                + "\",node=\""
                + pod.node()
                + "\",created_by_kind=\""
                + pod.workloadKind()
                + "\"}",
            first,
            samples);
        series++;
      }
      out.write("# TYPE kube_pod_status_phase gauge\n");
      for (UsageFixture.PodInfo pod : pods) {
        constant(
            out,
            "kube_pod_status_phase{namespace=\""
                + pod.namespace()
                + "\",pod=\""
                + pod.name()
                + "\",phase=\"Running\"}",
            first,
            samples);
        series++;
      }
      out.write("# EOF\n");
    }
    return series;
  }

  private static String containerLabels(UsageFixture.PodInfo pod, String container) {
    return "{namespace=\""
        + pod.namespace()
        + "\",pod=\""
        + pod.name()
        + "\",container=\""
        + container
        + "\",node=\""
        + pod.node()
        + "\",job=\"kubelet\",metrics_path=\"/metrics/cadvisor\"}";
  }

  private static void constant(BufferedWriter out, String series, long first, int samples)
      throws IOException {
    for (int i = 0; i < samples; i++) {
      out.write(series + " 1 " + (first + i * SAMPLE.toMillis()) / 1000 + "\n");
    }
  }

  private static void awaitReady(HttpClient http, URI base, Process process, Path dir)
      throws Exception {
    Instant until = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(until)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Prometheus exited: " + Files.readString(dir.resolve("prometheus.log")));
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(base.resolve("/-/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      process.waitFor(200, TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException("Prometheus not ready within 2 minutes");
  }

  private static String version(HttpClient http, URI base) {
    try {
      String body =
          http.send(
                  HttpRequest.newBuilder(base.resolve("/api/v1/status/buildinfo"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      int i = body.indexOf("\"version\":\"");
      return i < 0 ? "" : body.substring(i + 11, body.indexOf('"', i + 11));
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }

  private static void run(Path dir, Duration timeout, String... command) throws Exception {
    Path output = dir.resolve("command.log");
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " took longer than " + timeout);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " failed: " + Files.readString(output));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  // ---------------------------------------------------------------- helpers

  /** The cluster's Prometheus settings: none (the built-in history samples) or the local one. */
  private record NoPrometheus(PrometheusSettings settings) implements PrometheusConfigStore {
    @Override
    public Optional<Stored> find(String cluster) {
      return settings == null
          ? Optional.empty()
          : Optional.of(new Stored(cluster, settings, "bench", Instant.EPOCH));
    }

    @Override
    public void save(Stored stored) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean delete(String cluster) {
      throw new UnsupportedOperationException();
    }
  }

  /** The simulated clock the sampler, the compaction and the built-in history read. */
  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private void checkDeadline() {
    if (Instant.now().isAfter(deadline)) {
      throw new IllegalStateException("the usage benchmark ran longer than " + DEADLINE);
    }
  }

  private static long heapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }

  private static String kib(long bytes) {
    return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
  }

  private static String bytes(long bytes) {
    return bytes + " B";
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.warn("Could not delete {}: {}", root, e.toString());
    }
  }
}
