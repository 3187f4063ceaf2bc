package io.kubeward.exec.app;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.exec.domain.ExecCommand;
import io.kubeward.exec.domain.ForwardedPort;
import io.kubeward.exec.domain.PodTarget;
import io.kubeward.exec.domain.TerminalSize;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Use cases: open an exec session in a pod's container, or forward one TCP connection to a pod's
 * port, for the caller and with the caller's identity (ADR 0025).
 *
 * <p>In order: the cluster exists; the administrator has not disabled exec on it ({@code
 * exec.disabled}); Kubeward's check as a change ({@link Verb#MUTATE}: a read-only API token, a
 * token for another namespace, or a non-administrator where Kubeward may not impersonate are
 * refused); then the apiserver decides ({@code pods/exec}, {@code pods/portforward}: {@code get}
 * for a WebSocket upgrade up to Kubernetes 1.34, {@code get} and {@code create} from 1.35). Every
 * attempt writes one {@code exec} / {@code port-forward} audit record (denials and failures
 * included, the container and command or the port in its diff); a session that opened writes one
 * {@code exec.end} / {@code port-forward.end} record when it ends ({@link ExecSession#end}).
 */
public final class OpenExec {

  public static final String EXEC = "exec";
  public static final String PORT_FORWARD = "port-forward";

  private final ClusterReads reads;
  private final ExecSettings settings;
  private final ExecGateway gateway;
  private final AuditedAction audited;
  private final Clock clock;

  public OpenExec(
      ClusterReads reads,
      ExecSettings settings,
      ExecGateway gateway,
      AuditedAction audited,
      Clock clock) {
    this.reads = reads;
    this.settings = settings;
    this.gateway = gateway;
    this.audited = audited;
    this.clock = clock;
  }

  /**
   * @param size the terminal's first size for a TTY session; {@code null} runs without a TTY
   */
  public ExecSession<ExecGateway.ExecConnection> exec(
      Caller caller, PodTarget target, ExecCommand command, @Nullable TerminalSize size) {
    String detail =
        "container: "
            + (target.container() == null ? "(default)" : target.container())
            + "\ncommand: "
            + command.display()
            + "\ntty: "
            + (size != null)
            + "\n";
    AuditedAction.Target audit = auditTarget(target);
    Instant started = clock.instant();
    ExecGateway.ExecConnection connection =
        audited.run(
            caller,
            Verb.MUTATE,
            audit,
            EXEC,
            () -> {
              requireEnabled(target.cluster());
              return new AuditedAction.Outcome<>(
                  gateway.exec(caller, target, command, size), detail);
            });
    return new ExecSession<>(connection, caller, audit, EXEC, detail, started, audited, clock);
  }

  /** Forwards one TCP connection: {@code in} to the pod's port, the port's bytes to {@code out}. */
  public ExecSession<ExecGateway.ForwardConnection> forward(
      Caller caller,
      PodTarget target,
      ForwardedPort port,
      ReadableByteChannel in,
      WritableByteChannel out) {
    String detail = "port: " + port.value() + "\n";
    AuditedAction.Target audit = auditTarget(target);
    Instant started = clock.instant();
    ExecGateway.ForwardConnection connection =
        audited.run(
            caller,
            Verb.MUTATE,
            audit,
            PORT_FORWARD,
            () -> {
              requireEnabled(target.cluster());
              return new AuditedAction.Outcome<>(
                  gateway.forward(caller, target, port, in, out), detail);
            });
    return new ExecSession<>(
        connection, caller, audit, PORT_FORWARD, detail, started, audited, clock);
  }

  private void requireEnabled(String cluster) {
    reads.known(cluster);
    if (!settings.enabled(cluster)) {
      throw new ExecDisabledException(cluster);
    }
  }

  private static AuditedAction.Target auditTarget(PodTarget target) {
    return new AuditedAction.Target(target.cluster(), target.namespace(), "Pod", target.pod());
  }
}
