package io.kubeward.logarchive.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.history.app.OutboundGuard;
import io.kubeward.logarchive.domain.LogPage;
import io.kubeward.logarchive.domain.LogQuery;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Use case: search a namespace's past logs in the cluster's log archive (ADR 0028). The caller may
 * only if the cluster lets them {@code get pods/log} in that namespace (an impersonated access
 * review, ADR 0013; Kubeward's grants where it may not impersonate): the archive's own rights are
 * Kubeward's, so Kubeward asks the cluster first and never lends them.
 */
public final class SearchPastLogs {

  /** A search request as the API receives it (every part optional but the namespace). */
  public record Request(
      String namespace,
      @Nullable String pod,
      @Nullable String workloadKind,
      @Nullable String workloadName,
      @Nullable String container,
      @Nullable String text,
      @Nullable Instant from,
      @Nullable Instant to,
      @Nullable Integer limit) {}

  private final ClusterReads reads;
  private final Authorizer authorizer;
  private final LogArchiveConfigStore store;
  private final LogArchive archive;
  private final OutboundGuard guard;
  private final LogQuery.Bounds bounds;
  private final Clock clock;

  public SearchPastLogs(
      ClusterReads reads,
      Authorizer authorizer,
      LogArchiveConfigStore store,
      LogArchive archive,
      OutboundGuard guard,
      LogQuery.Bounds bounds,
      Clock clock) {
    this.reads = reads;
    this.authorizer = authorizer;
    this.store = store;
    this.archive = archive;
    this.guard = guard;
    this.bounds = bounds;
    this.clock = clock;
  }

  /** Whether the cluster has a log archive (for showing the console's panel); no secret. */
  public boolean configured(Caller caller, String cluster) {
    reads.known(cluster);
    return reads.sees(caller, cluster) && store.find(cluster).isPresent();
  }

  public LogPage search(Caller caller, String cluster, Request request) {
    reads.known(cluster);
    LogQuery query;
    try {
      query =
          LogQuery.of(
              request.namespace(),
              request.pod(),
              request.workloadKind(),
              request.workloadName(),
              request.container(),
              request.text(),
              request.from(),
              request.to(),
              request.limit(),
              clock.instant(),
              bounds);
    } catch (IllegalArgumentException e) {
      throw LogArchiveException.invalid(cluster, e.getMessage());
    }
    authorizer.require(caller, Verb.READ, cluster, query.namespace());
    authorizer.requireAllowed(
        caller,
        cluster,
        new ResourceAction("get", "", "pods", "log", query.namespace(), null),
        "past logs");
    LogArchiveConfigStore.Stored stored =
        store.find(cluster).orElseThrow(() -> LogArchiveException.notConfigured(cluster));
    guard
        .judge(stored.settings().url(), stored.settings().allowPrivateAddresses())
        .ifPresent(
            refusal -> {
              throw refusal.unresolved()
                  ? LogArchiveException.unavailable(cluster, refusal.reason())
                  : LogArchiveException.addressRefused(cluster, refusal.host(), refusal.reason());
            });
    return archive.search(cluster, stored.settings(), query);
  }
}
