package io.kubeward.maintenance.domain;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Kubernetes label selector as it appears in a NodeMaintenance ({@code matchLabels} and {@code
 * matchExpressions}); both empty selects everything.
 */
public record NodeSelector(
    @Nullable Map<String, String> matchLabels, @Nullable List<Requirement> matchExpressions) {

  public NodeSelector {
    matchLabels = matchLabels == null ? Map.of() : Map.copyOf(matchLabels);
    matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
  }

  /** One {@code matchExpressions} entry: operator In, NotIn, Exists or DoesNotExist. */
  public record Requirement(String key, String operator, @Nullable List<String> values) {
    public Requirement {
      values = values == null ? List.of() : List.copyOf(values);
    }
  }

  public boolean selectsAll() {
    return matchLabels.isEmpty() && matchExpressions.isEmpty();
  }

  /** Whether {@code labels} satisfy this selector (operators assumed validated). */
  public boolean matches(Map<String, String> labels) {
    Map<String, String> l = labels == null ? Map.of() : labels;
    for (Map.Entry<String, String> e : matchLabels.entrySet()) {
      if (!e.getValue().equals(l.get(e.getKey()))) {
        return false;
      }
    }
    for (Requirement r : matchExpressions) {
      String value = l.get(r.key());
      boolean ok =
          switch (r.operator()) {
            case "In" -> value != null && r.values().contains(value);
            case "NotIn" -> value == null || !r.values().contains(value);
            case "Exists" -> l.containsKey(r.key());
            case "DoesNotExist" -> !l.containsKey(r.key());
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
