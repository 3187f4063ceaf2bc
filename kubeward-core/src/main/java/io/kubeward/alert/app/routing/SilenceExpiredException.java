package io.kubeward.alert.app.routing;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;

/** An expired silence cannot be changed (409); create a new one. */
public final class SilenceExpiredException extends KubewardException {

  public static final String CODE = "alerting.silence-expired";

  public SilenceExpiredException(String id) {
    super(CODE, ErrorKind.CONFLICT, "Silence " + id + " has expired", props("id", id));
  }
}
