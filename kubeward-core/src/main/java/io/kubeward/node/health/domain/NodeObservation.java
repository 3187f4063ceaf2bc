package io.kubeward.node.health.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What is known of one node at one moment.
 *
 * @param readyStatus the Ready condition's status ({@code True}, {@code False}, {@code Unknown}),
 *     {@code null} if the node reports none yet
 * @param trueConditions the other conditions that are True ({@code MemoryPressure}, ...)
 * @param lastHeartbeat the newest heartbeat (Lease renewal), {@code null} if unknown
 * @param evictions evictions seen on the node: a stable id (pod uid, event) → when
 */
public record NodeObservation(
    String node,
    String readyStatus,
    Set<String> trueConditions,
    boolean unschedulable,
    Instant lastHeartbeat,
    Map<String, Instant> evictions) {

  public NodeObservation {
    trueConditions = trueConditions == null ? Set.of() : Set.copyOf(trueConditions);
    evictions = evictions == null ? Map.of() : Map.copyOf(evictions);
  }
}
