package io.kubeward.alert.app.rule;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;

/** No such AlertRule or ClusterAlertRule. */
public final class AlertRuleNotFoundException extends KubewardException {

  public static final String CODE = "alert-rule.not-found";

  public AlertRuleNotFoundException(String cluster, String kind, String rule) {
    super(
        CODE,
        ErrorKind.NOT_FOUND,
        "cluster " + cluster + " has no " + kind + " " + rule,
        props("cluster", cluster, "kind", kind, "rule", rule));
  }
}
