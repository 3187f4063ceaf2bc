package io.kubeward.node.health.domain;

/** What node health detection finds; the names are those of the REST API. */
public enum NodeHealthType {
  /** The Ready condition is False. */
  NotReady,
  /** The Ready condition is Unknown (the node controller stopped hearing from the kubelet). */
  Unknown,
  /** No heartbeat (Lease renewal) for longer than the configured threshold. */
  HeartbeatStale,
  MemoryPressure,
  DiskPressure,
  PIDPressure,
  NetworkUnavailable,
  /** Ready changed at least N times within M minutes. */
  Flapping,
  /** At least N pods were evicted from the node within M minutes. */
  FrequentEvictions,
  /** Unschedulable for longer than the configured threshold. */
  CordonedTooLong;

  /** The detection for a node condition that is True, or {@code null} for other conditions. */
  static NodeHealthType ofCondition(String type) {
    return switch (type) {
      case "MemoryPressure" -> MemoryPressure;
      case "DiskPressure" -> DiskPressure;
      case "PIDPressure" -> PIDPressure;
      case "NetworkUnavailable" -> NetworkUnavailable;
      default -> null;
    };
  }
}
