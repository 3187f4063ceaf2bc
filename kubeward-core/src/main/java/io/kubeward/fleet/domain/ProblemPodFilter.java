package io.kubeward.fleet.domain;

import io.kubeward.cluster.domain.Indexes;
import io.kubeward.cluster.domain.ListQuery;
import io.kubeward.cluster.domain.PodProblem;
import io.kubeward.cluster.domain.SortOrder;
import io.kubeward.common.Names;
import io.kubeward.common.Paging;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The filters of a fleet-wide problem-pod query, validated: at most one cluster and one namespace,
 * a problem reason as Kubernetes writes it ({@code CrashLoopBackOff}) or {@code any}, and a limit
 * from 1 to {@value Paging#MAX_LIMIT}.
 */
public record ProblemPodFilter(
    @Nullable String cluster, @Nullable String namespace, String reason, int limit) {

  public static final String ANY = Indexes.ANY_PROBLEM;

  /**
   * The filter from query parameters as sent ({@code null} or blank when absent).
   *
   * @throws io.kubeward.common.KubewardException {@value Paging#INVALID_PARAMETER} (400) naming the
   *     parameter, the value and what it must be
   */
  public static ProblemPodFilter parse(
      @Nullable String cluster,
      @Nullable String namespace,
      @Nullable String reason,
      @Nullable String limit) {
    String clusterName = blankToNull(cluster);
    if (clusterName != null && !Names.isClusterName(clusterName)) {
      throw Paging.invalid("cluster", cluster, "a cluster name as the cluster list shows it");
    }
    String namespaceName = blankToNull(namespace);
    if (namespaceName != null && !Names.isNamespace(namespaceName)) {
      throw Paging.invalid("namespace", namespace, "a namespace name (a DNS label)");
    }
    String problem = blankToNull(reason);
    if (problem == null) {
      problem = ANY;
    } else if (!problem.equals(ANY)
        && Arrays.stream(PodProblem.values()).noneMatch(p -> p.reason().equals(reason.strip()))) {
      throw Paging.invalid("reason", reason, "one of " + reasons());
    }
    return new ProblemPodFilter(clusterName, namespaceName, problem, Paging.limit(limit));
  }

  /** The per-cluster list query: pods with this problem, by namespace and name. */
  public ListQuery query(int pageSize) {
    return new ListQuery(
        namespace, null, null, null, null, reason, null, SortOrder.NAMESPACE, pageSize, null);
  }

  /** {@code any} and every problem reason, as the parameter accepts them. */
  public static String reasons() {
    return ANY
        + ", "
        + Arrays.stream(PodProblem.values())
            .map(PodProblem::reason)
            .collect(Collectors.joining(", "));
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
