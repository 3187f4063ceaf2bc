package io.kubeward.maintenance.reconcile;

import io.kubeward.common.KubewardException;
import io.kubeward.drain.domain.DrainOptions;
import io.kubeward.drain.domain.DrainProgress;
import io.kubeward.drain.domain.DrainState;
import io.kubeward.drain.domain.PodProgress;
import io.kubeward.maintenance.app.MaintenanceBlocker;
import io.kubeward.maintenance.app.MaintenanceCluster;
import io.kubeward.maintenance.app.MaintenanceNodes;
import io.kubeward.maintenance.app.ManageMaintenances;
import io.kubeward.maintenance.app.NodeDrainer;
import io.kubeward.maintenance.app.StaleMaintenanceException;
import io.kubeward.maintenance.domain.ActionType;
import io.kubeward.maintenance.domain.GoDuration;
import io.kubeward.maintenance.domain.Maintenance;
import io.kubeward.maintenance.domain.MaintenanceAction;
import io.kubeward.maintenance.domain.MaintenanceCondition;
import io.kubeward.maintenance.domain.MaintenancePhase;
import io.kubeward.maintenance.domain.MaintenanceReason;
import io.kubeward.maintenance.domain.MaintenanceSpec;
import io.kubeward.maintenance.domain.MaintenanceStatus;
import io.kubeward.maintenance.domain.MaintenanceValidation;
import io.kubeward.maintenance.domain.NodeStatus;
import io.kubeward.maintenance.domain.NodeStep;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one NodeMaintenance: observe (read it live) → validate → lock → act on its nodes →
 * record. Status is the write-ahead log: a node's step is written before the step's effect runs,
 * and every effect (cordon, drain pass, Job creation, uncordon) is idempotent, so a restart resumes
 * from the recorded step without doing anything harmful twice.
 */
public final class MaintenanceReconciler {

  private static final Logger log = LoggerFactory.getLogger(MaintenanceReconciler.class);

  /**
   * @param poll how often waits (windows, actions, readiness) are checked
   * @param lockRetry how often a maintenance waiting for the lock tries again
   * @param drainPoll the longest time between two drain passes
   * @param drainDefaults drain options where the spec sets none
   */
  public record Settings(
      Duration poll, Duration lockRetry, Duration drainPoll, DrainOptions drainDefaults) {}

  private final String cluster;
  private final NodeDrainer drainer;
  private final List<MaintenanceBlocker> blockers;
  private final Settings settings;
  private final Clock clock;

  public MaintenanceReconciler(
      String cluster,
      NodeDrainer drainer,
      List<MaintenanceBlocker> blockers,
      Settings settings,
      Clock clock) {
    this.cluster = cluster;
    this.drainer = drainer;
    this.blockers = List.copyOf(blockers);
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * One reconcile of {@code name}.
   *
   * @return when to reconcile again at the latest, or empty to wait for the next change
   */
  public Optional<Duration> reconcile(MaintenanceCluster c, String name) {
    Optional<Maintenance> found = c.store().get(name);
    if (found.isEmpty()) {
      c.lock().release(name);
      return Optional.empty();
    }
    return reconcile(c, found.get());
  }

  /**
   * One reconcile of a maintenance the runtime has just read.
   *
   * @return when to reconcile again at the latest, or empty to wait for the next change
   */
  public Optional<Duration> reconcile(MaintenanceCluster c, Maintenance m) {
    try {
      return new Pass(c, m, clock.instant()).run();
    } catch (StaleMaintenanceException stale) {
      return Optional.of(Duration.ZERO);
    }
  }

  /**
   * The clean-up of a maintenance being deleted (its finalizer): nodes it was working on and had
   * cordoned are made schedulable again (as a cancel would); nodes it leaves unschedulable on
   * purpose (failed, or done with {@code spec.uncordon} false) keep their cordon but lose the
   * {@value MaintenanceNodes#CORDONED_BY} marker, which would name a maintenance that no longer
   * exists; finished action Jobs are deleted, running ones left to finish (they delete themselves
   * after); the lock is released. Every decision is an Event on the node and a log line. Each step
   * is idempotent, so a clean-up interrupted by a restart simply runs again.
   */
  public void cleanup(MaintenanceCluster c, Maintenance m) {
    List<NodeStatus> nodes = m.status() == null ? List.of() : m.status().nodes();
    boolean jobs = m.spec().action() != null && m.spec().action().actionType() == ActionType.Job;
    for (NodeStatus node : nodes) {
      if (!c.nodes().exists(node.name())) {
        continue;
      }
      String marker = c.nodes().annotations(node.name()).get(MaintenanceNodes.CORDONED_BY);
      boolean marked = m.name().equals(marker);
      if (node.step().active()) {
        if ((node.cordonedByThisMaintenance() || marked)
            && c.nodes().uncordon(node.name(), m.name())) {
          cleanupEvent(
              c,
              m,
              node.name(),
              MaintenanceReason.NodeUncordoned,
              false,
              "deleted during " + node.step() + ": made schedulable again");
        } else {
          cleanupEvent(
              c,
              m,
              node.name(),
              MaintenanceReason.NodeDone,
              false,
              "deleted during "
                  + node.step()
                  + ": not cordoned by this maintenance, left as it is");
        }
      } else if (marked) {
        c.nodes().releaseMarker(node.name(), m.name());
        boolean failed = node.step() == NodeStep.Failed;
        String why =
            failed
                ? "its maintenance step failed (" + Objects.toString(node.message(), "") + ")"
                : "spec.uncordon is false";
        cleanupEvent(
            c,
            m,
            node.name(),
            MaintenanceReason.NodeLeftCordoned,
            failed,
            "deleted: left unschedulable because "
                + why
                + "; marker "
                + MaintenanceNodes.CORDONED_BY
                + " removed, uncordon by hand when ready");
      }
      if (jobs) {
        String job = jobName(m.name(), node.name());
        switch (c.nodes().cleanupJob(job)) {
          case DELETED ->
              cleanupEvent(
                  c,
                  m,
                  node.name(),
                  MaintenanceReason.JobDeleted,
                  false,
                  "deleted: finished action Job " + job + " deleted");
          case LEFT_RUNNING ->
              cleanupEvent(
                  c,
                  m,
                  node.name(),
                  MaintenanceReason.JobLeftRunning,
                  true,
                  "deleted: action Job "
                      + job
                      + " is still running; left to finish, it deletes itself after");
          case NONE -> {
            // never created, or already gone
          }
        }
      }
    }
    c.lock().release(m.name());
    log.info(
        "Maintenance {} in {} deleted: clean-up done, lock released if it held it",
        m.name(),
        cluster);
  }

  private static void cleanupEvent(
      MaintenanceCluster c,
      Maintenance m,
      String node,
      MaintenanceReason reason,
      boolean warning,
      String text) {
    log.info("Maintenance {} deleted, node {}: {}", m.name(), node, text);
    c.events().onNode(node, m.name(), reason, warning, text);
  }

  private static long generationOf(Maintenance m) {
    return m.generation() == null ? 0 : m.generation();
  }

  /** The deterministic name of a node's Job (at most 63 characters). */
  public static String jobName(String maintenance, String node) {
    String hash = sha256(maintenance + "/" + node).substring(0, 10);
    String base = ("nm-" + maintenance + "-" + node).toLowerCase(Locale.ROOT);
    base = base.replaceAll("[^a-z0-9-]", "-");
    if (base.length() > 52) {
      base = base.substring(0, 52);
    }
    return base.replaceAll("-+$", "") + "-" + hash;
  }

  /** One reconcile pass over one maintenance. */
  private final class Pass {
    private final MaintenanceCluster c;
    private final Maintenance m;
    private final MaintenanceSpec spec;
    private final Instant now;
    private Duration wake;

    Pass(MaintenanceCluster c, Maintenance observed, Instant now) {
      this.c = c;
      // conditions set in this pass are computed for the generation just read
      this.m =
          observed.status() == null
              ? observed
              : observed.withStatus(
                  observed.status().withGeneration(generationOf(observed)),
                  observed.resourceVersion());
      this.spec = m.spec();
      this.now = now;
    }

    Optional<Duration> run() {
      if (m.status() == null || m.status().phase() == null) {
        return initialize();
      }
      if (m.phase().finished()) {
        c.lock().release(m.name());
        return Optional.empty();
      }
      if (spec.cancelled()) {
        return cancel();
      }
      Optional<KubewardException> invalid = invalidSpec();
      if (invalid.isPresent()) {
        return stop(MaintenancePhase.Failed, MaintenanceReason.InvalidSpec, invalid.get());
      }
      MaintenanceStatus st = m.status();
      if (spec.paused()) {
        if (m.phase() != MaintenancePhase.Paused) {
          write(
              st.withPhase(MaintenancePhase.Paused, "paused: no new step starts")
                  .withCondition(
                      MaintenanceCondition.PROGRESSING,
                      false,
                      MaintenanceReason.Paused,
                      "paused by spec.paused",
                      now));
          event(MaintenanceReason.Paused, false, "Paused: no new step starts until resumed");
        }
        return Optional.empty();
      }
      if (!c.lock().tryAcquire(m.name(), this::stale)) {
        if (m.phase() != MaintenancePhase.WaitingForLock) {
          String holder = c.lock().holder().orElse("?");
          String text = "waiting for the node maintenance lock held by " + holder;
          write(
              st.withPhase(MaintenancePhase.WaitingForLock, text)
                  .withCondition(
                      MaintenanceCondition.PROGRESSING,
                      false,
                      MaintenanceReason.WaitingForLock,
                      text,
                      now));
          event(MaintenanceReason.WaitingForLock, false, text);
        }
        return Optional.of(settings.lockRetry());
      }
      if (m.phase() != MaintenancePhase.Running) {
        MaintenanceReason why =
            m.phase() == MaintenancePhase.Paused
                ? MaintenanceReason.Resumed
                : MaintenanceReason.LockAcquired;
        write(
            st.withPhase(MaintenancePhase.Running, null)
                .withCondition(
                    MaintenanceCondition.PROGRESSING, true, why, "working on the nodes", now));
        event(why, false, why == MaintenanceReason.Resumed ? "Resumed" : "Lock acquired");
        return Optional.of(Duration.ZERO);
      }
      return advanceNodes(st);
    }

    private Optional<Duration> initialize() {
      List<String> nodes;
      try {
        nodes = ManageMaintenances.resolveNodes(c, spec);
      } catch (KubewardException invalid) {
        MaintenanceReason reason =
            invalidSpec().isPresent() ? MaintenanceReason.InvalidSpec : MaintenanceReason.Failed;
        write(
            MaintenanceStatus.start(List.of(), generation())
                .withPhase(MaintenancePhase.Failed, invalid.getMessage())
                .withCondition(
                    MaintenanceCondition.COMPLETED, true, reason, invalid.getMessage(), now));
        event(reason, true, "Invalid: " + invalid.getMessage());
        return Optional.empty();
      }
      write(
          MaintenanceStatus.start(nodes, generation())
              .withCondition(
                  MaintenanceCondition.PROGRESSING,
                  true,
                  MaintenanceReason.Started,
                  nodes.size() + " node(s)",
                  now));
      event(MaintenanceReason.Started, false, "Started on " + String.join(", ", nodes));
      return Optional.of(Duration.ZERO);
    }

    private Optional<Duration> advanceNodes(MaintenanceStatus st) {
      MaintenanceStatus next = st;
      boolean moved = false;
      for (NodeStatus node : st.nodes()) {
        if (node.step().active()) {
          NodeStatus after = act(node);
          moved |= after.step() != node.step();
          next = next.withNode(node.name(), n -> after);
        }
      }
      boolean anyFailed = next.count(s -> s == NodeStep.Failed) > 0;
      if (anyFailed) {
        for (NodeStatus node : next.nodes()) {
          if (node.step().notStarted()) {
            next =
                next.withNode(
                    node.name(),
                    n -> n.enter(NodeStep.Skipped, now, "skipped: another node failed"));
            moved = true;
          }
        }
      } else {
        long active = next.count(NodeStep::active);
        for (NodeStatus node : next.nodes()) {
          if (active >= spec.concurrency()) {
            break;
          }
          if (!node.step().notStarted()) {
            continue;
          }
          Optional<String> hold = holdBack(node.name());
          if (hold.isPresent()) {
            if (node.step() != NodeStep.WaitingForWindow
                || !Objects.equals(node.message(), hold.get())) {
              next =
                  next.withNode(
                          node.name(), n -> n.enter(NodeStep.WaitingForWindow, now, hold.get()))
                      .withCondition(
                          MaintenanceCondition.PROGRESSING,
                          true,
                          spec.inWindow(now)
                              ? MaintenanceReason.Blocked
                              : MaintenanceReason.WaitingForWindow,
                          node.name() + ": " + hold.get(),
                          now);
              nodeEvent(
                  node.name(),
                  spec.inWindow(now)
                      ? MaintenanceReason.Blocked
                      : MaintenanceReason.WaitingForWindow,
                  false,
                  hold.get());
            }
            sooner(settings.poll());
            break;
          }
          next =
              next.withNode(node.name(), n -> n.enter(NodeStep.Cordoning, now, "cordoning"))
                  .withCondition(
                      MaintenanceCondition.PROGRESSING,
                      true,
                      MaintenanceReason.NodeCordoned,
                      "working on " + node.name(),
                      now);
          active++;
          moved = true;
        }
      }
      if (next.nodes().stream().allMatch(n -> n.step().finished())) {
        return complete(next);
      }
      if (!next.equals(st)) {
        write(next);
      }
      return moved ? Optional.of(Duration.ZERO) : Optional.ofNullable(wake);
    }

    private Optional<String> holdBack(String node) {
      if (!spec.inWindow(now)) {
        return Optional.of("outside the maintenance windows");
      }
      for (MaintenanceBlocker blocker : blockers) {
        Optional<String> reason = blocker.blocks(c, m, node);
        if (reason.isPresent()) {
          return Optional.of("blocked: " + reason.get());
        }
      }
      return Optional.empty();
    }

    /** Runs the effect of the node's recorded step; returns the entry, moved on if it is done. */
    private NodeStatus act(NodeStatus node) {
      return switch (node.step()) {
        case Cordoning -> cordon(node);
        case Draining -> drain(node);
        case Action -> action(node);
        case WaitingForReady -> waitForReady(node);
        case Uncordoning -> uncordon(node);
        default -> node;
      };
    }

    private NodeStatus cordon(NodeStatus node) {
      if (!c.nodes().exists(node.name())) {
        return fail(node, "the node no longer exists");
      }
      boolean ours = c.nodes().cordon(node.name(), m.name()) || node.cordonedByThisMaintenance();
      nodeEvent(
          node.name(),
          MaintenanceReason.NodeCordoned,
          false,
          ours ? "Cordoned" : "Already unschedulable (not cordoned by this maintenance)");
      return node.withCordonedByUs(ours).enter(NodeStep.Draining, now, "draining");
    }

    private NodeStatus drain(NodeStatus node) {
      DrainOptions options = spec.drain().options(settings.drainDefaults());
      DrainProgress before = node.drain();
      if (before == null) {
        nodeEvent(node.name(), MaintenanceReason.NodeDraining, false, "Draining");
      }
      DrainProgress progress = drainer.advance(cluster, node.name(), options, before);
      NodeStatus updated = node.withDrain(progress);
      DrainState state = progress.state();
      if (state == DrainState.SUCCEEDED) {
        nodeEvent(node.name(), MaintenanceReason.NodeDrained, false, "Drained");
        return updated.enter(NodeStep.Action, now, "action " + spec.action().actionType());
      }
      if (state == DrainState.TIMED_OUT || state == DrainState.REFUSED) {
        return fail(updated, "drain " + state + ": " + Objects.toString(progress.message(), ""));
      }
      if (state == DrainState.BLOCKED && (before == null || before.state() != DrainState.BLOCKED)) {
        nodeEvent(node.name(), MaintenanceReason.DrainBlocked, true, progress.message());
      }
      sooner(untilNextAttempt(progress));
      return updated.withMessage(
          "draining: "
              + Objects.toString(progress.message(), state.name().toLowerCase(Locale.ROOT)));
    }

    private Duration untilNextAttempt(DrainProgress progress) {
      Duration best = settings.drainPoll();
      for (PodProgress pod : progress.pods()) {
        if (pod.nextAttemptAt() != null) {
          Duration d = Duration.between(now, pod.nextAttemptAt());
          if (d.isNegative()) {
            d = Duration.ZERO;
          }
          if (d.compareTo(best) < 0) {
            best = d;
          }
        }
      }
      return best;
    }

    private NodeStatus action(NodeStatus node) {
      MaintenanceAction action = spec.action();
      Instant started = node.startedAt() == null ? now : node.startedAt();
      boolean done;
      ActionType type = action.actionType();
      switch (type) {
        case None -> done = true;
        case Wait -> {
          Instant end = started.plus(GoDuration.parse(action.duration()));
          done = !now.isBefore(end);
          if (!done) {
            sooner(Duration.between(now, end));
          }
        }
        case WaitForAnnotation -> done = hasAnnotation(node.name(), action.annotation());
        case WaitForCondition ->
            done =
                c.nodes()
                    .conditionStatus(node.name(), action.conditionType())
                    .filter("True"::equals)
                    .isPresent();
        case Job -> {
          MaintenanceNodes.JobState job =
              c.nodes().runJob(jobName(m.name(), node.name()), node.name(), action.job());
          if (job == MaintenanceNodes.JobState.FAILED) {
            return fail(node, "Job " + jobName(m.name(), node.name()) + " failed");
          }
          done = job == MaintenanceNodes.JobState.SUCCEEDED;
        }
        default -> done = true;
      }
      if (done) {
        return node.enter(NodeStep.WaitingForReady, now, "waiting for the node to be Ready");
      }
      if (type != ActionType.Wait && now.isAfter(started.plus(spec.actionTimeoutValue()))) {
        return fail(node, "action " + type + " timed out after " + spec.actionTimeout());
      }
      sooner(settings.poll());
      return node;
    }

    private boolean hasAnnotation(String node, String annotation) {
      String[] kv = annotation.split("=", 2);
      Map<String, String> annotations = c.nodes().annotations(node);
      return annotations.containsKey(kv[0])
          && (kv.length == 1 || kv[1].equals(annotations.get(kv[0])));
    }

    private NodeStatus waitForReady(NodeStatus node) {
      if (c.nodes().isReady(node.name())) {
        nodeEvent(node.name(), MaintenanceReason.NodeReady, false, "Ready");
        return spec.uncordon()
            ? node.enter(NodeStep.Uncordoning, now, "uncordoning")
            : done(node, "done; left unschedulable (spec.uncordon is false)");
      }
      Instant started = node.startedAt() == null ? now : node.startedAt();
      if (now.isAfter(started.plus(spec.readyTimeoutValue()))) {
        return fail(node, "not Ready within " + GoDuration.format(spec.readyTimeoutValue()));
      }
      sooner(settings.poll());
      return node;
    }

    private NodeStatus uncordon(NodeStatus node) {
      if (node.cordonedByThisMaintenance()) {
        c.nodes().uncordon(node.name(), m.name());
        nodeEvent(node.name(), MaintenanceReason.NodeUncordoned, false, "Uncordoned");
        return done(node, "done");
      }
      return done(node, "done; left unschedulable (it was not cordoned by this maintenance)");
    }

    private NodeStatus done(NodeStatus node, String text) {
      nodeEvent(node.name(), MaintenanceReason.NodeDone, false, text);
      return node.enter(NodeStep.Done, now, text);
    }

    private NodeStatus fail(NodeStatus node, String text) {
      log.warn("Maintenance {} in {}: node {} failed: {}", m.name(), cluster, node.name(), text);
      nodeEvent(node.name(), MaintenanceReason.NodeFailed, true, text);
      return node.enter(NodeStep.Failed, now, text + " (the node stays as it is)");
    }

    private Optional<Duration> complete(MaintenanceStatus st) {
      boolean failed = st.count(s -> s == NodeStep.Failed) > 0;
      MaintenanceReason reason = failed ? MaintenanceReason.Failed : MaintenanceReason.Succeeded;
      String text =
          failed
              ? st.count(s -> s == NodeStep.Failed) + " node(s) failed"
              : st.nodes().size() + " node(s) done";
      write(
          st.withPhase(failed ? MaintenancePhase.Failed : MaintenancePhase.Succeeded, text)
              .withCondition(MaintenanceCondition.PROGRESSING, false, reason, text, now)
              .withCondition(MaintenanceCondition.COMPLETED, true, reason, text, now));
      c.lock().release(m.name());
      event(reason, failed, text);
      return Optional.empty();
    }

    /**
     * The spec's rule violation, if any. Checked on every pass, not only the first: a spec edited
     * with kubectl while the maintenance runs must never reach a step (an overflowing timeout once
     * looped every 5 s with the node cordoned and the lock held).
     */
    private Optional<KubewardException> invalidSpec() {
      try {
        MaintenanceValidation.validate(spec);
        return Optional.empty();
      } catch (KubewardException e) {
        return Optional.of(e);
      }
    }

    private Optional<Duration> cancel() {
      MaintenanceStatus st = m.status();
      if (m.phase() != MaintenancePhase.Cancelling) {
        write(
            st.withPhase(MaintenancePhase.Cancelling, "cancelling")
                .withCondition(
                    MaintenanceCondition.PROGRESSING,
                    false,
                    MaintenanceReason.Cancelling,
                    "cancelled by spec.cancelled",
                    now));
        event(MaintenanceReason.Cancelling, false, "Cancelling");
        return Optional.of(Duration.ZERO);
      }
      return stop(MaintenancePhase.Cancelled, MaintenanceReason.Cancelled, null);
    }

    /**
     * Ends the maintenance where it is: nodes not started are skipped, nodes in progress are made
     * schedulable again if this maintenance cordoned them, the lock is released.
     *
     * @param why {@code null} for a cancel, else the rule the spec breaks
     */
    private Optional<Duration> stop(
        MaintenancePhase phase, MaintenanceReason reason, KubewardException why) {
      String cause = why == null ? "cancelled" : "invalid spec: " + why.getMessage();
      MaintenanceStatus next = m.status();
      for (NodeStatus node : m.status().nodes()) {
        if (node.step().notStarted()) {
          next = next.withNode(node.name(), n -> n.enter(NodeStep.Skipped, now, cause));
        } else if (node.step().active()) {
          String text;
          if (node.cordonedByThisMaintenance() && c.nodes().exists(node.name())) {
            c.nodes().uncordon(node.name(), m.name());
            nodeEvent(
                node.name(), MaintenanceReason.NodeUncordoned, false, "Uncordoned (" + cause + ")");
            text = cause + " during " + node.step() + "; made schedulable again";
          } else {
            text = cause + " during " + node.step() + "; not cordoned by this maintenance";
          }
          next = next.withNode(node.name(), n -> n.enter(NodeStep.Skipped, now, text));
        }
      }
      write(
          next.withPhase(phase, cause)
              .withCondition(MaintenanceCondition.PROGRESSING, false, reason, cause, now)
              .withCondition(MaintenanceCondition.COMPLETED, true, reason, cause, now));
      c.lock().release(m.name());
      event(reason, why != null, why == null ? "Cancelled" : "Failed: " + cause);
      return Optional.empty();
    }

    private boolean stale(String holder) {
      if (holder.equals(m.name())) {
        return true;
      }
      return c.store().get(holder).map(h -> h.phase().finished()).orElse(true);
    }

    private void sooner(Duration d) {
      if (wake == null || d.compareTo(wake) < 0) {
        wake = d;
      }
    }

    private long generation() {
      return m.generation() == null ? 0 : m.generation();
    }

    private void write(MaintenanceStatus status) {
      c.store().updateStatus(m, status.withGeneration(generation()));
    }

    private void event(MaintenanceReason reason, boolean warning, String text) {
      c.events().onMaintenance(m.name(), reason, warning, text);
    }

    private void nodeEvent(String node, MaintenanceReason reason, boolean warning, String text) {
      c.events().onNode(node, m.name(), reason, warning, text);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
