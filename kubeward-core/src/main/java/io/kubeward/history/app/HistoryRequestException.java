package io.kubeward.history.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/** A history or PromQL request outside its bounds (400); nothing was asked of Prometheus. */
public final class HistoryRequestException extends KubewardException {

  public static final String INVALID = "history.invalid-request";

  private HistoryRequestException(String message, Map<String, Object> properties) {
    super(INVALID, ErrorKind.INVALID, message, properties);
  }

  public static HistoryRequestException invalid(String parameter, String reason) {
    return new HistoryRequestException(
        "Invalid " + parameter + ": " + reason, props("parameter", parameter, "reason", reason));
  }
}
