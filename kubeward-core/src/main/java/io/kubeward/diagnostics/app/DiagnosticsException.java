package io.kubeward.diagnostics.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/** A diagnostics request that cannot be served: a bad parameter (400) or an unknown rule (404). */
public final class DiagnosticsException extends KubewardException {

  public static final String INVALID = "diagnostics.invalid-request";
  public static final String RULE_NOT_FOUND = "diagnostics.rule-not-found";
  public static final String TOO_LARGE = "diagnostics.runbook-too-large";

  private DiagnosticsException(
      String code, ErrorKind kind, String message, Map<String, Object> properties) {
    super(code, kind, message, properties);
  }

  public static DiagnosticsException invalid(String parameter, String reason) {
    return new DiagnosticsException(
        INVALID,
        ErrorKind.INVALID,
        "Invalid " + parameter + ": " + reason,
        props("parameter", parameter, "reason", reason));
  }

  public static DiagnosticsException ruleNotFound(String rule) {
    return new DiagnosticsException(
        RULE_NOT_FOUND, ErrorKind.NOT_FOUND, "No diagnostic rule " + rule, props("rule", rule));
  }

  public static DiagnosticsException tooLarge(int max) {
    return new DiagnosticsException(
        TOO_LARGE,
        ErrorKind.TOO_LARGE,
        "The site-specific runbook text is longer than " + max + " characters",
        props("max", max));
  }
}
