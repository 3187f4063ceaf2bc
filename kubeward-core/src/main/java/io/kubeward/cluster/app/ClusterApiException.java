package io.kubeward.cluster.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.List;
import java.util.Map;

/**
 * What a cluster's API answered when it refused a request made by Kubeward (for a user, with the
 * user's identity; or for itself). Made only by the one translation of client failures ({@code
 * cluster.kube.KubeErrors}), so that every feature reports the apiserver's refusals the same way:
 * 401/403 → {@value #FORBIDDEN}, 404 → {@value #NOT_FOUND}, 409 → {@value #CONFLICT} with the
 * conflicting field managers, 400 → {@value #INVALID}, 422 → {@value #REJECTED} with the causes,
 * 410 → {@value #EXPIRED}, 429 and 5xx → {@value #BUSY} (retry later).
 */
public final class ClusterApiException extends KubewardException {

  public static final String FORBIDDEN = "resource.forbidden";
  public static final String NOT_FOUND = "resource.not-found";
  public static final String CONFLICT = "resource.conflict";
  public static final String INVALID = "resource.invalid";
  public static final String REJECTED = "resource.rejected";
  public static final String EXPIRED = "resource.expired";
  public static final String BUSY = "cluster.busy";

  /** One cause of a 422: the field and what is wrong with it. */
  public record Cause(String field, String reason, String message) {}

  private final int apiStatus;

  private ClusterApiException(
      String code, ErrorKind kind, int apiStatus, String message, Map<String, Object> properties) {
    super(code, kind, message, properties);
    this.apiStatus = apiStatus;
  }

  /** The HTTP status the apiserver answered (0 if it did not answer). */
  public int apiStatus() {
    return apiStatus;
  }

  /** The apiserver refused the identity the request was sent with; the reason names what. */
  public static ClusterApiException forbidden(String cluster, String reason) {
    return new ClusterApiException(
        FORBIDDEN,
        ErrorKind.FORBIDDEN,
        403,
        "Cluster " + cluster + " refused: " + reason,
        props("cluster", cluster, "reason", reason));
  }

  /**
   * @param kind the kind or resource the apiserver names ({@code "-"} if unknown)
   * @param namespace {@code null} for cluster-scoped objects or when unknown
   */
  public static ClusterApiException notFound(
      String cluster, String kind, String namespace, String name) {
    return new ClusterApiException(
        NOT_FOUND,
        ErrorKind.NOT_FOUND,
        404,
        kind + " " + (namespace == null ? "" : namespace + "/") + name + " does not exist",
        props(
            "kind",
            kind,
            "name",
            name,
            "namespace",
            namespace == null ? "-" : namespace,
            "cluster",
            cluster));
  }

  /**
   * A concurrent change (a stale {@code resourceVersion}) or fields owned by other managers.
   *
   * @param managers the conflicting field managers (empty for a stale version)
   */
  public static ClusterApiException conflict(String cluster, String reason, List<String> managers) {
    return new ClusterApiException(
        CONFLICT,
        ErrorKind.CONFLICT,
        409,
        "Conflict in cluster " + cluster + ": " + reason,
        props("reason", reason, "managers", List.copyOf(managers), "cluster", cluster));
  }

  public static ClusterApiException invalid(String cluster, String reason) {
    return new ClusterApiException(
        INVALID,
        ErrorKind.INVALID,
        400,
        "Invalid request to cluster " + cluster + ": " + reason,
        props("reason", reason, "cluster", cluster));
  }

  public static ClusterApiException rejected(String cluster, String reason, List<Cause> causes) {
    return new ClusterApiException(
        REJECTED,
        ErrorKind.REJECTED,
        422,
        "Cluster " + cluster + " rejected the object: " + reason,
        props("reason", reason, "causes", List.copyOf(causes), "cluster", cluster));
  }

  /** 410: a continue token or resource version the apiserver no longer has. */
  public static ClusterApiException expired(String cluster, String reason) {
    return new ClusterApiException(
        EXPIRED,
        ErrorKind.CONFLICT,
        410,
        "Expired in cluster " + cluster + ": " + reason,
        props("reason", reason, "cluster", cluster));
  }

  /** 429 or 5xx: the apiserver cannot serve the request now; retry after a while. */
  public static ClusterApiException busy(
      String cluster, int status, String reason, long retryAfterSeconds) {
    return new ClusterApiException(
        BUSY,
        ErrorKind.UNAVAILABLE,
        status,
        "Cluster " + cluster + " cannot serve the request now (" + status + "): " + reason,
        props(
            "cluster",
            cluster,
            "reason",
            reason,
            "status",
            status,
            "retryAfterSeconds",
            retryAfterSeconds));
  }
}
