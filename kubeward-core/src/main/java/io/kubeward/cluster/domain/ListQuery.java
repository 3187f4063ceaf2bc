package io.kubeward.cluster.domain;

import io.kubeward.common.Paging;

/**
 * What a list asks for. {@code null} filters match everything. {@code nameContains} is a
 * case-insensitive substring; {@code phase} is a pod phase (other kinds: their status); {@code
 * problem} a pod problem reason or {@code any}; {@code owner} is {@code Kind/name}.
 */
public record ListQuery(
    String namespace,
    LabelSelector labels,
    String nameContains,
    String node,
    String phase,
    String problem,
    String owner,
    SortOrder order,
    int limit,
    ContinueToken after) {

  public static final int DEFAULT_LIMIT = Paging.DEFAULT_LIMIT;
  public static final int MAX_LIMIT = Paging.MAX_LIMIT;

  public ListQuery {
    if (labels == null) {
      labels = LabelSelector.EVERYTHING;
    }
    if (order == null) {
      order = SortOrder.NAMESPACE;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    if (nameContains != null) {
      nameContains = nameContains.toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static ListQuery all() {
    return new ListQuery(
        null, null, null, null, null, null, null, SortOrder.NAMESPACE, DEFAULT_LIMIT, null);
  }
}
