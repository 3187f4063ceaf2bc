package io.kubeward.cluster.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What the last probes said about a cluster's API. Transitions are pure: {@link #since()} only
 * moves when {@link #state()} changes, and the last error is kept after recovery (with its time) so
 * a person can see what happened.
 *
 * @param state reachable, unreachable or not yet probed
 * @param since when the cluster entered {@code state}
 * @param lastProbe when the last probe finished, {@code null} before the first
 * @param latency round trip of the last successful {@code GET /version}, {@code null} before one
 * @param kubernetesVersion last version seen, kept while unreachable
 * @param apiReady whether the last successful probe found {@code /readyz} answering 200
 * @param lastError message of the last failure (connection or {@code /readyz}), {@code null} if
 *     none
 * @param lastErrorAt when that failure was seen
 */
public record Reachability(
    State state,
    Instant since,
    Instant lastProbe,
    Duration latency,
    String kubernetesVersion,
    boolean apiReady,
    String lastError,
    Instant lastErrorAt) {

  public enum State {
    UNKNOWN,
    REACHABLE,
    UNREACHABLE
  }

  public static Reachability unknown(Instant now) {
    return new Reachability(State.UNKNOWN, now, null, null, null, false, null, null);
  }

  public boolean reachable() {
    return state == State.REACHABLE;
  }

  /**
   * After a probe whose {@code /version} answered.
   *
   * @param readyError {@code null} if {@code /readyz} answered 200, else why not
   */
  public Reachability afterSuccess(
      Instant now, Duration latency, String version, String readyError) {
    Instant newSince = state == State.REACHABLE ? since : now;
    boolean ready = readyError == null;
    return new Reachability(
        State.REACHABLE,
        newSince,
        now,
        latency,
        version,
        ready,
        ready ? lastError : readyError,
        ready ? lastErrorAt : now);
  }

  /** After a probe that failed to reach the API. */
  public Reachability afterFailure(Instant now, String error) {
    Instant newSince = state == State.UNREACHABLE ? since : now;
    return new Reachability(
        State.UNREACHABLE, newSince, now, latency, kubernetesVersion, false, error, now);
  }
}
