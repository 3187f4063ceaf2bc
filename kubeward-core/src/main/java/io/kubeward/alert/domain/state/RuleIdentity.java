package io.kubeward.alert.domain.state;

import io.kubeward.alert.domain.AlertSeverity;
import io.kubeward.alert.domain.RuleKey;
import java.time.Duration;
import java.util.Map;

/**
 * What the state machine needs of a rule: its key, its {@code alertname}, severity, {@code for} and
 * its own labels (added to each sample's).
 */
public record RuleIdentity(
    RuleKey key,
    String alertName,
    AlertSeverity severity,
    Duration forDuration,
    Map<String, String> labels) {

  public RuleIdentity {
    labels = Map.copyOf(labels);
    if (forDuration.isNegative()) {
      throw new IllegalArgumentException("for must not be negative");
    }
  }
}
