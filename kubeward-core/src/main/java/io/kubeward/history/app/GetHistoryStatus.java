package io.kubeward.history.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Use case (administrators): what the built-in history keeps per cluster and how much space it
 * takes. Bytes are estimated from the row counts (a row's columns plus its index entries), which is
 * close on both H2 and PostgreSQL; the database's own file sizes include everything else.
 */
public final class GetHistoryStatus {

  /** Bytes of one raw row with its index entries (PostgreSQL: 120; H2: about 65). */
  public static final int RAW_ROW_BYTES = 120;

  /** Bytes of one rollup row with its index entries (PostgreSQL: 156; H2: about 80). */
  public static final int ROLLUP_ROW_BYTES = 160;

  /** One retention tier. */
  public record Tier(String name, Duration resolution, Duration retention, long rows, long bytes) {}

  /** One cluster. */
  public record ClusterHistory(
      String cluster, String source, long series, long samples, long bytes, List<Tier> tiers) {}

  /** The whole answer. */
  public record Status(
      boolean enabled,
      Duration sampleInterval,
      int maxWorkloads,
      int maxPods,
      List<ClusterHistory> clusters) {}

  private final HistoryStore store;
  private final PrometheusConfigStore prometheus;
  private final HistorySettings settings;
  private final Supplier<List<String>> clusters;

  public GetHistoryStatus(
      HistoryStore store,
      PrometheusConfigStore prometheus,
      HistorySettings settings,
      Supplier<List<String>> clusters) {
    this.store = store;
    this.prometheus = prometheus;
    this.settings = settings;
    this.clusters = clusters;
  }

  public Status status(Caller caller) {
    Authorizer.requireAdmin(caller);
    Set<String> names = new LinkedHashSet<>(clusters.get());
    names.addAll(store.clusters());
    List<ClusterHistory> out = new ArrayList<>();
    for (String cluster : names) {
      HistoryStore.Usage u = store.usage(cluster);
      long rawBytes = u.rawRows() * RAW_ROW_BYTES;
      long rollupBytes = u.rollupRows() * ROLLUP_ROW_BYTES;
      String source =
          prometheus.find(cluster).isPresent()
              ? "prometheus"
              : u.series() > 0 && settings.enabled() ? "built-in" : "none";
      out.add(
          new ClusterHistory(
              cluster,
              source,
              u.series(),
              u.rawRows() + u.rollupRows(),
              rawBytes + rollupBytes,
              List.of(
                  new Tier(
                      "raw",
                      settings.sampleInterval(),
                      settings.rawRetention(),
                      u.rawRows(),
                      rawBytes),
                  new Tier(
                      "rollup",
                      settings.rollupInterval(),
                      settings.rollupRetention(),
                      u.rollupRows(),
                      rollupBytes))));
    }
    return new Status(
        settings.enabled(),
        settings.sampleInterval(),
        settings.maxWorkloads(),
        settings.maxPods(),
        out);
  }
}
