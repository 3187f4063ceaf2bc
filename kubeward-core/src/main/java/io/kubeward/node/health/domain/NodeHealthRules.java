package io.kubeward.node.health.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds of node health detection, validated when built.
 *
 * @param heartbeatStaleAfter a node whose last heartbeat is older is {@link
 *     NodeHealthType#HeartbeatStale}
 * @param flappingTransitions Ready transitions within {@code flappingWindow} that make a node
 *     {@link NodeHealthType#Flapping} (at least 2)
 * @param evictions pod evictions within {@code evictionWindow} that make {@link
 *     NodeHealthType#FrequentEvictions} (at least 1)
 * @param cordonedTooLongAfter how long a node may stay unschedulable before {@link
 *     NodeHealthType#CordonedTooLong}
 */
public record NodeHealthRules(
    Duration heartbeatStaleAfter,
    int flappingTransitions,
    Duration flappingWindow,
    int evictions,
    Duration evictionWindow,
    Duration cordonedTooLongAfter) {

  public NodeHealthRules {
    positive(heartbeatStaleAfter, "heartbeat-stale-after");
    positive(flappingWindow, "flapping-window");
    positive(evictionWindow, "eviction-window");
    positive(cordonedTooLongAfter, "cordoned-too-long-after");
    if (flappingTransitions < 2) {
      throw new IllegalArgumentException("flapping-transitions must be at least 2");
    }
    if (evictions < 1) {
      throw new IllegalArgumentException("evictions must be at least 1");
    }
  }

  public static NodeHealthRules defaults() {
    return new NodeHealthRules(
        Duration.ofSeconds(60),
        4,
        Duration.ofMinutes(10),
        5,
        Duration.ofMinutes(10),
        Duration.ofHours(24));
  }

  private static void positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be more than 0");
    }
  }
}
