package io.kubeward.cluster.domain;

import org.jspecify.annotations.Nullable;

/**
 * A node taint: key, value (empty when none) and effect ({@code NoSchedule}, {@code
 * PreferNoSchedule} or {@code NoExecute}).
 */
public record NodeTaint(String key, @Nullable String value, String effect) {

  public NodeTaint {
    value = value == null ? "" : value;
  }

  /** {@code key=value:effect}, or {@code key:effect} without a value, as kubectl writes it. */
  @Override
  public String toString() {
    return key + (value.isEmpty() ? "" : "=" + value) + ":" + effect;
  }
}
