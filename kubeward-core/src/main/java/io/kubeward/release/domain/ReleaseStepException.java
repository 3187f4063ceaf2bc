package io.kubeward.release.domain;

/**
 * A step of a Release that could not be done, with a stable {@code reason} (CamelCase, used as the
 * condition reason and the Event reason) and a message for people. {@code retryable}: a transient
 * failure (apiserver unavailable, conflict) the controller retries; otherwise the Release is
 * degraded with this reason.
 */
public class ReleaseStepException extends RuntimeException {

  private final String reason;
  private final boolean retryable;

  public ReleaseStepException(String reason, String message, boolean retryable) {
    super(message);
    this.reason = reason;
    this.retryable = retryable;
  }

  public String reason() {
    return reason;
  }

  public boolean retryable() {
    return retryable;
  }
}
