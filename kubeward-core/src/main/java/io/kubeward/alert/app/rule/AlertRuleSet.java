package io.kubeward.alert.app.rule;

import io.kubeward.alert.domain.RuleKey;
import io.kubeward.alert.domain.rule.CompiledRule;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The valid, enabled rules of each cluster as the rules controllers last accepted them (in memory,
 * on the replica leading the cluster); the engine reads it through {@link RuleEvaluator#rules}.
 */
public final class AlertRuleSet {

  private final Map<String, Map<RuleKey, CompiledRule>> byCluster = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> judged = new ConcurrentHashMap<>();
  private final Set<String> ready = ConcurrentHashMap.newKeySet();

  private static String judgedKey(io.kubeward.alert.domain.rule.RuleKind kind, RuleKey key) {
    return kind.name() + "/" + key.value();
  }

  /** The controller judged this object (valid or not): it counts towards {@link #ready}. */
  public void judged(String cluster, io.kubeward.alert.domain.rule.RuleKind kind, RuleKey key) {
    judged.computeIfAbsent(cluster, c -> ConcurrentHashMap.newKeySet()).add(judgedKey(kind, key));
  }

  /** Whether every object of {@code existing} (kind and key) was judged. */
  public boolean judgedAll(
      String cluster,
      java.util.Collection<Map.Entry<io.kubeward.alert.domain.rule.RuleKind, RuleKey>> existing) {
    Set<String> seen = judged.getOrDefault(cluster, Set.of());
    return existing.stream().allMatch(e -> seen.contains(judgedKey(e.getKey(), e.getValue())));
  }

  /** Marks the rules of {@code cluster} complete (or not). */
  public void ready(String cluster, boolean value) {
    if (value) {
      ready.add(cluster);
    } else {
      ready.remove(cluster);
    }
  }

  public boolean ready(String cluster) {
    return ready.contains(cluster);
  }

  /** Keeps {@code rule} (enabled) or drops it (disabled). */
  public void accept(String cluster, CompiledRule rule) {
    if (rule.enabled()) {
      byCluster.computeIfAbsent(cluster, c -> new ConcurrentHashMap<>()).put(rule.key(), rule);
    } else {
      remove(cluster, rule.key());
    }
  }

  public void remove(String cluster, RuleKey key) {
    Set<String> seen = judged.get(cluster);
    if (seen != null) {
      seen.remove(judgedKey(io.kubeward.alert.domain.rule.RuleKind.AlertRule, key));
      seen.remove(judgedKey(io.kubeward.alert.domain.rule.RuleKind.ClusterAlertRule, key));
    }
    Map<RuleKey, CompiledRule> rules = byCluster.get(cluster);
    if (rules != null) {
      rules.remove(key);
    }
  }

  /** Drops what is known of {@code cluster} (its controllers stopped here). */
  public void clear(String cluster) {
    byCluster.remove(cluster);
    judged.remove(cluster);
    ready.remove(cluster);
  }

  /** Drops the rules of one kind in {@code cluster}. */
  public void clear(String cluster, io.kubeward.alert.domain.rule.RuleKind kind) {
    ready.remove(cluster);
    Set<String> seen = judged.get(cluster);
    if (seen != null) {
      seen.removeIf(k -> k.startsWith(kind.name() + "/"));
    }
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
