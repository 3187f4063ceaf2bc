package io.kubeward.rightsizing.domain;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/** Refusals of right-sizing, each with its stable code (bundle {@code problem.<code>}). */
public final class RightsizingException extends KubewardException {

  public static final String INVALID = "rightsizing.invalid";
  public static final String UNSUPPORTED_KIND = "rightsizing.unsupported-kind";
  public static final String NO_CONTAINER = "rightsizing.no-container";
  public static final String EXCEEDS_LIMIT = "rightsizing.exceeds-limit";
  public static final String CHANGE_NOT_FOUND = "rightsizing.change-not-found";
  public static final String CHANGED_SINCE = "rightsizing.changed-since";
  public static final String ALREADY_REVERTED = "rightsizing.already-reverted";
  public static final String NO_DATA = "rightsizing.no-data";

  private RightsizingException(
      String code, ErrorKind kind, String message, Map<String, Object> properties) {
    super(code, kind, message, properties);
  }

  public static RightsizingException invalid(String field, String reason) {
    return new RightsizingException(
        INVALID,
        ErrorKind.INVALID,
        "Invalid " + field + ": " + reason,
        props("field", field, "reason", reason));
  }

  public static RightsizingException unsupportedKind(String kind) {
    return new RightsizingException(
        UNSUPPORTED_KIND,
        ErrorKind.INVALID,
        "A "
            + kind
            + " cannot be right-sized; use one of "
            + String.join(", ", RequestsPatch.KINDS),
        props("kind", kind, "kinds", String.join(", ", RequestsPatch.KINDS)));
  }

  public static RightsizingException noContainer(
      String kind, String namespace, String name, String container) {
    return new RightsizingException(
        NO_CONTAINER,
        ErrorKind.NOT_FOUND,
        kind + " " + namespace + "/" + name + " has no container " + container,
        props("kind", kind, "namespace", namespace, "name", name, "container", container));
  }

  /** The new request would be above the container's limit, and raising it was not asked for. */
  public static RightsizingException exceedsLimit(
      String container, String resource, String request, String limit) {
    return new RightsizingException(
        EXCEEDS_LIMIT,
        ErrorKind.INVALID,
        "The "
            + resource
            + " request "
            + request
            + " of container "
            + container
            + " would exceed its limit "
            + limit
            + "; nothing was changed (ask to raise the limit too)",
        props("container", container, "resource", resource, "request", request, "limit", limit));
  }

  public static RightsizingException changeNotFound(long id) {
    return new RightsizingException(
        CHANGE_NOT_FOUND,
        ErrorKind.NOT_FOUND,
        "There is no right-sizing change " + id + " in this cluster",
        props("id", id));
  }

  /** Someone changed the container's requests after the change: a revert would overwrite it. */
  public static RightsizingException changedSince(String container, String expected, String now) {
    return new RightsizingException(
        CHANGED_SINCE,
        ErrorKind.CONFLICT,
        "The requests of container "
            + container
            + " were changed since ("
            + expected
            + " → "
            + now
            + "); nothing was reverted",
        props("container", container, "expected", expected, "actual", now));
  }

  public static RightsizingException alreadyReverted(long id) {
    return new RightsizingException(
        ALREADY_REVERTED,
        ErrorKind.CONFLICT,
        "Right-sizing change " + id + " was already reverted",
        props("id", id));
  }

  public static RightsizingException noData(String container) {
    return new RightsizingException(
        NO_DATA,
        ErrorKind.INVALID,
        "There is no usage of container " + container + " to recommend from; give the requests",
        props("container", container));
  }
}
