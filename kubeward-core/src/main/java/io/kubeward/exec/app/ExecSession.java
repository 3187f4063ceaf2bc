package io.kubeward.exec.app;

import io.kubeward.access.app.Caller;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import io.kubeward.exec.domain.SessionEnd;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open exec session or port-forward connection: its connection to the pod and its start, and the
 * one {@code .end} audit record written when it ends (at most once, whoever ends it).
 */
public final class ExecSession<C extends AutoCloseable> {

  private final C connection;
  private final Caller caller;
  private final AuditedAction.Target target;
  private final String verb;
  private final String detail;
  private final Instant started;
  private final AuditedAction audited;
  private final Clock clock;
  private final AtomicBoolean ended = new AtomicBoolean();

  ExecSession(
      C connection,
      Caller caller,
      AuditedAction.Target target,
      String verb,
      String detail,
      Instant started,
      AuditedAction audited,
      Clock clock) {
    this.connection = connection;
    this.caller = caller;
    this.target = target;
    this.verb = verb;
    this.detail = detail;
    this.started = started;
    this.audited = audited;
    this.clock = clock;
  }

  public C connection() {
    return connection;
  }

  public Instant started() {
    return started;
  }

  /**
   * Closes the connection and writes the end record ({@code exec.end}, {@code port-forward.end})
   * with start, end, reason, exit code and bytes; a second call does nothing.
   *
   * @return the end as recorded, or {@code null} if the session had ended already
   */
  public SessionEnd end(
      String reason, Integer exitCode, long bytesIn, long bytesOut, String error) {
    if (!ended.compareAndSet(false, true)) {
      return null;
    }
    try {
      connection.close();
    } catch (Exception ignored) {
      // closing a connection that failed already
    }
    SessionEnd end =
        new SessionEnd(started, clock.instant(), reason, exitCode, bytesIn, bytesOut, error);
    try {
      audited.runOwn(
          caller,
          target,
          verb + ".end",
          () -> {
            if (end.failed()) {
              throw new SessionFailed(end.error());
            }
            return new AuditedAction.Outcome<>(null, detail + end.describe());
          });
    } catch (SessionFailed recorded) {
      // recorded as the end's failure
    }
    return end;
  }

  /** The failure of a session, as its end record's result. */
  static final class SessionFailed extends KubewardException {
    SessionFailed(String error) {
      super("exec.failed", ErrorKind.UNAVAILABLE, error, Map.of("error", error));
    }
  }
}
