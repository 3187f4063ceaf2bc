package io.kubeward.maintenance.domain;

import io.kubeward.cluster.domain.LabelSelector;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Kubernetes label selector as it appears in a NodeMaintenance ({@code matchLabels} and {@code
 * matchExpressions}); both empty selects everything. Parsed, validated and matched by the one
 * {@link LabelSelector}.
 */
public record NodeSelector(
    @Nullable Map<String, String> matchLabels, @Nullable List<Requirement> matchExpressions) {

  public NodeSelector {
    matchLabels = matchLabels == null ? Map.of() : Map.copyOf(matchLabels);
    matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
  }

  /** One {@code matchExpressions} entry: operator In, NotIn, Exists or DoesNotExist. */
  public record Requirement(String key, String operator, @Nullable List<String> values)
      implements LabelSelector.Expression {
    public Requirement {
      values = values == null ? List.of() : List.copyOf(values);
    }
  }

  public boolean selectsAll() {
    return matchLabels.isEmpty() && matchExpressions.isEmpty();
  }

  /**
   * This selector as the one {@link LabelSelector}.
   *
   * @throws LabelSelector.InvalidSelectorException for an invalid key, value or operator
   */
  public LabelSelector toLabelSelector() {
    return LabelSelector.of(matchLabels, matchExpressions);
  }

  /**
   * Whether {@code labels} satisfy this selector; an invalid selector (see {@link
   * MaintenanceValidation}) selects nothing.
   */
  public boolean matches(Map<String, String> labels) {
    try {
      return toLabelSelector().matches(labels == null ? Map.of() : labels);
    } catch (LabelSelector.InvalidSelectorException e) {
      return false;
    }
  }
}
