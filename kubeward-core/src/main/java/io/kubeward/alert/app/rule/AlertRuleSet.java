package io.kubeward.alert.app.rule;

import io.kubeward.alert.domain.RuleKey;
import io.kubeward.alert.domain.rule.CompiledRule;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The valid, enabled rules of each cluster as the rules controllers last accepted them (in memory,
 * on the replica leading the cluster); the engine reads it through {@link RuleEvaluator#rules}.
 */
public final class AlertRuleSet {

  private final Map<String, Map<RuleKey, CompiledRule>> byCluster = new ConcurrentHashMap<>();

  /** Keeps {@code rule} (enabled) or drops it (disabled). */
  public void accept(String cluster, CompiledRule rule) {
    if (rule.enabled()) {
      byCluster.computeIfAbsent(cluster, c -> new ConcurrentHashMap<>()).put(rule.key(), rule);
    } else {
      remove(cluster, rule.key());
    }
  }

  public void remove(String cluster, RuleKey key) {
    Map<RuleKey, CompiledRule> rules = byCluster.get(cluster);
    if (rules != null) {
      rules.remove(key);
    }
  }

  /** Drops what is known of {@code cluster} (its controllers stopped here). */
  public void clear(String cluster) {
    byCluster.remove(cluster);
  }

  /** Drops the rules of one kind in {@code cluster}. */
  public void clear(String cluster, io.kubeward.alert.domain.rule.RuleKind kind) {
    Map<RuleKey, CompiledRule> rules = byCluster.get(cluster);
    if (rules != null) {
      rules.values().removeIf(r -> r.kind() == kind);
    }
  }

  /** The rules of {@code cluster} by key. */
  public List<CompiledRule> rules(String cluster) {
    Map<RuleKey, CompiledRule> rules = byCluster.get(cluster);
    if (rules == null) {
      return List.of();
    }
    return rules.values().stream().sorted(Comparator.comparing(r -> r.key().value())).toList();
  }
}
