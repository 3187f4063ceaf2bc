package io.kubeward.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.events.app.EventCollector;
import io.kubeward.events.app.EventSettings;
import io.kubeward.events.app.EventStore;
import io.kubeward.server.events.BenchEventStores;
import java.io.IOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13's event-store benchmark (not a test; no control plane): the sustained rate at which the
 * leader's {@link EventCollector} writes cache changes of Events into the server's JDBC store on an
 * H2 file database (production's default URL), and the database's growth per day at that rate.
 *
 * <p>The cache's changes are made up like a busy cluster's: a share of them ({@code new-share},
 * default 30 %) are Events with a new key (a new pod's Scheduled/Pulled/Created/Started, a new
 * message), the rest are the same Events again with a grown count (back-offs, probes failing,
 * FailedScheduling), spread over {@code objects} involved objects; messages of 40–200 characters.
 * Changes are observed as the cache listener does and flushed every {@code batch-size} changes
 * (what a 5 s flush interval sees at that rate). Growth per day = new keys per second × 86,400 ×
 * bytes per row (the compacted database file divided by its rows).
 *
 * <p>Arguments: {@code <docs dir> [small|full]}: small writes 100,000 changes, full 2,000,000; the
 * report (a section of docs/BENCHMARKS.md) is printed.
 */
public final class EventIngestBenchmark {

  private static final String CLUSTER = "bench";

  public static void main(String[] args) throws Exception {
    String size = args.length > 1 ? args[1] : "small";
    int changes = "full".equals(size) ? 2_000_000 : 100_000;
    double newShare =
        Double.parseDouble(System.getProperty("kubeward.bench.events.new-share", "0.3"));
    int objects = Integer.getInteger("kubeward.bench.events.objects", 30_000);
    Path dir = Files.createTempDirectory("kubeward-events-bench-");
    try {
      Result r = run(dir, changes, newShare, objects);
      // the section of docs/BENCHMARKS.md, printed: whoever runs it on the reference machine pastes
      // it
      System.out.println(report(r, size, newShare, objects));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  record Result(
      int changes,
      long rows,
      Duration wall,
      double changesPerSecond,
      double p50BatchMillis,
      double p99BatchMillis,
      long bytes,
      int batchSize) {}

  static Result run(Path dir, int changes, double newShare, int objects) throws Exception {
    String url =
        "jdbc:h2:file:"
            + dir.resolve("kubeward")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
    EventSettings settings = EventSettings.defaults();
    MutableClock clock = new MutableClock(Instant.parse("2026-12-03T00:00:00Z"));
    SplittableRandom random = new SplittableRandom(13);
    List<Long> batches = new ArrayList<>();
    long rows;
    long w0;
    long wall;
    try (HikariDataSource dataSource = new HikariDataSource()) {
      dataSource.setJdbcUrl(url);
      dataSource.setDriverClassName("org.h2.Driver");
      dataSource.setMaximumPoolSize(4);
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      EventStore store =
          BenchEventStores.jdbc(
              new JdbcTemplate(dataSource),
              new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
      EventCollector collector = new EventCollector(store, settings, clock);
      collector.flush(CLUSTER, true, List::of); // starts leading: an empty cache
      // live Events (uid → count), those repeating
      List<String> live = new ArrayList<>();
      Map<String, Integer> counts = new LinkedHashMap<>();
      Map<String, ObjectView> views = new LinkedHashMap<>();
      int created = 0;
      w0 = System.nanoTime();
      for (int i = 0; i < changes; i++) {
        clock.now = clock.now.plusMillis(10);
        ObjectView view;
        if (live.isEmpty() || random.nextDouble() < newShare) {
          String uid = "uid-" + created++;
          int object = random.nextInt(objects);
          view = view(uid, object, created, 1, clock.now, random);
          live.add(uid);
          if (live.size() > 20_000) {
            String gone = live.remove(0); // the apiserver's TTL: old Events are no longer updated
            counts.remove(gone);
            views.remove(gone);
          }
        } else {
          String uid = live.get(random.nextInt(live.size()));
          ObjectView before = views.get(uid);
          int count = counts.get(uid) + 1;
          view = again(before, count, clock.now);
        }
        counts.put(view.uid(), ((Number) view.fields().get("count")).intValue());
        views.put(view.uid(), view);
        collector.observe(CLUSTER, view);
        if ((i + 1) % settings.batchSize() == 0) {
          long b0 = System.nanoTime();
          collector.flush(CLUSTER, true, List::of);
          batches.add(System.nanoTime() - b0);
        }
      }
      collector.flush(CLUSTER, true, List::of);
      wall = System.nanoTime() - w0;
      rows = store.count(CLUSTER);
    }
    long bytes;
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN COMPACT");
    }
    bytes = Files.size(dir.resolve("kubeward.mv.db"));
    // an empty database's file for comparison
    long empty = emptyDatabase(dir.resolve("empty"));
    List<Long> sorted = batches.stream().sorted().toList();
    return new Result(
        changes,
        rows,
        Duration.ofNanos(wall),
        changes / (wall / 1e9),
        percentile(sorted, 0.5) / 1e6,
        percentile(sorted, 0.99) / 1e6,
        bytes - empty,
        settings.batchSize());
  }

  private static long emptyDatabase(Path dir) throws SQLException, IOException {
    Files.createDirectories(dir);
    String url =
        "jdbc:h2:file:" + dir.resolve("kubeward") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    try (HikariDataSource dataSource = new HikariDataSource()) {
      dataSource.setJdbcUrl(url);
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    }
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN COMPACT");
    }
    return Files.size(dir.resolve("kubeward.mv.db"));
  }

  private static final String[] REASONS = {
    "Scheduled",
    "Pulled",
    "Created",
    "Started",
    "BackOff",
    "Unhealthy",
    "FailedScheduling",
    "Killing"
  };

  static ObjectView view(
      String uid, int object, int serial, int count, Instant now, SplittableRandom random) {
    String reason = REASONS[random.nextInt(REASONS.length)];
    String pod = "app-" + (object / 30) + "-7d9f8c6b5-" + Integer.toString(object, 36);
    String message =
        switch (reason) {
          case "Scheduled" ->
              "Successfully assigned ns-" + object % 50 + "/" + pod + " to node-" + object % 1000;
          case "Pulled" ->
              "Container image \"registry.example.com/team/app:1."
                  + serial % 97
                  + "\" already present on machine";
          case "BackOff" -> "Back-off restarting failed container app in pod " + pod;
          case "Unhealthy" ->
              "Readiness probe failed: Get \"http://10.0."
                  + object % 250
                  + ".7:8080/ready\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)";
          case "FailedScheduling" ->
              "0/1000 nodes are available: "
                  + (serial % 900)
                  + " Insufficient cpu, 100 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/1000 nodes are available.";
          default -> reason + " container app";
        };
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("reason", reason);
    fields.put("message", message);
    fields.put("objectKind", "Pod");
    fields.put("objectName", pod);
    fields.put("objectNamespace", "ns-" + object % 50);
    fields.put("objectUid", "pod-uid-" + object);
    fields.put("count", count);
    fields.put("firstSeen", now.toString());
    fields.put("lastSeen", now.toString());
    fields.put(
        "source",
        reason.equals("Scheduled") || reason.equals("FailedScheduling")
            ? "default-scheduler"
            : "kubelet");
    return new ObjectView(
        "ns-" + object % 50,
        pod + "." + Long.toHexString(uid.hashCode()),
        uid,
        "1",
        now,
        Map.of(),
        null,
        reason.equals("BackOff") || reason.startsWith("Failed") || reason.equals("Unhealthy")
            ? "Warning"
            : "Normal",
        fields);
  }

  static ObjectView again(ObjectView before, int count, Instant now) {
    Map<String, Object> fields = new LinkedHashMap<>(before.fields());
    fields.put("count", count);
    fields.put("lastSeen", now.toString());
    return new ObjectView(
        before.namespace(),
        before.name(),
        before.uid(),
        "1",
        before.createdAt(),
        Map.of(),
        null,
        before.status(),
        fields);
  }

  private static double percentile(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
  }

  static String report(Result r, String size, double newShare, int objects) {
    double bytesPerRow = r.bytes() / (double) Math.max(1, r.rows());
    double newPerSecond = r.changesPerSecond() * newShare;
    double rowsPerDay = newPerSecond * 86_400;
    return String.format(
        Locale.ROOT,
        """
        ### Event store: ingestion and growth (`bin/benchmark events %s`)

        | measure | value |
        |---|---|
        | changes of cached Events written | %,d (%.0f %% new keys, %,d involved objects) |
        | rows after dedup | %,d |
        | wall time | %.1f s |
        | **sustained ingestion** | **%,.0f events/s** (batches of %d: p50 %.1f ms, p99 %.1f ms) |
        | bytes per row on disk (H2, compacted, indexes included) | %,.0f |
        | **growth per day at that rate** | %,.0f rows, %,.1f GiB (before the 7-day retention and the 1M-row bound cut it) |
        | growth per day at 10 events/s (a busy cluster) | %,.0f rows, %,.1f MiB |

        H2 file database (production's default), one thread, 2 shared cores. The row bound
        (`kubeward.events.max-rows-per-cluster`, 1,000,000) caps a cluster at about %,.0f MiB.
        """,
        size,
        r.changes(),
        newShare * 100,
        objects,
        r.rows(),
        r.wall().toMillis() / 1000.0,
        r.changesPerSecond(),
        r.batchSize(),
        r.p50BatchMillis(),
        r.p99BatchMillis(),
        bytesPerRow,
        rowsPerDay,
        rowsPerDay * bytesPerRow / (1024.0 * 1024 * 1024),
        10 * newShare * 86_400,
        10 * newShare * 86_400 * bytesPerRow / (1024.0 * 1024),
        1_000_000 * bytesPerRow / (1024.0 * 1024));
  }

  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
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
}
