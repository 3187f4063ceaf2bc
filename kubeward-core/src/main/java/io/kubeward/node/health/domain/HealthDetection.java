package io.kubeward.node.health.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One detected node problem with its start and, once it is over, its end ({@code null} while
 * active). This is what the node page, the node-health list and the alerting consume.
 */
public record HealthDetection(
    String cluster,
    String node,
    NodeHealthType type,
    Instant startedAt,
    @Nullable Instant endedAt,
    @Nullable String message) {

  public boolean active() {
    return endedAt == null;
  }

  HealthDetection endedAt(Instant at) {
    return new HealthDetection(cluster, node, type, startedAt, at, message);
  }
}
