package io.kubeward.alert.app.rule;

import io.kubeward.alert.app.AlertRuleSource;
import io.kubeward.alert.domain.AlertSeverity;
import io.kubeward.alert.domain.RuleKey;
import io.kubeward.alert.domain.rule.CompiledRule;
import java.time.Duration;
import java.util.Map;

/** A compiled rule as the engine sees it. */
public record LoadedAlertRule(CompiledRule rule) implements AlertRuleSource.LoadedRule {

  @Override
  public RuleKey key() {
    return rule.key();
  }

  @Override
  public String alertName() {
    return rule.alertName();
  }

  @Override
  public AlertSeverity severity() {
    return rule.severity();
  }

  @Override
  public Duration forDuration() {
    return rule.forDuration();
  }

  @Override
  public Map<String, String> labels() {
    return rule.labels();
  }

  @Override
  public long generation() {
    return rule.generation();
  }
}
