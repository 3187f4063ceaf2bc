package io.kubeward.hpa.domain;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/**
 * Refusals of an HPA request, each with its stable code (bundle {@code problem.<code>}); nothing
 * has been sent to the cluster when one is thrown by validation.
 */
public final class HpaException extends KubewardException {

  public static final String INVALID = "hpa.invalid";
  public static final String MIN_ABOVE_MAX = "hpa.min-above-max";
  public static final String OUT_OF_RANGE = "hpa.out-of-range";

  /** Prefix of the metric problems: {@code hpa.metric.<reason>}. */
  public static final String BAD_METRIC = "hpa.metric.";

  public static final String TARGET_NOT_FOUND = "hpa.target-not-found";
  public static final String TARGET_NOT_SCALABLE = "hpa.target-not-scalable";
  public static final String NOT_FOUND = "hpa.not-found";
  public static final String EXISTS = "hpa.exists";

  private HpaException(
      String code, ErrorKind kind, String message, Map<String, Object> properties) {
    super(code, kind, message, properties);
  }

  /** A required field is missing or malformed ({@code field}: which one). */
  public static HpaException invalid(String field) {
    return new HpaException(
        INVALID, ErrorKind.INVALID, "Invalid HPA field: " + field, props("field", field));
  }

  public static HpaException minAboveMax(int min, int max) {
    return new HpaException(
        MIN_ABOVE_MAX,
        ErrorKind.INVALID,
        "minReplicas " + min + " is above maxReplicas " + max,
        props("min", min, "max", max));
  }

  /** A number outside its bounds. */
  public static HpaException outOfRange(String field, long value, long min, long max) {
    return new HpaException(
        OUT_OF_RANGE,
        ErrorKind.INVALID,
        field + " " + value + " is outside " + min + ".." + max,
        props("field", field, "value", value, "min", min, "max", max));
  }

  /**
   * Metric number {@code index} (1-based) is not well-formed; {@code reason} is the stable part of
   * the code ({@code hpa.metric.<reason>}), {@code english} the sentence for logs and the audit.
   */
  public static HpaException badMetric(int index, String reason, String english) {
    return new HpaException(
        BAD_METRIC + reason,
        ErrorKind.INVALID,
        "Metric " + index + " is not valid: " + english,
        props("index", index));
  }

  public static HpaException targetNotFound(String kind, String namespace, String name) {
    return new HpaException(
        TARGET_NOT_FOUND,
        ErrorKind.INVALID,
        kind + " " + namespace + "/" + name + " does not exist",
        props("kind", kind, "namespace", namespace, "name", name));
  }

  public static HpaException targetNotScalable(String kind) {
    return new HpaException(
        TARGET_NOT_SCALABLE,
        ErrorKind.INVALID,
        "A " + kind + " cannot be scaled by an HPA; use a Deployment, StatefulSet or ReplicaSet",
        props("kind", kind));
  }

  public static HpaException notFound(String namespace, String name) {
    return new HpaException(
        NOT_FOUND,
        ErrorKind.NOT_FOUND,
        "HorizontalPodAutoscaler " + namespace + "/" + name + " does not exist",
        props("namespace", namespace, "name", name));
  }

  public static HpaException exists(String namespace, String name) {
    return new HpaException(
        EXISTS,
        ErrorKind.CONFLICT,
        "HorizontalPodAutoscaler " + namespace + "/" + name + " already exists",
        props("namespace", namespace, "name", name));
  }
}
