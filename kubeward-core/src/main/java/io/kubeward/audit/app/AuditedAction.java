package io.kubeward.audit.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.app.TokenScopeException;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.domain.AuditEntry;
import io.kubeward.audit.domain.AuditRecord;
import io.kubeward.common.KubewardException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The authorization and audit boundary of every mutating use case: check the caller's role, run the
 * action, and write exactly one audit record with the outcome (denials and failures included).
 */
public final class AuditedAction {

  private final AuditLog log;
  private final Authorizer authorizer;
  private final Clock clock;

  public AuditedAction(AuditLog log, Authorizer authorizer, Clock clock) {
    this.log = log;
    this.authorizer = authorizer;
    this.clock = clock;
  }

  /** What the action touches. {@code namespace} is {@code null} for cluster-scoped objects. */
  public record Target(String cluster, String namespace, String kind, String name) {}

  /** The action's result and the change it made, as a unified diff (or {@code null}). */
  public record Outcome<T>(T value, String diff) {

    public static <T> Outcome<T> of(T value) {
      return new Outcome<>(value, null);
    }
  }

  @FunctionalInterface
  public interface Action<T> {
    Outcome<T> run();
  }

  /**
   * Authorizes {@code caller} for {@code permission} on {@code target} ({@link Authorizer#require}:
   * where Kubeward impersonates, the cluster itself decides when the action sends the caller's
   * request), runs {@code action}, and audits the attempt as {@code verb} (e.g. "apply", "delete",
   * "secret.reveal").
   */
  public <T> T run(Caller caller, Verb permission, Target target, String verb, Action<T> action) {
    return runRecorded(caller, permission, target, verb, action).value();
  }

  /** An action's value with the sequence number of the audit record written for it. */
  public record Recorded<T>(T value, long auditId) {}

  /**
   * Like {@link #run}, and also says which audit record the success was written as, so that an
   * answer can point at it.
   */
  public <T> Recorded<T> runRecorded(
      Caller caller, Verb permission, Target target, String verb, Action<T> action) {
    try {
      authorizer.require(caller, permission, target.cluster(), target.namespace());
    } catch (KubewardException denied) {
      record(caller, target, verb, null, denied);
      throw denied;
    }
    Outcome<T> outcome;
    try {
      outcome = action.run();
    } catch (RuntimeException failure) {
      record(caller, target, verb, null, failure);
      throw failure;
    }
    AuditRecord stored = record(caller, target, verb, outcome.diff(), null);
    return new Recorded<>(outcome.value(), stored == null ? -1 : stored.sequence());
  }

  /**
   * Runs an action on the caller's own account (sign-in, own password, own tokens) that needs no
   * role, and audits it like {@link #run}: one record with the outcome, failures included.
   */
  public <T> T runOwn(Caller caller, Target target, String verb, Action<T> action) {
    Outcome<T> outcome;
    try {
      outcome = action.run();
    } catch (RuntimeException failure) {
      record(caller, target, verb, null, failure);
      throw failure;
    }
    record(caller, target, verb, outcome.diff(), null);
    return outcome.value();
  }

  /**
   * Like {@link #runOwn}, for a change of the caller's own account (password, API tokens), which a
   * read-only API token may not make; a refusal is audited too.
   */
  public <T> T runOwnChange(Caller caller, Target target, String verb, Action<T> action) {
    try {
      Authorizer.requireOwnChangeAllowed(caller, verb);
    } catch (TokenScopeException denied) {
      record(caller, target, verb, null, denied);
      throw denied;
    }
    return runOwn(caller, target, verb, action);
  }

  private AuditRecord record(
      Caller caller, Target target, String verb, String diff, RuntimeException failure) {
    return log.append(
        new AuditEntry(
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            caller.username(),
            caller.origin(),
            caller.clientAddress(),
            target.cluster(),
            target.namespace(),
            target.kind(),
            target.name(),
            verb,
            diff,
            failure == null ? AuditEntry.Result.SUCCESS : AuditEntry.Result.FAILURE,
            failure == null ? null : describe(failure)));
  }

  private static String describe(RuntimeException failure) {
    if (failure instanceof KubewardException known) {
      return known.code() + ": " + known.getMessage();
    }
    return "internal.error: " + failure.getClass().getSimpleName();
  }
}
