package io.kubeward.alert.app.engine;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/**
 * No alert with that fingerprint that the caller may see (404; an unseen one is not told apart).
 */
public final class AlertNotFoundException extends KubewardException {

  public static final String CODE = "alerting.alert-not-found";

  public AlertNotFoundException(String fingerprint) {
    super(CODE, ErrorKind.NOT_FOUND, "No alert " + fingerprint, Map.of("fingerprint", fingerprint));
  }
}
