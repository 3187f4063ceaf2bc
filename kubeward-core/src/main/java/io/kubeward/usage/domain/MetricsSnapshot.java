package io.kubeward.usage.domain;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One reading of a cluster's metrics API, made with Kubeward's own identity and shared by every
 * caller for a short while (ADR 0019): each node's and each pod's usage, or, when no metrics source
 * answers, no numbers and the reason. What a caller sees of it is filtered later.
 *
 * @param fetchedAt when Kubeward read it
 * @param nodes by node name
 * @param pods by namespace, then pod name
 * @param truncated whether pods beyond {@code kubeward.usage.max-pods} were left out
 */
public record MetricsSnapshot(
    String cluster,
    MetricsSource source,
    Instant fetchedAt,
    Map<String, NodeSample> nodes,
    Map<String, Map<String, PodSample>> pods,
    boolean truncated) {

  public MetricsSnapshot {
    nodes = Map.copyOf(nodes);
    pods = Map.copyOf(pods);
  }

  /** No numbers: {@code source} says why. */
  public static MetricsSnapshot absent(String cluster, MetricsSource source, Instant fetchedAt) {
    return new MetricsSnapshot(cluster, source, fetchedAt, Map.of(), Map.of(), false);
  }

  public boolean available() {
    return source.available();
  }

  public @Nullable NodeSample node(String name) {
    return nodes.get(name);
  }

  public @Nullable PodSample pod(String namespace, String name) {
    Map<String, PodSample> inNamespace = pods.get(namespace);
    return inNamespace == null ? null : inNamespace.get(name);
  }

  /** The number of pod samples. */
  public int podCount() {
    int count = 0;
    for (Map<String, PodSample> inNamespace : pods.values()) {
      count += inNamespace.size();
    }
    return count;
  }
}
