package io.kubeward.usage.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A cluster's usage at a glance. {@code used} is the nodes' usage for whoever may read node
 * metrics, else the sum of the pods' usage the caller may read; requests and limits sum the pods
 * the caller may list; allocatable needs the right to list nodes.
 *
 * @param sampledAt when Kubeward read the metrics API (the numbers are at most {@code
 *     kubeward.usage.max-age} older than the answer)
 * @param truncated whether the metrics snapshot left out pods beyond {@code
 *     kubeward.usage.max-pods}
 * @param topNodes the 5 nodes using the largest part of their CPU
 * @param topNamespaces the 5 namespaces using the most CPU
 */
public record UsageOverview(
    String cluster,
    UsageSource source,
    @Nullable Instant sampledAt,
    boolean truncated,
    UsageAmount cpu,
    UsageAmount memory,
    UsagePodCount pods,
    List<UsageNode> topNodes,
    List<UsageNamespace> topNamespaces) {

  public UsageOverview withSource(UsageSource translated) {
    return new UsageOverview(
        cluster, translated, sampledAt, truncated, cpu, memory, pods, topNodes, topNamespaces);
  }
}
