package io.kubeward.tenancy.domain;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/** Refusals of the tenancy features, each with its stable code (bundle {@code problem.<code>}). */
public final class TenancyException extends KubewardException {

  public static final String INVALID = "tenancy.invalid";
  public static final String NOT_FOUND = "tenancy.not-found";
  public static final String TEMPLATE_NOT_FOUND = "tenancy.template-not-found";
  public static final String CREATE_FAILED = "tenancy.create-failed";
  public static final String CREATE_FAILED_LEFT = "tenancy.create-failed-left-behind";

  private TenancyException(
      String code, ErrorKind kind, String message, Map<String, Object> properties) {
    super(code, kind, message, properties);
  }

  /** A field of the request is not acceptable. */
  public static TenancyException invalid(String field, String reason) {
    return new TenancyException(
        INVALID,
        ErrorKind.INVALID,
        "Invalid " + field + ": " + reason,
        props("field", field, "reason", reason));
  }

  public static TenancyException notFound(String kind, String namespace, String name) {
    return new TenancyException(
        NOT_FOUND,
        ErrorKind.NOT_FOUND,
        kind + " " + namespace + "/" + name + " does not exist",
        props("kind", kind, "namespace", namespace, "name", name));
  }

  public static TenancyException templateNotFound(String name, String known) {
    return new TenancyException(
        TEMPLATE_NOT_FOUND,
        ErrorKind.NOT_FOUND,
        "No team template " + name + " (known: " + known + ")",
        props("template", name, "known", known));
  }

  /**
   * The apiserver refused an object of the team space; the namespace was deleted again ({@code
   * removed}) or could not be ({@link #CREATE_FAILED_LEFT}: the caller must delete it).
   */
  public static TenancyException createFailed(
      String namespace, String object, String reason, boolean removed) {
    return new TenancyException(
        removed ? CREATE_FAILED : CREATE_FAILED_LEFT,
        ErrorKind.CONFLICT,
        "Creating "
            + object
            + " in team space "
            + namespace
            + " failed: "
            + reason
            + (removed ? "; the namespace was deleted again" : "; the namespace is left behind"),
        props("namespace", namespace, "object", object, "reason", reason));
  }
}
