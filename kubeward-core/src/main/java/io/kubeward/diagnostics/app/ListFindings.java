package io.kubeward.diagnostics.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.diagnostics.domain.Finding;
import io.kubeward.diagnostics.domain.FindingFilter;
import io.kubeward.diagnostics.domain.ObjectRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Use case: a cluster's findings for one caller: active ones from the engine (this replica's
 * memory), resolved ones from the history, each shown only if the caller may list its subject's
 * kind in its namespace (the same access reviews as every cache read, {@link ClusterReads}).
 */
public final class ListFindings {

  /** Findings one export holds at most. */
  public static final int MAX_EXPORT = 10_000;

  /** Resolved findings read from the history per request at most. */
  static final int MAX_RESOLVED = 10_000;

  private final ClusterReads reads;
  private final DiagnosticsEngine engine;
  private final FindingHistory history;

  public ListFindings(ClusterReads reads, DiagnosticsEngine engine, FindingHistory history) {
    this.reads = reads;
    this.engine = engine;
    this.history = history;
  }

  /**
   * One page of findings, ordered by {@link FindingFilter#ORDER} (most urgent first).
   *
   * @param evaluated whether the cluster has had its first full pass on this replica (before, the
   *     active list is not complete yet)
   */
  public record Page(List<Finding> items, int total, int offset, boolean evaluated) {}

  public Page list(Caller caller, String cluster, FindingFilter filter, int limit, int offset) {
    if (offset < 0 || offset > MAX_EXPORT) {
      throw DiagnosticsException.invalid("offset", "a number from 0 to " + MAX_EXPORT);
    }
    List<Finding> all = visible(caller, cluster, filter);
    int from = Math.min(offset, all.size());
    int to = Math.min(all.size(), from + limit);
    return new Page(
        List.copyOf(all.subList(from, to)), all.size(), from, engine.evaluated(cluster));
  }

  /** Every matching finding the caller may see, up to {@link #MAX_EXPORT}. */
  public List<Finding> export(Caller caller, String cluster, FindingFilter filter) {
    List<Finding> all = visible(caller, cluster, filter);
    return all.size() > MAX_EXPORT ? List.copyOf(all.subList(0, MAX_EXPORT)) : all;
  }

  /** The active findings about one object (and, if asked, its resolved ones), if visible. */
  public List<Finding> about(
      Caller caller, String cluster, ObjectRef subject, boolean withResolved) {
    FindingFilter filter =
        new FindingFilter(
            java.util.Set.of(),
            null,
            subject.namespace(),
            subject.kind(),
            subject.name(),
            withResolved ? null : Finding.State.ACTIVE,
            null);
    return visible(caller, cluster, filter);
  }

  private List<Finding> visible(Caller caller, String cluster, FindingFilter filter) {
    ManagedCluster managed = reads.known(cluster);
    Visibility visibility = new Visibility(caller, managed);
    List<Finding> out = new ArrayList<>();
    if (filter.includesActive()) {
      for (Finding finding : engine.active(cluster)) {
        if (filter.matches(finding) && visibility.sees(finding.subject())) {
          out.add(finding);
        }
      }
    }
    if (filter.includesResolved()) {
      for (Finding finding : history.resolved(cluster, filter, MAX_RESOLVED)) {
        if (filter.matches(finding) && visibility.sees(finding.subject())) {
          out.add(finding);
        }
      }
    }
    out.sort(FindingFilter.ORDER);
    return out;
  }

  /** Whether the caller may list a subject's kind in its namespace, asked once per kind. */
  private final class Visibility {
    private final Caller caller;
    private final ManagedCluster cluster;
    private final Map<String, NamespaceVisibility> byKind = new HashMap<>();

    Visibility(Caller caller, ManagedCluster cluster) {
      this.caller = caller;
      this.cluster = cluster;
    }

    boolean sees(ObjectRef subject) {
      NamespaceVisibility visible =
          byKind.computeIfAbsent(
              subject.kind(),
              kind -> {
                CachedKind cached = CacheFacts.cachedKind(kind);
                if (cached == null) {
                  return Authorizer.isAdmin(caller)
                      ? NamespaceVisibility.ALL
                      : NamespaceVisibility.NONE;
                }
                return reads.visible(caller, cluster, cached);
              });
      if (subject.namespace() == null) {
        return visible.all();
      }
      return visible.includes(subject.namespace());
    }
  }
}
