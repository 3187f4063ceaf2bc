package io.kubeward.alert.app.routing;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.access.domain.Verb;
import io.kubeward.alert.app.AlertHistory;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.domain.HistoryEntry;
import io.kubeward.alert.domain.HistoryKind;
import io.kubeward.alert.domain.routing.LabelMatcher;
import io.kubeward.alert.domain.routing.Silence;
import io.kubeward.alert.domain.routing.SilenceValidation;
import io.kubeward.audit.app.AuditedAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Silences: list and read (administrators all; others those whose {@code cluster="..."} matcher
 * names a cluster they see), create, change and expire (administrators, or a caller who operates
 * the cluster its {@code cluster} matcher names: a Kubeward grant that may change that whole
 * cluster, or where Kubeward impersonates, the cluster's permission to patch nodes). Every change
 * is audited and recorded in the alerting history ({@code SILENCE}).
 */
public final class ManageSilences {

  /** What a person asks a silence to be. */
  public record Request(
      @Nullable List<String> matchers,
      @Nullable Instant startsAt,
      @Nullable Instant endsAt,
      @Nullable String comment) {}

  /** A silence with its state now. */
  public record View(Silence silence, Silence.State state) {}

  /** Who operates a cluster: may patch its nodes. */
  static final ResourceAction OPERATE = ResourceAction.of("patch", "", "nodes", null);

  public static final int MAX_LIST = 1000;

  private final SilenceStore store;
  private final AuditedAction audited;
  private final Authorizer authorizer;
  private final AlertHistory history;
  private final Supplier<String> ids;
  private final Duration maxDuration;
  private final Clock clock;

  public ManageSilences(
      SilenceStore store,
      AuditedAction audited,
      Authorizer authorizer,
      AlertHistory history,
      Supplier<String> ids,
      Duration maxDuration,
      Clock clock) {
    this.store = store;
    this.audited = audited;
    this.authorizer = authorizer;
    this.history = history;
    this.ids = ids;
    this.maxDuration = maxDuration;
    this.clock = clock;
  }

  public List<View> list(Caller caller, Silence.@Nullable State state, int limit) {
    Instant now = clock.instant();
    return store.list(Math.max(1, Math.min(limit, MAX_LIST))).stream()
        .filter(s -> sees(caller, s))
        .map(s -> new View(s, s.state(now)))
        .filter(v -> state == null || v.state() == state)
        .toList();
  }

  public View get(Caller caller, String id) {
    Silence s = store.find(id).filter(x -> sees(caller, x)).orElseThrow(() -> notFound(id));
    return new View(s, s.state(clock.instant()));
  }

  private boolean sees(Caller caller, Silence s) {
    if (Authorizer.isAdmin(caller)) {
      return true;
    }
    Optional<String> cluster = s.cluster();
    return cluster.isPresent() && authorizer.seesCluster(caller, cluster.get());
  }

  public View create(Caller caller, Request request) {
    Instant now = clock.instant();
    List<LabelMatcher> matchers =
        SilenceValidation.check(
            request.matchers(),
            request.startsAt(),
            request.endsAt(),
            request.comment(),
            now,
            maxDuration);
    String cluster = Silence.clusterOf(matchers).orElse(null);
    String id = ids.get();
    return audited.run(
        caller,
        cluster == null ? Verb.ADMINISTER : Verb.MUTATE,
        target(cluster, id),
        "silence.create",
        () -> {
          requireOperates(caller, cluster);
          Instant start =
              request.startsAt() == null || request.startsAt().isBefore(now)
                  ? now
                  : request.startsAt();
          Silence s =
              new Silence(
                  id,
                  matchers.stream().map(LabelMatcher::toString).toList(),
                  start,
                  request.endsAt(),
                  request.comment().strip(),
                  caller.username(),
                  now,
                  null,
                  null);
          store.insert(s);
          record(s, "created by " + caller.username(), now);
          return new AuditedAction.Outcome<>(new View(s, s.state(now)), describe(null, s));
        });
  }

  /** Changes a pending or active silence (its matchers, times, comment). */
  public View update(Caller caller, String id, Request request) {
    Instant now = clock.instant();
    Silence before = store.find(id).filter(x -> sees(caller, x)).orElseThrow(() -> notFound(id));
    List<LabelMatcher> matchers =
        SilenceValidation.check(
            request.matchers(),
            request.startsAt() == null ? before.startsAt() : request.startsAt(),
            request.endsAt(),
            request.comment(),
            now,
            maxDuration);
    String cluster = Silence.clusterOf(matchers).orElse(null);
    String oldCluster = before.cluster().orElse(null);
    return audited.run(
        caller,
        cluster == null || oldCluster == null ? Verb.ADMINISTER : Verb.MUTATE,
        target(cluster, id),
        "silence.update",
        () -> {
          requireOperates(caller, oldCluster);
          requireOperates(caller, cluster);
          if (before.state(now) == Silence.State.EXPIRED) {
            throw new SilenceExpiredException(id);
          }
          Instant start =
              before.state(now) == Silence.State.ACTIVE
                  ? before.startsAt()
                  : (request.startsAt() == null || request.startsAt().isBefore(now)
                      ? now
                      : request.startsAt());
          Silence after =
              new Silence(
                  id,
                  matchers.stream().map(LabelMatcher::toString).toList(),
                  start,
                  request.endsAt(),
                  request.comment().strip(),
                  before.createdBy(),
                  before.createdAt(),
                  caller.username(),
                  now);
          if (!store.update(after)) {
            throw notFound(id);
          }
          record(after, "changed by " + caller.username(), now);
          return new AuditedAction.Outcome<>(
              new View(after, after.state(now)), describe(before, after));
        });
  }

  /** Ends a silence now (an expired one stays as it is). */
  public View expire(Caller caller, String id) {
    Instant now = clock.instant();
    Silence before = store.find(id).filter(x -> sees(caller, x)).orElseThrow(() -> notFound(id));
    String cluster = before.cluster().orElse(null);
    return audited.run(
        caller,
        cluster == null ? Verb.ADMINISTER : Verb.MUTATE,
        target(cluster, id),
        "silence.expire",
        () -> {
          requireOperates(caller, cluster);
          if (before.state(now) == Silence.State.EXPIRED) {
            return new AuditedAction.Outcome<>(new View(before, Silence.State.EXPIRED), null);
          }
          Instant start = before.startsAt().isAfter(now) ? now : before.startsAt();
          Silence after =
              new Silence(
                  id,
                  before.matcherTexts(),
                  start,
                  now,
                  before.comment(),
                  before.createdBy(),
                  before.createdAt(),
                  caller.username(),
                  now);
          store.update(after);
          record(after, "expired by " + caller.username(), now);
          return new AuditedAction.Outcome<>(
              new View(after, Silence.State.EXPIRED), describe(before, after));
        });
  }

  private void requireOperates(Caller caller, @Nullable String cluster) {
    if (Authorizer.isAdmin(caller)) {
      return;
    }
    if (cluster == null) {
      throw new AccessDeniedException(caller.username(), Verb.ADMINISTER, null, null);
    }
    authorizer.require(caller, Verb.MUTATE, cluster, null);
    authorizer.requireAllowed(caller, cluster, OPERATE, "silences");
  }

  private void record(Silence s, String what, Instant now) {
    AlertScope scope = s.cluster().map(AlertScope::ofCluster).orElse(AlertScope.site());
    history.record(
        new HistoryEntry(
            null,
            now,
            scope,
            HistoryKind.SILENCE,
            null,
            null,
            null,
            null,
            null,
            null,
            0,
            null,
            null,
            "silence "
                + s.id()
                + " "
                + what
                + ": "
                + String.join(", ", s.matcherTexts())
                + " until "
                + s.endsAt()
                + " - "
                + s.comment()));
  }

  private static AuditedAction.Target target(@Nullable String cluster, String id) {
    return new AuditedAction.Target(cluster, null, "Silence", id);
  }

  private static String describe(@Nullable Silence before, Silence after) {
    StringBuilder out = new StringBuilder();
    if (before != null) {
      out.append("- ").append(line(before)).append('\n');
    }
    return out.append("+ ").append(line(after)).append('\n').toString();
  }

  private static String line(Silence s) {
    return String.join(", ", s.matcherTexts())
        + " from "
        + s.startsAt()
        + " until "
        + s.endsAt()
        + ": "
        + s.comment();
  }

  private static SilenceNotFoundException notFound(String id) {
    return new SilenceNotFoundException(id);
  }
}
