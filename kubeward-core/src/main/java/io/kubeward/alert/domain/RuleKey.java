package io.kubeward.alert.domain;

import org.jspecify.annotations.Nullable;

/**
 * Which rule raised an alert: a namespaced {@code AlertRule} ({@code namespace/name}), a
 * cluster-wide {@code ClusterAlertRule} ({@code name}) or a built-in site rule ({@code
 * kubeward:name}). {@link #value()} is the form of the {@code rule} label and of the store.
 */
public record RuleKey(@Nullable String namespace, String name) {

  public String value() {
    return namespace == null ? name : namespace + "/" + name;
  }

  public static RuleKey of(String value) {
    int slash = value.indexOf('/');
    return slash < 0
        ? new RuleKey(null, value)
        : new RuleKey(value.substring(0, slash), value.substring(slash + 1));
  }

  @Override
  public String toString() {
    return value();
  }
}
