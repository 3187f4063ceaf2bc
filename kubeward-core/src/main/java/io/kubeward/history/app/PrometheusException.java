package io.kubeward.history.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.time.Duration;
import java.util.Map;

/**
 * A Prometheus request that did not give an answer, in words a user can act on (English and 简体中文 in
 * the server's message bundles). Never a 500.
 */
public final class PrometheusException extends KubewardException {

  public static final String NOT_CONFIGURED = "prometheus.not-configured";
  public static final String UNAVAILABLE = "prometheus.unavailable";
  public static final String TIMEOUT = "prometheus.timeout";
  public static final String BAD_RESPONSE = "prometheus.bad-response";
  public static final String BUSY = "prometheus.busy";
  public static final String ADDRESS_REFUSED = "prometheus.address-refused";
  public static final String INVALID_SETTINGS = "prometheus.invalid-settings";
  public static final String QUERY_FAILED = "promql.query-failed";
  public static final String QUERY_REJECTED = "promql.rejected";

  private PrometheusException(
      String code, ErrorKind kind, String message, Map<String, Object> properties) {
    super(code, kind, message, properties);
  }

  public static PrometheusException notConfigured(String cluster) {
    return new PrometheusException(
        NOT_CONFIGURED,
        ErrorKind.NOT_FOUND,
        "No Prometheus is configured for cluster " + cluster,
        props("cluster", cluster));
  }

  public static PrometheusException unavailable(String cluster, String reason) {
    return new PrometheusException(
        UNAVAILABLE,
        ErrorKind.UNAVAILABLE,
        "The Prometheus of cluster " + cluster + " cannot be reached: " + reason,
        props("cluster", cluster, "reason", reason));
  }

  public static PrometheusException timeout(String cluster, Duration timeout) {
    return new PrometheusException(
        TIMEOUT,
        ErrorKind.TIMED_OUT,
        "The Prometheus of cluster " + cluster + " did not answer within " + timeout,
        props("cluster", cluster, "timeoutSeconds", timeout.toMillis() / 1000.0));
  }

  public static PrometheusException badResponse(String cluster, String reason) {
    return new PrometheusException(
        BAD_RESPONSE,
        ErrorKind.UNAVAILABLE,
        "The Prometheus of cluster "
            + cluster
            + " gave an answer that is not Prometheus' API: "
            + reason,
        props("cluster", cluster, "reason", reason));
  }

  public static PrometheusException busy(String cluster, int limit) {
    return new PrometheusException(
        BUSY,
        ErrorKind.UNAVAILABLE,
        "Too many Prometheus requests are under way (" + limit + "); try again shortly",
        props("cluster", cluster, "limit", limit, "retryAfterSeconds", 2));
  }

  public static PrometheusException addressRefused(String cluster, String host, String reason) {
    return new PrometheusException(
        ADDRESS_REFUSED,
        ErrorKind.INVALID,
        "Kubeward does not send requests to " + host + ": " + reason,
        props("cluster", cluster, "host", host, "reason", reason));
  }

  public static PrometheusException invalidSettings(String cluster, String reason) {
    return new PrometheusException(
        INVALID_SETTINGS,
        ErrorKind.INVALID,
        "Invalid Prometheus settings for cluster " + cluster + ": " + reason,
        props("cluster", cluster, "reason", reason));
  }

  /**
   * Prometheus refused the query; {@code error} is Prometheus' own text, shown as it is. A syntax
   * error ({@code bad_data}) is a 400, an evaluation failure ({@code execution}) a 422.
   */
  public static PrometheusException rejected(
      String cluster, String errorType, String error, int prometheusStatus) {
    ErrorKind kind = "bad_data".equals(errorType) ? ErrorKind.INVALID : ErrorKind.REJECTED;
    return new PrometheusException(
        QUERY_REJECTED,
        kind,
        "Prometheus refused the query (" + errorType + "): " + error,
        props(
            "error",
            error,
            "errorType",
            errorType,
            "cluster",
            cluster,
            "prometheusStatus",
            prometheusStatus));
  }

  /** Prometheus answered with an error that is not about the query (e.g. HTTP 500, 401). */
  public static PrometheusException failed(String cluster, int status, String error) {
    return new PrometheusException(
        QUERY_FAILED,
        ErrorKind.UNAVAILABLE,
        "The Prometheus of cluster " + cluster + " answered " + status + ": " + error,
        props("status", status, "error", error, "cluster", cluster));
  }
}
