package io.kubeward.rbac.domain;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;

/** A malformed explorer query (a missing or too long name, too many groups, unknown kind): 400. */
public final class InvalidRbacQueryException extends KubewardException {

  public static final String CODE = "rbac.invalid";
  public static final String KIND_CODE = "rbac.subject-kind";

  private InvalidRbacQueryException(String code, String message, Object... props) {
    super(code, ErrorKind.INVALID, message, props(props));
  }

  /** {@code field} is missing or longer than {@code max} characters (or entries). */
  public static InvalidRbacQueryException field(String field, int max) {
    return new InvalidRbacQueryException(
        CODE, field + " must be given and at most " + max + " long", "field", field, "max", max);
  }

  /** {@code kind} is not user, group nor serviceaccount. */
  public static InvalidRbacQueryException kind(String kind) {
    return new InvalidRbacQueryException(KIND_CODE, "unknown subject kind " + kind, "kind", kind);
  }
}
