package io.kubeward.upgrade.domain;

/** The checklist's steps, in the order an operator works through them. */
public enum StepId {
  CONTROL_PLANE_PATH,
  NODE_SKEW,
  DEPRECATED_APIS,
  CERTIFICATES,
  DISRUPTION_BUDGETS;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
