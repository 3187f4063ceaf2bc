package io.kubeward.release.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.release.domain.PromqlApproval;
import io.kubeward.release.domain.ReleaseObject;
import io.kubeward.release.domain.ReleaseProblem;
import io.kubeward.release.domain.ReleaseRequests;
import io.kubeward.release.domain.ReleaseSpec;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Use cases: Releases as the caller sees and changes them (ADR 0035). Every request goes to the
 * cluster with the caller's identity ({@link ReleaseStore}), every change is audited, and a Release
 * is validated by the one {@link ReleaseValidation} before it is written. Creating or replacing one
 * also asks the cluster whether the caller may change the Deployment and the Services it names: the
 * controller acts with Kubeward's rights, so Kubeward must not lend them. A Release with {@code
 * promql} checks further needs a caller who may query Prometheus ({@link PromqlPermission}, ADR
 * 0021); Kubeward then stamps it ({@link PromqlApproval}) and the controller runs its queries only
 * while the stamp verifies.
 */
public final class ManageReleases {

  private final ClusterReads reads;
  private final Authorizer authorizer;
  private final AuditedAction audited;
  private final ReleaseStore store;
  private final ReleaseValidation validation;
  private final PromqlPermission promqlPermission;
  private final PromqlApproval promqlApproval;
  private final Clock clock;

  public ManageReleases(
      ClusterReads reads,
      Authorizer authorizer,
      AuditedAction audited,
      ReleaseStore store,
      ReleaseValidation validation,
      PromqlPermission promqlPermission,
      PromqlApproval promqlApproval,
      Clock clock) {
    this.reads = reads;
    this.authorizer = authorizer;
    this.audited = audited;
    this.store = store;
    this.validation = validation;
    this.promqlPermission = promqlPermission;
    this.promqlApproval = promqlApproval;
    this.clock = clock;
  }

  /** The validator's answer. */
  public record ReleaseVerdict(boolean valid, List<ReleaseProblem> problems) {}

  public List<ReleaseView> list(Caller caller, String cluster, @Nullable String namespace) {
    reads.known(cluster);
    authorizer.require(caller, Verb.READ, cluster, namespace);
    return store.list(caller, cluster, namespace).stream()
        .map(ReleaseView::of)
        .sorted(Comparator.comparing(ReleaseView::namespace).thenComparing(ReleaseView::name))
        .toList();
  }

  public ReleaseView get(Caller caller, String cluster, String namespace, String name) {
    reads.known(cluster);
    authorizer.require(caller, Verb.READ, cluster, namespace);
    return store
        .get(caller, cluster, namespace, name)
        .map(ReleaseView::of)
        .orElseThrow(() -> new ReleaseNotFoundException(cluster, namespace, name));
  }

  public ReleaseVerdict validate(@Nullable String name, @Nullable ReleaseSpec spec) {
    return validate(name, spec, Locale.ENGLISH);
  }

  /** The validator's answer, its texts in the locale's language (English or 简体中文). */
  public ReleaseVerdict validate(
      @Nullable String name, @Nullable ReleaseSpec spec, @Nullable Locale locale) {
    List<ReleaseProblem> problems = validation.validate(name == null ? "" : name, spec, locale);
    return new ReleaseVerdict(problems.isEmpty(), problems);
  }

  /** Creates or replaces a Release; audited as {@code release.apply}. */
  public ReleaseView apply(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      @Nullable ReleaseSpec spec,
      @Nullable String resourceVersion) {
    return apply(caller, cluster, namespace, name, spec, resourceVersion, Locale.ENGLISH);
  }

  /**
   * Creates or replaces a Release; audited as {@code release.apply}; validation texts in the
   * locale's language.
   *
   * @throws PromqlForbiddenException if the spec has {@code promql} checks and the caller may not
   *     query the cluster's Prometheus
   */
  public ReleaseView apply(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      @Nullable ReleaseSpec spec,
      @Nullable String resourceVersion,
      @Nullable Locale locale) {
    reads.known(cluster);
    return audited.run(
        caller,
        Verb.MUTATE,
        target(cluster, namespace, name),
        "release.apply",
        () -> {
          List<ReleaseProblem> problems = validation.validate(name, spec, locale);
          if (!problems.isEmpty()) {
            throw new InvalidReleaseException(problems);
          }
          requireRightsOfTheController(caller, cluster, namespace, spec);
          String stamp = null;
          if (PromqlApproval.needsApproval(spec)) {
            if (!promqlPermission.allowed(caller, cluster)) {
              throw new PromqlForbiddenException(caller.username(), cluster, namespace);
            }
            stamp = promqlApproval.stamp(namespace, name, spec);
          }
          return AuditedAction.Outcome.of(
              ReleaseView.of(
                  store.apply(caller, cluster, namespace, name, spec, resourceVersion, stamp)));
        });
  }

  /**
   * The controller will change the Deployment (template, replicas) and Services (selectors): the
   * caller must be allowed to do so themselves.
   */
  private void requireRightsOfTheController(
      Caller caller, String cluster, String namespace, ReleaseSpec spec) {
    authorizer.requireAllowed(
        caller,
        cluster,
        new ResourceAction("patch", "apps", "deployments", null, namespace, spec.deployment()),
        "a Release of Deployment " + spec.deployment());
    authorizer.requireAllowed(
        caller,
        cluster,
        ResourceAction.of("create", "apps", "deployments", namespace),
        "a Release (it creates the new version's Deployment)");
    authorizer.requireAllowed(
        caller,
        cluster,
        ResourceAction.of("update", "", "services", namespace),
        "a Release (it changes Service selectors)");
  }

  public void delete(Caller caller, String cluster, String namespace, String name) {
    reads.known(cluster);
    audited.run(
        caller,
        Verb.MUTATE,
        target(cluster, namespace, name),
        "release.delete",
        () -> {
          if (!store.delete(caller, cluster, namespace, name)) {
            throw new ReleaseNotFoundException(cluster, namespace, name);
          }
          return AuditedAction.Outcome.of(null);
        });
  }

  /** Promote past the current step, or all of them ({@code full}); audited. */
  public ReleaseView promote(
      Caller caller, String cluster, String namespace, String name, boolean full) {
    String token = token() + (full ? ReleaseRequests.FULL_SUFFIX : "");
    return request(caller, cluster, namespace, name, ReleaseRequests.PROMOTE, token);
  }

  public ReleaseView abort(Caller caller, String cluster, String namespace, String name) {
    return request(caller, cluster, namespace, name, ReleaseRequests.ABORT, token());
  }

  public ReleaseView retry(Caller caller, String cluster, String namespace, String name) {
    return request(caller, cluster, namespace, name, ReleaseRequests.RETRY, token());
  }

  public ReleaseView pause(Caller caller, String cluster, String namespace, String name) {
    return paused(caller, cluster, namespace, name, true);
  }

  public ReleaseView resume(Caller caller, String cluster, String namespace, String name) {
    return paused(caller, cluster, namespace, name, false);
  }

  private ReleaseView paused(
      Caller caller, String cluster, String namespace, String name, boolean paused) {
    reads.known(cluster);
    return audited.run(
        caller,
        Verb.MUTATE,
        target(cluster, namespace, name),
        paused ? "release.pause" : "release.resume",
        () -> {
          store
              .get(caller, cluster, namespace, name)
              .orElseThrow(() -> new ReleaseNotFoundException(cluster, namespace, name));
          return AuditedAction.Outcome.of(
              ReleaseView.of(store.setPaused(caller, cluster, namespace, name, paused)));
        });
  }

  private ReleaseView request(
      Caller caller, String cluster, String namespace, String name, String request, String token) {
    reads.known(cluster);
    return audited.run(
        caller,
        Verb.MUTATE,
        target(cluster, namespace, name),
        "release." + request,
        () -> {
          store
              .get(caller, cluster, namespace, name)
              .orElseThrow(() -> new ReleaseNotFoundException(cluster, namespace, name));
          ReleaseObject o =
              store.annotate(
                  caller,
                  cluster,
                  namespace,
                  name,
                  Map.of(ReleaseRequests.annotation(request), token));
          return AuditedAction.Outcome.of(ReleaseView.of(o));
        });
  }

  /** A request token: unique per request (time and randomness). */
  private String token() {
    return clock.millis() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
  }

  private static AuditedAction.Target target(String cluster, String namespace, String name) {
    return new AuditedAction.Target(cluster, namespace, "Release", name);
  }
}
