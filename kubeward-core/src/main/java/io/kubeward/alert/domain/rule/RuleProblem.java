package io.kubeward.alert.domain.rule;

/**
 * One reason an alert rule is invalid: the field (a path in the object, such as {@code
 * spec.condition.metric.threshold}) and what is wrong with it.
 */
public record RuleProblem(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
