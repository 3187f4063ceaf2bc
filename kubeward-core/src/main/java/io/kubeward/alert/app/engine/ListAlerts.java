package io.kubeward.alert.app.engine;

import io.kubeward.access.app.Caller;
import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.domain.AlertSeverity;
import io.kubeward.alert.domain.AlertState;
import io.kubeward.alert.domain.HistoryEntry;
import io.kubeward.alert.domain.HistoryKind;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Use case: alerts and the alerting history for one caller (ADR 0031), from the store (any replica
 * answers), each alert shown only where {@link AlertVisibility} lets the caller see it. History of
 * one alert follows the alert's visibility; other history follows cluster-level visibility (the
 * caller may list the cluster's nodes), site history is for administrators.
 */
public final class ListAlerts {

  /** Alerts one list request considers at most (before visibility and matchers). */
  public static final int MAX_SCAN = 10_000;

  /** History entries shown with one alert. */
  public static final int ALERT_HISTORY = 200;

  private final AlertStates store;
  private final AlertHistoryLog history;
  private final ClusterRegistry clusters;
  private final ClusterReads reads;

  public ListAlerts(
      AlertStates store, AlertHistoryLog history, ClusterRegistry clusters, ClusterReads reads) {
    this.store = store;
    this.history = history;
    this.clusters = clusters;
    this.reads = reads;
  }

  /** What the list selects besides the store's criteria. */
  public record Filter(AlertQuery query, List<LabelMatcher> matchers) {
    public Filter {
      matchers = List.copyOf(matchers);
    }
  }

  /** One page; {@code next} is the offset of the next page, {@code null} at the end. */
  public record Page(List<Alert> items, int total, @Nullable Integer next) {}

  public Page list(Caller caller, Filter filter, int limit, int offset) {
    if (filter.query().cluster() != null) {
      reads.known(filter.query().cluster());
    }
    AlertVisibility visibility = new AlertVisibility(caller, clusters, reads);
    List<Alert> all = new ArrayList<>();
    for (Alert alert : store.query(filter.query(), MAX_SCAN)) {
      if (filter.matchers().stream().allMatch(m -> m.matches(alert.labels()))
          && visibility.sees(alert)) {
        all.add(alert);
      }
    }
    int from = Math.min(offset, all.size());
    int to = Math.min(all.size(), from + limit);
    return new Page(List.copyOf(all.subList(from, to)), all.size(), to < all.size() ? to : null);
  }

  /** An alert and its history. */
  public record Detail(Alert alert, List<HistoryEntry> history) {}

  /**
   * The alert with {@code fingerprint}: of {@code cluster}'s scope, else a site alert.
   *
   * @throws AlertNotFoundException if there is none the caller may see
   */
  public Detail get(Caller caller, String fingerprint, @Nullable String cluster) {
    Alert alert =
        find(fingerprint, cluster).orElseThrow(() -> new AlertNotFoundException(fingerprint));
    if (!new AlertVisibility(caller, clusters, reads).sees(alert)) {
      throw new AlertNotFoundException(fingerprint);
    }
    List<HistoryEntry> entries =
        history.query(
            new HistoryQuery(
                Set.of(alert.scope().key()),
                fingerprint,
                null,
                null,
                Set.of(),
                null,
                null,
                null,
                ALERT_HISTORY));
    return new Detail(alert, entries);
  }

  private Optional<Alert> find(String fingerprint, @Nullable String cluster) {
    if (cluster != null) {
      Optional<Alert> found = store.find(AlertScope.ofCluster(cluster), fingerprint);
      if (found.isPresent()) {
        return found;
      }
    }
    return store.find(AlertScope.site(), fingerprint);
  }

  /** What a history request asks for. */
  public record HistoryFilter(
      @Nullable String cluster,
      @Nullable String fingerprint,
      @Nullable String rule,
      @Nullable String channel,
      Set<HistoryKind> kinds,
      @Nullable Instant from,
      @Nullable Instant to,
      @Nullable Long beforeId) {}

  /** History entries the caller may see, newest first, at most {@code limit}. */
  public List<HistoryEntry> history(Caller caller, HistoryFilter f, int limit) {
    AlertVisibility visibility = new AlertVisibility(caller, clusters, reads);
    Set<String> scopes = new LinkedHashSet<>();
    if (f.fingerprint() != null) {
      Optional<Alert> alert = find(f.fingerprint(), f.cluster());
      if (alert.isPresent()) {
        if (!visibility.sees(alert.get())) {
          return List.of();
        }
        scopes.add(alert.get().scope().key());
      }
    }
    if (scopes.isEmpty()) {
      if (f.cluster() != null) {
        reads.known(f.cluster());
        if (!visibility.clusterLevel(f.cluster())) {
          return List.of();
        }
        scopes.add(AlertScope.ofCluster(f.cluster()).key());
      } else if (!visibility.admin()) {
        for (ManagedCluster managed : clusters.all()) {
          if (visibility.clusterLevel(managed.name())) {
            scopes.add(AlertScope.ofCluster(managed.name()).key());
          }
        }
        if (scopes.isEmpty()) {
          return List.of();
        }
      }
    }
    return history.query(
        new HistoryQuery(
            scopes,
            f.fingerprint(),
            f.rule(),
            f.channel(),
            f.kinds(),
            f.from(),
            f.to(),
            f.beforeId(),
            limit));
  }

  /** The states and severities of a list request from their labels. */
  public static AlertQuery query(
      @Nullable String cluster,
      Set<AlertState> states,
      Set<AlertSeverity> severities,
      @Nullable String rule) {
    return new AlertQuery(cluster, states, severities, rule);
  }
}
