package io.kubeward.usage.domain;

import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The metrics API's objects to compact samples (pure): names interned, quantities as whole numbers,
 * at most {@code maxPods} pods (a snapshot stays bounded whatever the cluster's size).
 */
public final class MetricsProjection {

  private MetricsProjection() {}

  public static MetricsSnapshot snapshot(
      String cluster,
      Instant fetchedAt,
      List<NodeMetrics> nodeMetrics,
      List<PodMetrics> podMetrics,
      int maxPods) {
    Map<String, NodeSample> nodes = new HashMap<>();
    for (NodeMetrics metrics : nodeMetrics) {
      NodeSample sample = node(metrics);
      if (sample != null) {
        nodes.put(sample.name(), sample);
      }
    }
    Map<String, Map<String, PodSample>> pods = new HashMap<>();
    int count = 0;
    boolean truncated = false;
    for (PodMetrics metrics : podMetrics) {
      PodSample sample = pod(metrics);
      if (sample == null) {
        continue;
      }
      if (count >= maxPods) {
        truncated = true;
        break;
      }
      pods.computeIfAbsent(sample.namespace(), n -> new HashMap<>()).put(sample.name(), sample);
      count++;
    }
    Map<String, Map<String, PodSample>> frozen = new HashMap<>();
    pods.forEach((namespace, byName) -> frozen.put(namespace, Map.copyOf(byName)));
    return new MetricsSnapshot(
        cluster, MetricsSource.metricsApi(), fetchedAt, nodes, frozen, truncated);
  }

  static @Nullable NodeSample node(NodeMetrics metrics) {
    if (metrics.getMetadata() == null || metrics.getMetadata().getName() == null) {
      return null;
    }
    Map<String, io.fabric8.kubernetes.api.model.Quantity> usage =
        metrics.getUsage() == null ? Map.of() : metrics.getUsage();
    return new NodeSample(
        metrics.getMetadata().getName().intern(),
        instant(metrics.getTimestamp()),
        duration(metrics.getWindow()),
        Units.nanos(usage.get("cpu")),
        Units.whole(usage.get("memory")));
  }

  static @Nullable PodSample pod(PodMetrics metrics) {
    if (metrics.getMetadata() == null
        || metrics.getMetadata().getName() == null
        || metrics.getMetadata().getNamespace() == null) {
      return null;
    }
    List<ContainerSample> containers = new ArrayList<>();
    if (metrics.getContainers() != null) {
      for (ContainerMetrics container : metrics.getContainers()) {
        if (container.getName() == null) {
          continue;
        }
        Map<String, io.fabric8.kubernetes.api.model.Quantity> usage =
            container.getUsage() == null ? Map.of() : container.getUsage();
        containers.add(
            new ContainerSample(
                container.getName().intern(),
                Units.nanos(usage.get("cpu")),
                Units.whole(usage.get("memory"))));
      }
    }
    return new PodSample(
        metrics.getMetadata().getNamespace().intern(),
        metrics.getMetadata().getName(),
        instant(metrics.getTimestamp()),
        duration(metrics.getWindow()),
        containers);
  }

  private static @Nullable Instant instant(String timestamp) {
    if (timestamp == null) {
      return null;
    }
    try {
      return Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static @Nullable Duration duration(io.fabric8.kubernetes.api.model.Duration window) {
    return window == null ? null : window.getDuration();
  }
}
