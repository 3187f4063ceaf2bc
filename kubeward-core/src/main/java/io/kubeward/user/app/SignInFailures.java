package io.kubeward.user.app;

import io.kubeward.access.domain.Origin;
import java.time.Instant;
import java.util.List;

/**
 * Port: told about each failed sign-in (wrong password or unknown name, throttled, disabled), once,
 * after the answer is decided. The audit log aggregates them ({@link FailedSignInAudit}); the
 * server also counts them as a metric.
 */
@FunctionalInterface
public interface SignInFailures {

  /**
   * A failed sign-in.
   *
   * @param username as sent, cut to 64 characters
   * @param address the client's address, or {@code null}
   * @param code the failure's stable code, e.g. {@code auth.invalid-credentials}
   */
  record Failure(
      String username, String address, Origin origin, String code, String message, Instant time) {}

  void failed(Failure failure);

  /** Tells each of {@code targets} in turn. */
  static SignInFailures all(List<SignInFailures> targets) {
    List<SignInFailures> copy = List.copyOf(targets);
    return failure -> copy.forEach(target -> target.failed(failure));
  }
}
