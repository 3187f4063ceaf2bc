package io.kubeward.alert.domain.rule;

import io.kubeward.alert.domain.RuleKey;
import io.kubeward.runtime.domain.Condition;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code AlertRule} or {@code ClusterAlertRule} object as read from a cluster.
 *
 * @param defaultRevision the revision of Kubeward's default rule set that created it ({@code
 *     kubeward.io/default-rule} annotation), {@code null} for a rule somebody wrote
 */
public record AlertRuleObject(
    RuleKind kind,
    @Nullable String namespace,
    String name,
    @Nullable String resourceVersion,
    long generation,
    @Nullable Instant createdAt,
    @Nullable String defaultRevision,
    @Nullable AlertRuleSpec spec,
    @Nullable AlertRuleStatus status) {

  public RuleKey key() {
    return new RuleKey(namespace, name);
  }

  /** The {@code status} the controller writes. */
  public record AlertRuleStatus(@Nullable Long observedGeneration, List<Condition> conditions) {
    public AlertRuleStatus {
      conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
  }
}
