package io.kubeward.alert.app.routing;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;

/** The policy changed since the caller read it (409): read it again and redo the change. */
public final class PolicyConflictException extends KubewardException {

  public static final String CODE = "alerting.policy-conflict";

  public PolicyConflictException(long expected, long current) {
    super(
        CODE,
        ErrorKind.CONFLICT,
        "The notification policy is at version " + current + ", not " + expected,
        props("expected", expected, "current", current));
  }
}
