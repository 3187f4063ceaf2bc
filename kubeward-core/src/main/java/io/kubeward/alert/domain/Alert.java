package io.kubeward.alert.domain;

import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * An alert: one sample of one rule, identified by its labels' {@link AlertLabels#fingerprint
 * fingerprint} within its scope. {@code activeSince} is when its condition started to hold
 * (pending), {@code firingSince} when it started firing (after the rule's {@code for}), {@code
 * resolvedAt} when it stopped holding after firing. {@code lastEvaluated} is the latest evaluation
 * that saw it.
 */
public record Alert(
    String fingerprint,
    AlertScope scope,
    RuleKey rule,
    SortedMap<String, String> labels,
    Map<String, String> annotations,
    AlertState state,
    Instant activeSince,
    @Nullable Instant firingSince,
    @Nullable Instant resolvedAt,
    Instant lastEvaluated,
    @Nullable Double value) {

  public Alert {
    labels = AlertLabels.sorted(labels);
    annotations = Map.copyOf(annotations);
  }

  public boolean firing() {
    return state == AlertState.FIRING;
  }

  public boolean resolved() {
    return state == AlertState.RESOLVED;
  }

  public @Nullable String label(String name) {
    return labels.get(name);
  }

  public AlertSeverity severity() {
    String value = labels.get(AlertLabels.SEVERITY);
    return value == null
        ? AlertSeverity.WARNING
        : AlertSeverity.ofLabel(value).orElse(AlertSeverity.WARNING);
  }

  /**
   * The annotation in the language asked for ({@code zh} for 简体中文: the {@code .zh-CN} variant when
   * the rule has one), else the plain one, else {@code null}.
   */
  public @Nullable String annotation(String name, boolean zh) {
    if (zh) {
      String chinese = annotations.get(name + AlertLabels.ZH_SUFFIX);
      if (chinese != null) {
        return chinese;
      }
    }
    return annotations.get(name);
  }
}
