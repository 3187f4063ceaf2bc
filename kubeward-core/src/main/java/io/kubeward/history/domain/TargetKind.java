package io.kubeward.history.domain;

import java.util.Locale;

/** What a history is about. */
public enum TargetKind {
  CLUSTER,
  NODE,
  NAMESPACE,
  WORKLOAD,
  POD,
  /** One container name of a workload: the busiest pod's container per sample (ADR 0048). */
  CONTAINER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind from its API name; {@code null} if there is none of that name. */
  public static TargetKind fromWire(String name) {
    if (name == null) {
      return null;
    }
    for (TargetKind k : values()) {
      if (k.wireName().equals(name.strip().toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    return null;
  }
}
