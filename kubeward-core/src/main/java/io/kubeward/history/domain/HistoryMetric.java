package io.kubeward.history.domain;

import java.util.Locale;

/** What a history series measures, with its unit as the API gives it. */
public enum HistoryMetric {
  /** CPU in use, millicores. */
  CPU("cpu", "millicores"),
  /** Memory in use (working set), bytes. */
  MEMORY("memory", "bytes"),
  /** Pods (running on a node, in a namespace, of a workload; 1 for a pod that exists). */
  PODS("pods", "count"),
  /** Bytes received per second. */
  NETWORK_RECEIVE("network-receive", "bytes/s"),
  /** Bytes sent per second. */
  NETWORK_TRANSMIT("network-transmit", "bytes/s"),
  /** Filesystem space in use, bytes. */
  FILESYSTEM("filesystem", "bytes");

  private final String wireName;
  private final String unit;

  HistoryMetric(String wireName, String unit) {
    this.wireName = wireName;
    this.unit = unit;
  }

  /** The name in the API ({@code network-receive}). */
  public String wireName() {
    return wireName;
  }

  public String unit() {
    return unit;
  }

  /** The metrics the built-in history samples (the metrics API has no others). */
  public boolean builtIn() {
    return this == CPU || this == MEMORY || this == PODS;
  }

  public static HistoryMetric fromWire(String name) {
    for (HistoryMetric m : values()) {
      if (m.wireName.equals(name) || m.name().equalsIgnoreCase(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown metric " + name.toLowerCase(Locale.ROOT));
  }
}
