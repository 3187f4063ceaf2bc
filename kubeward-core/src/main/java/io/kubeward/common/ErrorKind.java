package io.kubeward.common;

/**
 * Transport-neutral category of a {@link KubewardException}. Each edge maps it once: the REST API
 * to an HTTP status, the CLI to an exit code, a controller to a status condition.
 */
public enum ErrorKind {
  /** The named thing does not exist. */
  NOT_FOUND,
  /** The request is malformed or violates a rule. */
  INVALID,
  /** Nobody is signed in, or the credentials are wrong or expired. */
  UNAUTHENTICATED,
  /** The caller is known but their role does not allow this. */
  FORBIDDEN,
  /** The change conflicts with the current state (another field manager, a stale version). */
  CONFLICT,
  /**
   * Well-formed, but refused on its merits (the apiserver's 422: a field value it does not accept,
   * with the causes).
   */
  REJECTED,
  /** The request is larger than allowed. */
  TOO_LARGE,
  /**
   * Too many attempts (e.g. failed sign-ins); retry after the {@code retryAfterSeconds} property.
   */
  THROTTLED,
  /**
   * A dependency (a cluster, a store) cannot serve the request right now; retrying later may work.
   */
  UNAVAILABLE,
  /** A dependency (e.g. a cluster's Prometheus) did not answer within its timeout. */
  TIMED_OUT
}
