package io.kubeward.alert.domain.rule;

/** The two kinds of alert rule: namespaced (its conditions see only its namespace) or not. */
public enum RuleKind {
  AlertRule(true),
  ClusterAlertRule(false);

  private final boolean namespaced;

  RuleKind(boolean namespaced) {
    this.namespaced = namespaced;
  }

  public boolean namespaced() {
    return namespaced;
  }
}
