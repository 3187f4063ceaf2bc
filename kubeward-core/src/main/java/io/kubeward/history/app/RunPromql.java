package io.kubeward.history.app;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.history.domain.PrometheusSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Use case: the PromQL explorer. PromQL reads every namespace's data, so it is for Kubeward's
 * administrators and for users whom the cluster lets list pods in all namespaces (an access review
 * as the user, ADR 0013/0021); an API token narrowed to some namespaces or another cluster may not.
 * Every query is bounded ({@link PromLimits}). Queries are reads: they are not audited one by one.
 */
public final class RunPromql {

  private static final ResourceAction LIST_PODS_EVERYWHERE =
      ResourceAction.of("list", "", "pods", null);

  private final ClusterReads reads;
  private final Authorizer authorizer;
  private final PrometheusConfigStore configs;
  private final PrometheusApi api;
  private final PromLimits limits;
  private final Clock clock;

  public RunPromql(
      ClusterReads reads,
      Authorizer authorizer,
      PrometheusConfigStore configs,
      PrometheusApi api,
      PromLimits limits,
      Clock clock) {
    this.reads = reads;
    this.authorizer = authorizer;
    this.configs = configs;
    this.api = api;
    this.limits = limits;
    this.clock = clock;
  }

  /** Whether the caller may use the PromQL explorer in {@code cluster} (for the console). */
  public boolean allowed(Caller caller, String cluster) {
    if (!caller.tokenScope().permits(Verb.READ, cluster, null)) {
      return false;
    }
    return Authorizer.isAdmin(caller) || authorizer.mayList(caller, cluster, LIST_PODS_EVERYWHERE);
  }

  public PromResult query(Caller caller, String cluster, String promql, Instant time) {
    PrometheusSettings settings = prepare(caller, cluster, promql);
    Instant at = time == null ? clock.instant() : time;
    return api.query(cluster, settings, promql, at);
  }

  public PromResult range(
      Caller caller, String cluster, String promql, Instant start, Instant end, Duration step) {
    checkRange(start, end, step);
    PrometheusSettings settings = prepare(caller, cluster, promql);
    return api.range(cluster, settings, promql, start, end, step);
  }

  private PrometheusSettings prepare(Caller caller, String cluster, String promql) {
    reads.known(cluster);
    if (!allowed(caller, cluster)) {
      throw new AccessDeniedException(caller.username(), Verb.READ, cluster, null);
    }
    if (promql == null || promql.isBlank()) {
      throw HistoryRequestException.invalid("query", "is required");
    }
    if (promql.length() > limits.maxQueryLength()) {
      throw HistoryRequestException.invalid(
          "query", "must be at most " + limits.maxQueryLength() + " characters");
    }
    return configs
        .find(cluster)
        .orElseThrow(() -> PrometheusException.notConfigured(cluster))
        .settings();
  }

  void checkRange(Instant start, Instant end, Duration step) {
    if (start == null || end == null || step == null) {
      throw HistoryRequestException.invalid("range", "start, end and step are required");
    }
    if (!end.isAfter(start)) {
      throw HistoryRequestException.invalid("end", "must be after start");
    }
    if (step.compareTo(Duration.ofSeconds(1)) < 0) {
      throw HistoryRequestException.invalid("step", "must be at least 1s");
    }
    Duration length = Duration.between(start, end);
    if (length.compareTo(limits.maxRange()) > 0) {
      throw HistoryRequestException.invalid(
          "range", "must not be longer than " + limits.maxRange().toDays() + " days");
    }
    long points = length.toMillis() / step.toMillis() + 1;
    if (points > limits.maxPointsPerSeries()) {
      throw HistoryRequestException.invalid(
          "step",
          "gives "
              + points
              + " points per series; at most "
              + limits.maxPointsPerSeries()
              + " are allowed (choose a larger step)");
    }
  }
}
