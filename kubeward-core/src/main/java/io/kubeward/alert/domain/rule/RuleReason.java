package io.kubeward.alert.domain.rule;

import io.kubeward.runtime.domain.EventReason;

/**
 * The stable reasons of an alert rule's {@code Accepted} condition: {@code Valid} (evaluated),
 * {@code Disabled} (valid, {@code spec.enabled: false}) and {@code Invalid} (not evaluated; the
 * message names the problems).
 */
public enum RuleReason implements EventReason {
  Valid,
  Disabled,
  Invalid;

  public static final String ACCEPTED = "Accepted";
}
