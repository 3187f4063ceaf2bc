package io.kubeward.posture.app;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.posture.domain.Check;
import io.kubeward.posture.domain.ExceptionRequest;
import io.kubeward.posture.domain.PostureException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Use cases: record, list and delete posture exceptions (ADR 0050). Recording and deleting need the
 * Kubeward administrator role and are audited ({@code posture.except}, {@code posture.unexcept}:
 * who, the check, scope, reason and expiry); reading needs only to see the cluster.
 */
public final class ManagePostureExceptions {

  public static final int MAX_LIST = 1000;

  private final ClusterReads reads;
  private final ExceptionStore store;
  private final AuditedAction audited;
  private final PostureSettings settings;
  private final Clock clock;

  public ManagePostureExceptions(
      ClusterReads reads,
      ExceptionStore store,
      AuditedAction audited,
      PostureSettings settings,
      Clock clock) {
    this.reads = reads;
    this.store = store;
    this.audited = audited;
    this.settings = settings;
    this.clock = clock;
  }

  public List<PostureException> list(Caller caller, String cluster) {
    String name = reads.known(cluster).name();
    if (!reads.sees(caller, name)) {
      throw new io.kubeward.access.app.AccessDeniedException(
          caller.username(), Verb.READ, name, null);
    }
    return store.list(name, MAX_LIST);
  }

  public PostureException create(Caller caller, String cluster, ExceptionRequest request) {
    String where =
        request.namespace() == null || request.namespace().isBlank() ? null : request.namespace();
    return audited.run(
        caller,
        Verb.ADMINISTER,
        new AuditedAction.Target(cluster, where, "PostureException", request.check()),
        "posture.except",
        () -> {
          String name = reads.known(cluster).name();
          Instant now = clock.instant();
          List<String> problems = request.problems(now, settings.maxExceptionDuration());
          if (!problems.isEmpty()) {
            throw PostureProblem.invalidException(name, String.join("; ", problems));
          }
          PostureException.Scope scope = PostureException.Scope.fromWire(request.scope());
          boolean object = scope == PostureException.Scope.OBJECT;
          PostureException e =
              new PostureException(
                  UUID.randomUUID().toString(),
                  name,
                  Check.fromWire(request.check()),
                  scope,
                  scope == PostureException.Scope.CLUSTER ? null : where,
                  object ? request.kind() : null,
                  object ? request.name() : null,
                  request.reason().strip(),
                  request.expiresAt().truncatedTo(ChronoUnit.SECONDS),
                  caller.username(),
                  now.truncatedTo(ChronoUnit.MILLIS));
          store.insert(e);
          return new AuditedAction.Outcome<>(e, "+ " + describe(e) + "\n");
        });
  }

  public void delete(Caller caller, String cluster, String id) {
    audited.run(
        caller,
        Verb.ADMINISTER,
        new AuditedAction.Target(cluster, null, "PostureException", id),
        "posture.unexcept",
        () -> {
          String name = reads.known(cluster).name();
          PostureException e =
              store.find(name, id).orElseThrow(() -> PostureProblem.exceptionNotFound(name, id));
          store.delete(name, id);
          return new AuditedAction.Outcome<>(null, "- " + describe(e) + "\n");
        });
  }

  /** The audit line: what, where, why and until when. */
  static String describe(PostureException e) {
    String where =
        switch (e.scope()) {
          case CLUSTER -> "cluster " + e.cluster();
          case NAMESPACE -> "namespace " + e.namespace();
          case OBJECT ->
              e.kind() + " " + (e.namespace() == null ? "" : e.namespace() + "/") + e.name();
        };
    return "exception "
        + e.id()
        + ": check "
        + e.check().wireName()
        + " in "
        + where
        + ", reason \""
        + e.reason()
        + "\", expires "
        + e.expiresAt();
  }
}
