package io.kubeward.alert.app.routing;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;

/** No silence with that id (404), or none the caller may see. */
public final class SilenceNotFoundException extends KubewardException {

  public static final String CODE = "alerting.silence-not-found";

  public SilenceNotFoundException(String id) {
    super(CODE, ErrorKind.NOT_FOUND, "No silence " + id, props("id", id));
  }
}
