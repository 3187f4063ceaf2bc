package io.kubeward.release.reconcile;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.release.app.ReleaseAnalysis;
import io.kubeward.release.app.ReleaseValidation;
import io.kubeward.release.app.TrafficRouter;
import io.kubeward.release.domain.AnalysisCheck;
import io.kubeward.release.domain.AnalysisPhase;
import io.kubeward.release.domain.AnalysisProgress;
import io.kubeward.release.domain.AnalysisSubject;
import io.kubeward.release.domain.CanaryMachine;
import io.kubeward.release.domain.CanarySteps;
import io.kubeward.release.domain.PromqlApproval;
import io.kubeward.release.domain.ReleaseLabels;
import io.kubeward.release.domain.ReleaseObject;
import io.kubeward.release.domain.ReleasePhase;
import io.kubeward.release.domain.ReleaseProblem;
import io.kubeward.release.domain.ReleaseReason;
import io.kubeward.release.domain.ReleaseRequests;
import io.kubeward.release.domain.ReleaseSpec;
import io.kubeward.release.domain.ReleaseStatus;
import io.kubeward.release.domain.ReleaseStepException;
import io.kubeward.release.domain.ReplicaPlan;
import io.kubeward.release.domain.RouterPresence;
import io.kubeward.release.domain.TrafficSplit;
import io.kubeward.release.domain.TrafficTarget;
import io.kubeward.release.kube.ReleaseResources;
import io.kubeward.release.kube.ReleaseWorkloads;
import io.kubeward.runtime.app.EventTarget;
import io.kubeward.runtime.app.ReconcileContext;
import io.kubeward.runtime.app.Reconciler;
import io.kubeward.runtime.domain.Conditions;
import io.kubeward.runtime.domain.Result;
import io.kubeward.runtime.kube.ControllerSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Release controller on the controller runtime (ADR 0014, 0035), leader only. Each pass is a
 * chain of small named steps — validate, routers, requests, finished, start, then the strategy's
 * current step — and does at most one status transition: the transition is written first (the
 * status is the write-ahead log), the next pass (queued at once) performs its idempotent effects.
 * So a restarted controller, or another replica after a failover, derives every action from the
 * spec, the status and the cluster's objects, and never acts twice.
 */
public final class ReleaseController implements Reconciler<ReleaseObject> {

  public static final String NAME = "releases";
  public static final String FINALIZER = "kubeward.io/release-cleanup";

  /** Blue-green steps recorded in {@code status.currentStep}. */
  static final int BG_GREEN = 0;

  static final int BG_READY = 1;
  static final int BG_SWITCHED = 2;
  static final int BG_SCALED_DOWN = 3;

  private final String cluster;
  private final KubernetesClient client;
  private final ReleaseWorkloads workloads;
  private final ReleaseValidation validation;
  private final ReleaseAnalysis analysis;
  private final PromqlApproval approval;
  private final ReleaseSettings settings;

  ReleaseController(
      String cluster,
      KubernetesClient client,
      ReleaseValidation validation,
      ReleaseAnalysis analysis,
      PromqlApproval approval,
      ReleaseSettings settings) {
    this.cluster = cluster;
    this.client = client;
    this.workloads = new ReleaseWorkloads(client);
    this.validation = validation;
    this.analysis = analysis;
    this.approval = approval;
    this.settings = settings;
  }

  /** The controller as the runtime runs it. */
  public static ControllerSpec<ReleaseObject> spec(
      ReleaseValidation validation,
      ReleaseAnalysis analysis,
      PromqlApproval approval,
      ReleaseSettings settings) {
    return spec(() -> validation, () -> analysis, approval, settings);
  }

  /**
   * The controller, its collaborators looked up when a cluster's controller is built (so the
   * analysis' dependencies may themselves depend on the controller runtime: no bean cycle).
   */
  public static ControllerSpec<ReleaseObject> spec(
      Supplier<ReleaseValidation> validation,
      Supplier<ReleaseAnalysis> analysis,
      PromqlApproval approval,
      ReleaseSettings settings) {
    return new ControllerSpec<>(
        NAME,
        ReleaseResources.CONTEXT,
        ReleaseResources::toRelease,
        FINALIZER,
        ReleaseResources.CRD,
        binding ->
            new ReleaseController(
                binding.cluster(),
                binding.systemClient(),
                validation.get(),
                analysis.get(),
                approval,
                settings));
  }

  /** One pass's view: the object, the time, and the status as it is being changed. */
  private final class Pass {
    final ReleaseObject release;
    final ReconcileContext context;
    final Instant now;
    final ReleaseSpec spec;

    Pass(ReleaseObject release, ReconcileContext context) {
      this.release = release;
      this.context = context;
      this.now = context.clock().instant();
      this.spec = release.spec();
    }

    ReleaseStatus status() {
      return release.status();
    }

    void event(ReleaseReason reason, boolean warning, String message) {
      context
          .events()
          .record(
              new EventTarget(
                  ReleaseResources.API_VERSION,
                  ReleaseResources.KIND,
                  release.namespace(),
                  release.name()),
              reason,
              warning,
              message);
    }

    /** Writes {@code next} when it differs from the status read; true when written. */
    boolean write(ReleaseStatus next) {
      ReleaseStatus withGeneration =
          next.toBuilder().observedGeneration(release.generation()).build();
      if (withGeneration.equals(release.status())) {
        return false;
      }
      client
          .genericKubernetesResources(ReleaseResources.CONTEXT)
          .inNamespace(release.namespace())
          .resource(ReleaseResources.withStatus(release, withGeneration))
          .updateStatus();
      return true;
    }

    ReleaseStatus.Builder condition(
        ReleaseStatus.Builder b, String type, boolean holds, ReleaseReason reason, String message) {
      return b.conditions(
          Conditions.set(
              b.build().conditions(), type, holds, reason, message, now, release.generation()));
    }
  }

  @Override
  public Result reconcile(ReleaseObject release, ReconcileContext context) {
    Pass pass = new Pass(release, context);
    try {
      return validate(pass)
          .or(() -> promqlApproved(pass))
          .or(() -> routers(pass))
          .or(() -> requests(pass))
          .or(() -> finished(pass))
          .or(() -> start(pass))
          .or(() -> paused(pass))
          .orElseGet(() -> strategy(pass));
    } catch (ReleaseStepException e) {
      if (e.retryable()) {
        throw e;
      }
      return degrade(pass, e.reason(), e.getMessage());
    }
  }

  // ------------------------------------------------------------------ common steps

  /** Step: the one validator; an invalid Release is left alone with {@code Accepted=False}. */
  private Optional<Result> validate(Pass pass) {
    List<ReleaseProblem> problems = validation.validate(pass.release.name(), pass.spec);
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    String message =
        problems.stream().map(ReleaseProblem::toString).collect(Collectors.joining("; "));
    if (message.length() > 2_000) {
      message = message.substring(0, 2_000) + "…";
    }
    ReleaseStatus.Builder b = pass.status().toBuilder();
    pass.condition(b, ReleaseReason.ACCEPTED, false, ReleaseReason.Invalid, message);
    if (pass.write(b.build())) {
      pass.event(ReleaseReason.Invalid, true, message);
    }
    return Optional.of(Result.done());
  }

  /**
   * Step: {@code promql} checks run only with a valid PromQL approval stamp (ADR 0035: PromQL reads
   * every namespace's data; the stamp says someone allowed to query Prometheus wrote these queries
   * through Kubeward). Without it the Release is left alone with {@code Accepted=False}.
   */
  private Optional<Result> promqlApproved(Pass pass) {
    List<String> queries = PromqlApproval.queries(pass.spec);
    if (queries.isEmpty()
        || approval.verifies(
            pass.release.namespace(),
            pass.release.name(),
            queries,
            pass.release.annotations().get(PromqlApproval.ANNOTATION))) {
      return Optional.empty();
    }
    String message = PROMQL_NOT_APPROVED;
    ReleaseStatus.Builder b = pass.status().toBuilder();
    pass.condition(b, ReleaseReason.ACCEPTED, false, ReleaseReason.PromqlNotApproved, message);
    if (pass.write(b.build())) {
      pass.event(ReleaseReason.PromqlNotApproved, true, message);
    }
    return Optional.of(Result.done());
  }

  static final String PROMQL_NOT_APPROVED =
      "promql checks run only when the Release was created or replaced through Kubeward (console,"
          + " API or CLI) by someone allowed to query the cluster's Prometheus: PromQL reads every"
          + " namespace's data; ask such a person to apply it (the approval annotation "
          + PromqlApproval.ANNOTATION
          + " is missing or does not match the queries)";

  /** Step: the router must be present on the cluster; otherwise nothing is done. */
  private Optional<Result> routers(Pass pass) {
    if (pass.spec.strategy().canary() == null) {
      return Optional.empty();
    }
    String type = pass.spec.strategy().canary().routing().type();
    TrafficRouter router = validation.router(type).orElseThrow();
    RouterPresence presence = router.presence(cluster);
    ReleaseStatus.Builder b = pass.status().toBuilder().routers(List.of(presence));
    if (!presence.present()) {
      pass.condition(
          b,
          ReleaseReason.ACCEPTED,
          false,
          ReleaseReason.RouterNotPresent,
          type + ": " + presence.reason());
      if (pass.write(b.build())) {
        pass.event(ReleaseReason.RouterNotPresent, true, type + ": " + presence.reason());
      }
      return Optional.of(Result.requeueAfter(settings.resync()));
    }
    pass.condition(b, ReleaseReason.ACCEPTED, true, ReleaseReason.Valid, "valid");
    if (pass.write(b.build())) {
      return Optional.of(Result.now());
    }
    return Optional.empty();
  }

  /** Step: requests of people (annotations): retry, abort, promote; each acted on once. */
  private Optional<Result> requests(Pass pass) {
    ReleaseStatus status = pass.status();
    Optional<String> retry = ReleaseRequests.pending(pass.release, ReleaseRequests.RETRY);
    if (retry.isPresent()) {
      ReleaseStatus.Builder b = status.toBuilder().handled(ReleaseRequests.RETRY, retry.get());
      if (status.phaseOr() == ReleasePhase.Degraded || status.phaseOr() == ReleasePhase.Aborted) {
        b.phase(ReleasePhase.Progressing)
            .currentStep(0)
            .canaryWeight(0)
            .stepStartedAt(pass.now)
            .abort(null)
            .analysis(null)
            .backgroundAnalysis(null)
            .switchedAt(null)
            .message("retried: starting again at step 0");
        pass.condition(b, ReleaseReason.HEALTHY, true, ReleaseReason.Retried, "retried");
        pass.condition(b, ReleaseReason.PROGRESSING, true, ReleaseReason.Retried, "step 0");
        pass.write(b.build());
        pass.event(ReleaseReason.Retried, false, "retried: starting again at step 0");
      } else {
        pass.write(b.build());
      }
      return Optional.of(Result.now());
    }
    Optional<String> abort = ReleaseRequests.pending(pass.release, ReleaseRequests.ABORT);
    if (abort.isPresent()) {
      if (status.phaseOr().finished()) {
        pass.write(status.toBuilder().handled(ReleaseRequests.ABORT, abort.get()).build());
        return Optional.of(Result.now());
      }
      return Optional.of(
          abort(
              pass,
              status.toBuilder().handled(ReleaseRequests.ABORT, abort.get()),
              ReleasePhase.Degraded,
              ReleaseReason.Aborted.name(),
              "aborted by a user"));
    }
    Optional<String> promote = ReleaseRequests.pending(pass.release, ReleaseRequests.PROMOTE);
    if (promote.isPresent() && status.started() && !status.phaseOr().finished()) {
      boolean full = ReleaseRequests.full(promote.get());
      if (pass.spec.strategy().canary() != null) {
        int count = pass.spec.strategy().canary().stepsOrEmpty().size();
        int next = CanarySteps.promotedStep(status.step(), count, full);
        ReleaseStatus.Builder b =
            status.toBuilder()
                .handled(ReleaseRequests.PROMOTE, promote.get())
                .currentStep(next)
                .canaryWeight(
                    next >= count
                        ? status.weight()
                        : CanarySteps.weightBefore(
                            pass.spec.strategy().canary().stepsOrEmpty(), next))
                .stepStartedAt(pass.now)
                .phase(ReleasePhase.Progressing)
                .message(full ? "promoted to 100 %" : "promoted past step " + status.step());
        pass.condition(b, ReleaseReason.PAUSED, false, ReleaseReason.PromotionRequested, "");
        pass.write(b.build());
        pass.event(
            ReleaseReason.PromotionRequested,
            false,
            full ? "full promotion requested" : "promotion past step " + status.step());
        return Optional.of(Result.now());
      }
      if (status.step() == BG_READY) {
        ReleaseStatus.Builder b =
            status.toBuilder()
                .handled(ReleaseRequests.PROMOTE, promote.get())
                .currentStep(BG_SWITCHED)
                .switchedAt(pass.now)
                .stepStartedAt(pass.now)
                .phase(ReleasePhase.Promoting)
                .message("promoted: the active Service selects the new pods");
        pass.write(b.build());
        pass.event(ReleaseReason.PromotionRequested, false, "promotion requested");
        return Optional.of(Result.now());
      }
      // blue-green: the request stays pending until the new pods are ready
    }
    return Optional.empty();
  }

  /** Step: a finished Release only keeps its end state (an aborted one stays rolled back). */
  private Optional<Result> finished(Pass pass) {
    ReleasePhase phase = pass.status().phaseOr();
    if (!phase.finished()) {
      return Optional.empty();
    }
    if (phase != ReleasePhase.Succeeded && pass.status().started()) {
      rollBack(pass);
    }
    return Optional.of(Result.done());
  }

  /** Step: record the start (total replicas, stable hash) before anything changes. */
  private Optional<Result> start(Pass pass) {
    if (pass.status().started()) {
      return Optional.empty();
    }
    Optional<Deployment> target =
        workloads.deployment(pass.release.namespace(), pass.spec.deployment());
    if (target.isEmpty()) {
      ReleaseStatus.Builder b = pass.status().toBuilder().phase(ReleasePhase.Pending);
      String message = "no Deployment " + pass.spec.deployment();
      pass.condition(b, ReleaseReason.ACCEPTED, false, ReleaseReason.DeploymentNotFound, message);
      if (pass.write(b.build())) {
        pass.event(ReleaseReason.DeploymentNotFound, true, message);
      }
      return Optional.of(Result.requeueAfter(settings.resync()));
    }
    Optional<String> hash = workloads.currentHash(target.get());
    if (hash.isEmpty()) {
      return Optional.of(Result.requeueAfter(settings.readinessPoll()));
    }
    int total =
        target.get().getSpec().getReplicas() == null ? 1 : target.get().getSpec().getReplicas();
    ReleaseStatus.Builder b =
        pass.status().toBuilder()
            .phase(ReleasePhase.Progressing)
            .currentStep(0)
            .startedAt(pass.now)
            .stepStartedAt(pass.now)
            .canaryWeight(0)
            .totalReplicas(total)
            .stableHash(hash.get())
            .message("started with " + total + " replicas");
    pass.condition(b, ReleaseReason.ACCEPTED, true, ReleaseReason.Valid, "valid");
    pass.condition(b, ReleaseReason.PROGRESSING, true, ReleaseReason.Started, "step 0");
    pass.condition(b, ReleaseReason.HEALTHY, true, ReleaseReason.Started, "");
    pass.write(b.build());
    pass.event(
        ReleaseReason.Started,
        false,
        "started: " + total + " replicas of " + pass.spec.deployment() + " at " + hash.get());
    return Optional.of(Result.now());
  }

  /** Step: {@code spec.paused} holds everything where it is. */
  private Optional<Result> paused(Pass pass) {
    ReleaseStatus status = pass.status();
    boolean pausedBySpec = pass.spec.pausedOrFalse();
    boolean conditionPaused =
        Conditions.find(status.conditions(), ReleaseReason.PAUSED)
            .map(c -> c.holds() && ReleaseReason.Paused.name().equals(c.reason()))
            .orElse(false);
    if (pausedBySpec) {
      ReleaseStatus.Builder b = status.toBuilder().phase(ReleasePhase.Paused);
      pass.condition(b, ReleaseReason.PAUSED, true, ReleaseReason.Paused, "spec.paused is true");
      if (pass.write(b.build())) {
        pass.event(ReleaseReason.Paused, false, "paused");
      }
      return Optional.of(Result.done());
    }
    if (conditionPaused) {
      ReleaseStatus.Builder b = status.toBuilder().phase(ReleasePhase.Progressing);
      pass.condition(b, ReleaseReason.PAUSED, false, ReleaseReason.Resumed, "");
      pass.write(b.build());
      pass.event(ReleaseReason.Resumed, false, "resumed");
      return Optional.of(Result.now());
    }
    return Optional.empty();
  }

  private Result strategy(Pass pass) {
    return pass.spec.strategy().canary() != null ? canary(pass) : blueGreen(pass);
  }

  // ------------------------------------------------------------------ canary

  private TrafficTarget target(Pass pass) {
    ReleaseSpec.CanaryStrategy c = pass.spec.strategy().canary();
    String stable =
        c != null ? c.stableService() : pass.spec.strategy().blueGreen().activeService();
    String canary =
        c != null
            ? (c.canaryService() == null ? stable : c.canaryService())
            : pass.spec.strategy().blueGreen().previewService();
    return new TrafficTarget(
        pass.release.namespace(),
        pass.release.name(),
        c == null ? io.kubeward.release.domain.TrafficRouting.REPLICA_RATIO : c.routing(),
        stable,
        canary,
        pass.spec.deployment(),
        ReleaseWorkloads.canaryName(pass.spec.deployment(), pass.release.name()),
        pass.status().totalReplicas());
  }

  private TrafficRouter router(Pass pass) {
    return validation.router(pass.spec.strategy().canary().routing().type()).orElseThrow();
  }

  private Result canary(Pass pass) {
    ReleaseSpec.CanaryStrategy c = pass.spec.strategy().canary();
    ReleaseStatus status = pass.status();
    List<ReleaseSpec.CanaryStep> steps = c.stepsOrEmpty();
    int total = status.totalReplicas();
    Deployment target = targetDeployment(pass);
    // ensure: the canary at the recorded weight, the traffic as the recorded step says
    if (status.phaseOr() != ReleasePhase.Promoting) {
      ReplicaPlan plan = ReplicaPlan.of(total, status.weight());
      if (!"replicaRatio".equals(c.routing().type()) && c.canaryService() != null) {
        Service stableService =
            workloads
                .service(pass.release.namespace(), c.stableService())
                .orElseThrow(
                    () ->
                        new ReleaseStepException(
                            "ServiceNotFound", "no Service " + c.stableService(), false));
        workloads.ensureService(
            pass.release,
            c.canaryService(),
            stableService,
            ReleaseWorkloads.canarySelector(target, pass.release.name()));
      }
      Deployment canary =
          workloads.ensureCanary(
              pass.release, target, plan.canary(), c.maxSurge(), c.maxUnavailable());
      router(pass)
          .apply(
              cluster,
              target(pass),
              new TrafficSplit(
                  CanarySteps.weightBefore(steps, status.step()),
                  CanarySteps.headerRouteBefore(steps, status.step())));
      if (status.canaryHash() == null) {
        Optional<String> hash = workloads.currentHash(canary);
        if (hash.isPresent()) {
          pass.write(status.toBuilder().canaryHash(hash.get()).build());
          return Result.now();
        }
      }
      Optional<Result> background = backgroundAnalysis(pass, c);
      if (background.isPresent()) {
        return background.get();
      }
    }
    int canaryReady =
        workloads
            .deployment(pass.release.namespace(), target(pass).canaryDeployment())
            .map(ReleaseWorkloads::ready)
            .orElse(0);
    CanaryMachine.Action next =
        CanaryMachine.next(
            c, status, new CanaryMachine.Observed(canaryReady), deadline(pass), pass.now);
    return soonerForBackground(pass, act(pass, c, steps, target, next));
  }

  /** A running background analysis is looked at again when its next measurement is due. */
  private Result soonerForBackground(Pass pass, Result result) {
    AnalysisProgress background = pass.status().backgroundAnalysis();
    if (background == null || background.phase().done() || background.nextAt() == null) {
      return result;
    }
    Duration due = Duration.between(pass.now, background.nextAt());
    return result.again().map(d -> d.compareTo(due) <= 0).orElse(false)
        ? result
        : Result.requeueAfter(due);
  }

  private Result act(
      Pass pass,
      ReleaseSpec.CanaryStrategy c,
      List<ReleaseSpec.CanaryStep> steps,
      Deployment target,
      CanaryMachine.Action next) {
    ReleaseStatus status = pass.status();
    return switch (next) {
      case CanaryMachine.Promote p -> promoteCanary(pass, target);
      case CanaryMachine.RecordWeight r -> recordWeight(pass, r.weight());
      case CanaryMachine.WaitForPods w ->
          w.exceeded()
              ? abort(
                  pass,
                  status.toBuilder(),
                  ReleasePhase.Degraded,
                  ReleaseReason.ProgressDeadlineExceeded.name(),
                  w.ready() + " of " + w.wanted() + " canary pods ready at " + w.deadline())
              : Result.requeueAfter(settings.readinessPoll());
      case CanaryMachine.ShiftAndAdvance s -> {
        router(pass)
            .apply(
                cluster,
                target(pass),
                new TrafficSplit(s.weight(), CanarySteps.headerRouteBefore(steps, status.step())));
        yield advance(
            pass,
            ReleaseReason.WeightSet,
            "weight "
                + s.weight()
                + " % ("
                + s.plan().canary()
                + " canary, "
                + s.plan().stable()
                + " stable)");
      }
      case CanaryMachine.PauseUntilPromoted p -> pauseUntilPromoted(pass);
      case CanaryMachine.PauseUntil u -> pauseUntil(pass, u.end());
      case CanaryMachine.Advance a -> advance(pass, a.reason(), a.message());
      case CanaryMachine.Analyse a -> analyse(pass, a.checks(), a.previous());
      case CanaryMachine.Hold h -> Result.done();
    };
  }

  private Duration deadline(Pass pass) {
    return ReleaseValidation.durationOr(
        pass.spec.progressDeadline(), ReleaseValidation.DEFAULT_PROGRESS_DEADLINE);
  }

  private Deployment targetDeployment(Pass pass) {
    return workloads
        .deployment(pass.release.namespace(), pass.spec.deployment())
        .orElseThrow(
            () ->
                new ReleaseStepException(
                    ReleaseReason.DeploymentNotFound.name(),
                    "the Deployment " + pass.spec.deployment() + " is gone",
                    false));
  }

  /** The next step, recorded with its start time. */
  private Result advance(Pass pass, ReleaseReason reason, String message) {
    int next = pass.status().step() + 1;
    ReleaseStatus.Builder b =
        pass.status().toBuilder()
            .currentStep(next)
            .stepStartedAt(pass.now)
            .phase(ReleasePhase.Progressing)
            .message(message);
    pass.condition(b, ReleaseReason.PROGRESSING, true, reason, message);
    pass.condition(b, ReleaseReason.PAUSED, false, reason, "");
    pass.write(b.build());
    pass.event(reason, false, "step " + pass.status().step() + ": " + message);
    return Result.now();
  }

  /** Step setWeight: the weight is recorded first; the canary is scaled from the record. */
  private Result recordWeight(Pass pass, int weight) {
    ReleaseStatus status = pass.status();
    ReleaseStatus.Builder b = status.toBuilder().canaryWeight(weight);
    pass.condition(
        b, ReleaseReason.PROGRESSING, true, ReleaseReason.StepStarted, "setWeight " + weight);
    pass.write(b.build());
    pass.event(ReleaseReason.StepStarted, false, "step " + status.step() + ": setWeight " + weight);
    return Result.now();
  }

  /** Waiting for pods, within the progress deadline since the step started. */
  private Result waitForPods(Pass pass, String what) {
    Duration deadline =
        ReleaseValidation.durationOr(
            pass.spec.progressDeadline(), ReleaseValidation.DEFAULT_PROGRESS_DEADLINE);
    Instant since =
        pass.status().stepStartedAt() == null ? pass.now : pass.status().stepStartedAt();
    if (pass.now.isAfter(since.plus(deadline))) {
      return abort(
          pass,
          pass.status().toBuilder(),
          ReleasePhase.Degraded,
          ReleaseReason.ProgressDeadlineExceeded.name(),
          what + " after " + deadline.toSeconds() + "s");
    }
    return Result.requeueAfter(settings.readinessPoll());
  }

  /** Step pause without a duration: until promoted. */
  private Result pauseUntilPromoted(Pass pass) {
    ReleaseStatus status = pass.status();
    ReleaseStatus.Builder b =
        status.toBuilder().phase(ReleasePhase.Paused).message("paused until promoted");
    pass.condition(b, ReleaseReason.PAUSED, true, ReleaseReason.StepStarted, "until promoted");
    if (pass.write(b.build())) {
      pass.event(ReleaseReason.Paused, false, "step " + status.step() + ": paused until promoted");
    }
    return Result.done();
  }

  /** Step pause with a duration that is not over. */
  private Result pauseUntil(Pass pass, Instant end) {
    ReleaseStatus status = pass.status();
    ReleaseStatus.Builder b =
        status.toBuilder().phase(ReleasePhase.Paused).message("paused until " + end);
    pass.condition(b, ReleaseReason.PAUSED, true, ReleaseReason.StepStarted, "until " + end);
    if (pass.write(b.build())) {
      pass.event(ReleaseReason.Paused, false, "step " + status.step() + ": paused until " + end);
    }
    return Result.requeueAfter(Duration.between(pass.now, end));
  }

  private AnalysisSubject subject(Pass pass) {
    Deployment target = targetDeployment(pass);
    Map<String, String> canary = ReleaseWorkloads.canarySelector(target, pass.release.name());
    Map<String, String> stable =
        new LinkedHashMap<>(target.getSpec().getSelector().getMatchLabels());
    stable.put("pod-template-hash", pass.status().stableHash());
    return new AnalysisSubject(
        cluster, pass.release.namespace(), pass.release.name(), canary, stable);
  }

  /** Step analysis: blocks until the checks end; FAILED aborts, INCONCLUSIVE pauses. */
  private Result stepAnalysis(Pass pass, List<AnalysisCheck> checks) {
    ReleaseStatus status = pass.status();
    AnalysisProgress previous = status.analysis();
    if (previous == null || previous.startedAt().isBefore(status.stepStartedAt())) {
      previous = AnalysisProgress.start(pass.now);
    }
    if (previous.phase() == AnalysisPhase.INCONCLUSIVE) {
      return Result.done(); // paused for a person: promote or abort
    }
    return analyse(pass, checks, previous);
  }

  /** Takes the measurements due; FAILED aborts, INCONCLUSIVE pauses, SUCCESSFUL is recorded. */
  private Result analyse(Pass pass, List<AnalysisCheck> checks, AnalysisProgress previous) {
    ReleaseStatus status = pass.status();
    AnalysisProgress next = analysis.advance(subject(pass), checks, previous, pass.now);
    ReleaseStatus.Builder b = status.toBuilder().analysis(next);
    switch (next.phase()) {
      case SUCCESSFUL -> {
        pass.write(b.build());
        pass.event(
            ReleaseReason.AnalysisSuccessful,
            false,
            "analysis of step " + status.step() + " passed");
        return Result.now(); // the next pass advances (analysis recorded as successful)
      }
      case FAILED -> {
        return abort(
            pass,
            b,
            ReleasePhase.Degraded,
            ReleaseReason.AnalysisFailed.name(),
            analysisMessage(next));
      }
      case INCONCLUSIVE -> {
        b.phase(ReleasePhase.Paused).message("analysis inconclusive: promote or abort");
        pass.condition(
            b,
            ReleaseReason.PAUSED,
            true,
            ReleaseReason.AnalysisInconclusive,
            analysisMessage(next));
        pass.write(b.build());
        pass.event(ReleaseReason.AnalysisInconclusive, true, analysisMessage(next));
        return Result.done();
      }
      default -> {
        pass.condition(
            b,
            ReleaseReason.PROGRESSING,
            true,
            ReleaseReason.AnalysisRunning,
            "analysis of step " + status.step());
        if (pass.write(b.build()) && previous.checks().isEmpty()) {
          pass.event(
              ReleaseReason.AnalysisRunning,
              false,
              "analysis of step " + status.step() + " started");
        }
        Instant at = next.nextAt();
        return at == null
            ? Result.requeueAfter(settings.resync())
            : Result.requeueAfter(Duration.between(pass.now, at));
      }
    }
  }

  private static String analysisMessage(AnalysisProgress p) {
    String text = p.reason() == null ? p.phase().name() : p.reason();
    return p.message() == null ? text : text + ": " + p.message();
  }

  /** Background analysis from {@code startingStep}: only a failure changes anything. */
  private Optional<Result> backgroundAnalysis(Pass pass, ReleaseSpec.CanaryStrategy c) {
    if (c.analysis() == null || c.analysis().checks() == null) {
      return Optional.empty();
    }
    int from = c.analysis().startingStep() == null ? 0 : c.analysis().startingStep();
    if (pass.status().step() < from) {
      return Optional.empty();
    }
    AnalysisProgress previous = pass.status().backgroundAnalysis();
    if (previous == null) {
      previous = AnalysisProgress.start(pass.now);
    }
    if (previous.phase().done()) {
      return Optional.empty();
    }
    AnalysisProgress next =
        analysis.advance(subject(pass), untilTheEnd(c.analysis().checks()), previous, pass.now);
    ReleaseStatus.Builder b = pass.status().toBuilder().backgroundAnalysis(next);
    if (next.phase() == AnalysisPhase.FAILED) {
      return Optional.of(
          abort(
              pass,
              b,
              ReleasePhase.Degraded,
              ReleaseReason.AnalysisFailed.name(),
              "background analysis: " + analysisMessage(next)));
    }
    if (pass.write(b.build())) {
      return Optional.of(Result.now());
    }
    return Optional.empty();
  }

  /**
   * Background checks without a {@code count} measure until the Release ends ({@code count: 0}, the
   * contract's default for background analysis), not once as a step's checks do. (The analysis
   * part's port offers the same as {@code advanceBackground}.)
   */
  static List<AnalysisCheck> untilTheEnd(List<AnalysisCheck> checks) {
    return checks.stream()
        .map(
            c ->
                c == null || c.count() != null
                    ? c
                    : new AnalysisCheck(
                        c.name(),
                        c.interval(),
                        0,
                        c.failureLimit(),
                        c.inconclusiveLimit(),
                        c.consecutiveErrorLimit(),
                        c.initialDelay(),
                        c.promql(),
                        c.signal()))
        .toList();
  }

  /** All steps done: the target gets the new version, then the canary goes. */
  private Result promoteCanary(Pass pass, Deployment target) {
    ReleaseStatus status = pass.status();
    if (status.phaseOr() != ReleasePhase.Promoting) {
      ReleaseStatus.Builder b =
          status.toBuilder()
              .phase(ReleasePhase.Promoting)
              .message("promoting: the Deployment gets the new version");
      pass.condition(b, ReleaseReason.PROGRESSING, true, ReleaseReason.Promoting, "all steps done");
      pass.condition(b, ReleaseReason.PAUSED, false, ReleaseReason.Promoting, "");
      pass.write(b.build());
      pass.event(
          ReleaseReason.Promoting,
          false,
          "all steps done: " + pass.spec.deployment() + " gets the new version");
      return Result.now();
    }
    workloads.promote(target, pass.spec.version(), status.totalReplicas());
    Deployment now = targetDeployment(pass);
    if (!ReleaseWorkloads.rolledOut(now)) {
      return waitForPods(
          pass,
          ReleaseWorkloads.ready(now)
              + " of "
              + status.totalReplicas()
              + " pods of "
              + pass.spec.deployment()
              + " rolled out");
    }
    router(pass).restore(cluster, target(pass));
    workloads.deleteDeployment(pass.release.namespace(), target(pass).canaryDeployment());
    return succeed(pass);
  }

  private Result succeed(Pass pass) {
    ReleaseStatus.Builder b =
        pass.status().toBuilder()
            .phase(ReleasePhase.Succeeded)
            .canaryWeight(100)
            .message("succeeded");
    pass.condition(b, ReleaseReason.PROGRESSING, false, ReleaseReason.Succeeded, "succeeded");
    pass.condition(b, ReleaseReason.HEALTHY, true, ReleaseReason.Succeeded, "");
    pass.condition(b, ReleaseReason.PAUSED, false, ReleaseReason.Succeeded, "");
    pass.write(b.build());
    pass.event(ReleaseReason.Promoted, false, pass.spec.deployment() + " runs the new version");
    pass.event(ReleaseReason.Succeeded, false, "succeeded");
    return Result.done();
  }

  // ------------------------------------------------------------------ abort

  /** Records the abort first; the next pass (phase finished) rolls back. */
  private Result abort(
      Pass pass, ReleaseStatus.Builder b, ReleasePhase phase, String reason, String message) {
    ReleaseReason r = reasonOf(reason);
    b.phase(phase)
        .abort(new ReleaseStatus.ReleaseAbort(reason, message, pass.now))
        .message(reason + ": " + message);
    pass.condition(b, ReleaseReason.HEALTHY, false, r, message);
    pass.condition(b, ReleaseReason.PROGRESSING, false, ReleaseReason.Aborted, message);
    pass.condition(b, ReleaseReason.PAUSED, false, ReleaseReason.Aborted, "");
    pass.write(b.build());
    pass.event(r, true, message);
    pass.event(ReleaseReason.Aborted, true, "aborted (" + reason + "): traffic back to stable");
    return Result.now();
  }

  private static ReleaseReason reasonOf(String reason) {
    for (ReleaseReason r : ReleaseReason.values()) {
      if (r.name().equals(reason)) {
        return r;
      }
    }
    return ReleaseReason.StepFailed;
  }

  private Result degrade(Pass pass, String reason, String message) {
    if (!pass.status().started() || pass.status().phaseOr().finished()) {
      ReleaseStatus.Builder b = pass.status().toBuilder();
      pass.condition(b, ReleaseReason.HEALTHY, false, reasonOf(reason), message);
      pass.write(b.build());
      return Result.requeueAfter(settings.resync());
    }
    return abort(pass, pass.status().toBuilder(), ReleasePhase.Degraded, reason, message);
  }

  /** Idempotent roll-back of an aborted Release: traffic to stable, new pods to 0. */
  private void rollBack(Pass pass) {
    TrafficTarget target = target(pass);
    if (pass.spec.strategy().canary() != null) {
      router(pass).restore(cluster, target);
    } else {
      restoreActiveSelector(pass);
    }
    workloads.scale(pass.release.namespace(), target.canaryDeployment(), 0);
    workloads.scale(pass.release.namespace(), target.stableDeployment(), target.totalReplicas());
  }

  @Override
  public Result cleanup(ReleaseObject release, ReconcileContext context) {
    Pass pass = new Pass(release, context);
    if (release.spec() == null
        || release.spec().strategy() == null
        || !release.status().started()
        || release.status().phaseOr() == ReleasePhase.Succeeded
        || !validation.validate(release.name(), release.spec()).isEmpty()) {
      return Result.done();
    }
    try {
      rollBack(pass);
    } catch (ReleaseStepException e) {
      if (e.retryable()) {
        throw e;
      }
      // the objects to restore are gone (e.g. the namespace is being deleted): nothing to undo
      pass.event(ReleaseReason.StepFailed, true, "clean-up: " + e.getMessage());
    }
    return Result.done();
  }

  // ------------------------------------------------------------------ blue-green

  private Result blueGreen(Pass pass) {
    ReleaseSpec.BlueGreenStrategy bg = pass.spec.strategy().blueGreen();
    ReleaseStatus status = pass.status();
    int total = status.totalReplicas();
    Deployment target = targetDeployment(pass);
    String ns = pass.release.namespace();
    Service active =
        workloads
            .service(ns, bg.activeService())
            .orElseThrow(
                () ->
                    new ReleaseStepException(
                        "ServiceNotFound", "no Service " + bg.activeService(), false));
    Map<String, String> original = originalSelector(active);
    Map<String, String> green = ReleaseWorkloads.canarySelector(target, pass.release.name());
    if (status.step() < BG_SWITCHED) {
      // the active Service keeps to the stable pods; the preview Service sees only green
      Map<String, String> pinned = new LinkedHashMap<>(original);
      pinned.put("pod-template-hash", status.stableHash());
      workloads.setSelector(
          ns, bg.activeService(), pinned, Map.of(ReleaseLabels.ORIGINAL_SELECTOR, json(original)));
      workloads.ensureService(pass.release, bg.previewService(), active, green);
      Deployment greenDeployment = workloads.ensureCanary(pass.release, target, total, null, null);
      if (status.step() == BG_GREEN) {
        int ready = ReleaseWorkloads.ready(greenDeployment);
        if (ready < total) {
          return waitForPods(pass, ready + " of " + total + " new pods ready");
        }
        return advance(
            pass,
            ReleaseReason.PreviewReady,
            "the new pods are ready behind " + bg.previewService());
      }
      // BG_READY: pre-promotion analysis, then automatic promotion after its delay
      if (bg.prePromotionAnalysis() != null && bg.prePromotionAnalysis().checks() != null) {
        AnalysisProgress a = status.analysis();
        if (a == null || a.phase() == AnalysisPhase.RUNNING) {
          return stepAnalysis(pass, bg.prePromotionAnalysis().checks());
        }
        if (a.phase() != AnalysisPhase.SUCCESSFUL) {
          return Result.done();
        }
      }
      if (Boolean.TRUE.equals(bg.autoPromotion())) {
        Duration delay = ReleaseValidation.durationOr(bg.autoPromotionDelay(), Duration.ZERO);
        Instant at = status.stepStartedAt().plus(delay);
        if (pass.now.isBefore(at)) {
          return Result.requeueAfter(Duration.between(pass.now, at));
        }
        ReleaseStatus.Builder b =
            status.toBuilder()
                .currentStep(BG_SWITCHED)
                .switchedAt(pass.now)
                .stepStartedAt(pass.now)
                .phase(ReleasePhase.Promoting)
                .message("promoted automatically");
        pass.condition(
            b, ReleaseReason.PROGRESSING, true, ReleaseReason.Promoting, "promoted automatically");
        pass.write(b.build());
        pass.event(ReleaseReason.Promoting, false, "promoted automatically");
        return Result.now();
      }
      ReleaseStatus.Builder b =
          status.toBuilder()
              .phase(ReleasePhase.Paused)
              .message("the new pods are ready: promote to switch");
      pass.condition(
          b, ReleaseReason.PAUSED, true, ReleaseReason.PreviewReady, "waiting for promotion");
      pass.write(b.build());
      return Result.done();
    }
    if (status.step() == BG_SWITCHED) {
      Map<String, String> switched = new LinkedHashMap<>(original);
      switched.put(ReleaseLabels.TRACK, ReleaseLabels.CANARY);
      switched.put(ReleaseLabels.RELEASE, pass.release.name());
      boolean changed = !switched.equals(active.getSpec().getSelector());
      workloads.setSelector(
          ns,
          bg.activeService(),
          switched,
          Map.of(ReleaseLabels.ORIGINAL_SELECTOR, json(original)));
      if (changed) {
        pass.event(
            ReleaseReason.ActiveSwitched, false, bg.activeService() + " selects the new pods");
      }
      Duration delay = ReleaseValidation.durationOr(bg.scaleDownDelay(), Duration.ofSeconds(30));
      Instant at = status.switchedAt().plus(delay);
      if (pass.now.isBefore(at)) {
        return Result.requeueAfter(Duration.between(pass.now, at));
      }
      // the Deployment gets the new version; then the active selector is restored
      workloads.promote(target, pass.spec.version(), total);
      Deployment now = targetDeployment(pass);
      if (!ReleaseWorkloads.rolledOut(now)) {
        return waitForPods(
            pass,
            ReleaseWorkloads.ready(now)
                + " of "
                + total
                + " pods of "
                + pass.spec.deployment()
                + " rolled out");
      }
      return advance(
          pass, ReleaseReason.Promoted, pass.spec.deployment() + " runs the new version");
    }
    restoreActiveSelector(pass);
    workloads.deleteDeployment(
        ns, ReleaseWorkloads.canaryName(pass.spec.deployment(), pass.release.name()));
    return succeed(pass);
  }

  private void restoreActiveSelector(Pass pass) {
    ReleaseSpec.BlueGreenStrategy bg = pass.spec.strategy().blueGreen();
    workloads
        .service(pass.release.namespace(), bg.activeService())
        .ifPresent(
            s -> {
              if (s.getMetadata().getAnnotations() != null
                  && s.getMetadata()
                      .getAnnotations()
                      .containsKey(ReleaseLabels.ORIGINAL_SELECTOR)) {
                Map<String, String> none = new java.util.HashMap<>();
                none.put(ReleaseLabels.ORIGINAL_SELECTOR, null);
                workloads.setSelector(
                    pass.release.namespace(), bg.activeService(), originalSelector(s), none);
              }
            });
  }

  /** The selector before the Release changed it (the annotation), else the current one. */
  @SuppressWarnings("unchecked")
  static Map<String, String> originalSelector(Service service) {
    Map<String, String> a = service.getMetadata().getAnnotations();
    String recorded = a == null ? null : a.get(ReleaseLabels.ORIGINAL_SELECTOR);
    if (recorded != null) {
      try {
        return new LinkedHashMap<>(
            new com.fasterxml.jackson.databind.ObjectMapper().readValue(recorded, Map.class));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        // fall through: a damaged annotation, the current selector is the best we know
      }
    }
    return service.getSpec().getSelector() == null
        ? new LinkedHashMap<>()
        : new LinkedHashMap<>(service.getSpec().getSelector());
  }

  private static String json(Map<String, String> selector) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .writeValueAsString(new java.util.TreeMap<>(selector));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
