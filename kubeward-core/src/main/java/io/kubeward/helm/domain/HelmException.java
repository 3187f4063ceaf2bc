package io.kubeward.helm.domain;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/** Refusals and failures of Helm release operations (bundle {@code problem.<code>}). */
public final class HelmException extends KubewardException {

  public static final String INVALID = "helm.invalid";
  public static final String UNAVAILABLE = "helm.unavailable";
  public static final String NOT_FOUND = "helm.not-found";
  public static final String REVISION_NOT_FOUND = "helm.revision-not-found";
  public static final String FORBIDDEN = "helm.forbidden";
  public static final String EXISTS = "helm.exists";
  public static final String CHART_NOT_FOUND = "helm.chart-not-found";
  public static final String TOO_LARGE = "helm.too-large";
  public static final String TIMED_OUT = "helm.timed-out";
  public static final String FAILED = "helm.failed";
  public static final String UNREADABLE = "helm.unreadable";

  private HelmException(
      String code, ErrorKind kind, String message, Map<String, Object> properties) {
    super(code, kind, message, properties);
  }

  /** A name, reference, version, URL or values document that is not acceptable. */
  public static HelmException invalid(String reason) {
    return new HelmException(
        INVALID, ErrorKind.INVALID, "Invalid Helm request: " + reason, props("reason", reason));
  }

  /** No helm binary where {@code kubeward.helm.binary} points: writes are off, reads work. */
  public static HelmException unavailable(String binary) {
    return new HelmException(
        UNAVAILABLE,
        ErrorKind.UNAVAILABLE,
        "The helm binary " + binary + " is not available",
        props("binary", binary));
  }

  public static HelmException notFound(String cluster, String namespace, String name) {
    return new HelmException(
        NOT_FOUND,
        ErrorKind.NOT_FOUND,
        "Helm release " + namespace + "/" + name + " does not exist in cluster " + cluster,
        props("cluster", cluster, "namespace", namespace, "name", name));
  }

  public static HelmException revisionNotFound(String namespace, String name, int revision) {
    return new HelmException(
        REVISION_NOT_FOUND,
        ErrorKind.NOT_FOUND,
        "Helm release " + namespace + "/" + name + " has no revision " + revision,
        props("namespace", namespace, "name", name, "revision", revision));
  }

  /** Kubernetes refused the caller (helm's own words, which name the missing permission). */
  public static HelmException forbidden(String reason) {
    return new HelmException(
        FORBIDDEN, ErrorKind.FORBIDDEN, "Kubernetes refused: " + reason, props("reason", reason));
  }

  public static HelmException exists(String namespace, String name) {
    return new HelmException(
        EXISTS,
        ErrorKind.CONFLICT,
        "Helm release " + namespace + "/" + name + " exists already",
        props("namespace", namespace, "name", name));
  }

  public static HelmException chartNotFound(String reason) {
    return new HelmException(
        CHART_NOT_FOUND,
        ErrorKind.NOT_FOUND,
        "Chart not found: " + reason,
        props("reason", reason));
  }

  public static HelmException tooLarge(String what, long limit) {
    return new HelmException(
        TOO_LARGE,
        ErrorKind.TOO_LARGE,
        what + " is larger than " + limit + " bytes",
        props("what", what, "limit", limit));
  }

  public static HelmException timedOut(String operation, long seconds) {
    return new HelmException(
        TIMED_OUT,
        ErrorKind.TIMED_OUT,
        "helm " + operation + " did not finish within " + seconds + " s",
        props("operation", operation, "seconds", seconds));
  }

  /** Helm failed for another reason; {@code reason} is its last error line. */
  public static HelmException failed(String operation, String reason) {
    return new HelmException(
        FAILED,
        ErrorKind.REJECTED,
        "helm " + operation + " failed: " + reason,
        props("operation", operation, "reason", reason));
  }

  /** A release Secret whose payload cannot be decoded (corrupt, or larger than allowed). */
  public static HelmException unreadable(String secret, String reason) {
    return new HelmException(
        UNREADABLE,
        ErrorKind.INVALID,
        "Release Secret " + secret + " cannot be read: " + reason,
        props("secret", secret, "reason", reason));
  }
}
