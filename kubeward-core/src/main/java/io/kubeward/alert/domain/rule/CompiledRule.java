package io.kubeward.alert.domain.rule;

import io.kubeward.alert.domain.AlertSeverity;
import io.kubeward.alert.domain.RuleKey;
import java.time.Duration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An alert rule that passed {@link AlertRuleValidation}: what the evaluation needs, parsed once.
 *
 * @param key {@code namespace/name} or {@code name}
 * @param annotations templates by annotation name
 * @param generation the object's {@code metadata.generation} it was compiled from
 */
public record CompiledRule(
    RuleKind kind,
    RuleKey key,
    boolean enabled,
    AlertSeverity severity,
    Duration forDuration,
    RuleCondition condition,
    SortedMap<String, String> labels,
    Map<String, AnnotationTemplate> annotations,
    long generation) {

  public CompiledRule {
    labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    annotations = Map.copyOf(annotations);
  }

  /** The {@code alertname} label: the rule's name without its namespace. */
  public String alertName() {
    return key.name();
  }
}
