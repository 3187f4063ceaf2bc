package io.kubeward.drain.app;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.kubeward.access.app.Caller;
import io.kubeward.drain.domain.DrainBlocker;
import io.kubeward.drain.domain.DrainOptions;
import io.kubeward.drain.domain.DrainPlan;
import io.kubeward.drain.domain.DrainPlanner;
import io.kubeward.drain.domain.DrainProgress;
import io.kubeward.drain.domain.DrainState;
import io.kubeward.drain.domain.DrainVerdict;
import io.kubeward.drain.domain.PodDrainState;
import io.kubeward.drain.domain.PodFate;
import io.kubeward.drain.domain.PodPlan;
import io.kubeward.drain.domain.PodProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One idempotent, non-blocking pass of a node drain: reads the node's pods and their disruption
 * budgets live, evicts what may be evicted now, and returns the progress; the caller calls it again
 * with that progress until the state is final. It never cordons (the caller does first) and never
 * sleeps.
 *
 * <p>It keeps no state between calls (all of it is in the progress), so one instance serves every
 * drain, concurrently. Each pass, in order:
 *
 * <ol>
 *   <li>a final {@code previous} is returned unchanged;
 *   <li>pods of {@code previous} whose uid is no longer on the node are GONE (a replacement with
 *       the same name and another uid does not keep them alive);
 *   <li>the {@link DrainPlanner} decides each pod's fate with the options; if a pod needs {@code
 *       force} or {@code deleteEmptyDirData} that was not given, the drain is REFUSED (final)
 *       before anything is sent, so on the first pass nothing at all is evicted;
 *   <li>after the timeout nothing more is sent: the drain is TIMED_OUT (final) unless every pod is
 *       gone or skipped;
 *   <li>pods the plan lets go are evicted (Eviction API) or, without a controller and with {@code
 *       force}, deleted; a 429 makes the pod BLOCKED and another refusal FAILED, both retried with
 *       exponential backoff; pods the plan holds back for their budget are BLOCKED without a
 *       request (the next pass reads the budget again);
 *   <li>the state: SUCCEEDED when every pod is gone or skipped, BLOCKED when pods are still blocked
 *       by budgets {@code blockedReportAfter} after the drain started, else RUNNING.
 * </ol>
 */
public final class DrainPass {

  /** Default retry delays after a 429 or a failure: doubling from 5 s up to 2 min. */
  public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofSeconds(5);

  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofMinutes(2);

  private static final Set<PodDrainState> TERMINATING =
      Set.of(PodDrainState.EVICTING, PodDrainState.DELETING);

  /** Drains are made by the maintenance controller, as Kubeward (ADR 0013). */
  private static final Caller MAINTENANCE = Caller.controller("maintenance");

  private final DrainGateway gateway;
  private final Clock clock;
  private final Duration backoffBase;
  private final Duration backoffMax;

  public DrainPass(DrainGateway gateway, Clock clock) {
    this(gateway, clock, DEFAULT_BACKOFF_BASE, DEFAULT_BACKOFF_MAX);
  }

  /**
   * @param backoffBase the delay before the first retry of a blocked or failed eviction; doubled on
   *     each further attempt
   * @param backoffMax the longest delay between two attempts
   */
  public DrainPass(DrainGateway gateway, Clock clock, Duration backoffBase, Duration backoffMax) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (backoffBase.isNegative() || backoffBase.isZero() || backoffMax.compareTo(backoffBase) < 0) {
      throw new IllegalArgumentException("backoff must be positive with max >= base");
    }
    this.backoffBase = backoffBase;
    this.backoffMax = backoffMax;
  }

  /**
   * One pass.
   *
   * @param previous the last pass's progress, {@code null} on the first pass
   * @return the progress after this pass; pass it in next time
   * @throws io.kubeward.cluster.app.ClusterUnreachableException if the pods or budgets cannot be
   *     read; nothing was sent, call again later with the same {@code previous}
   * @throws io.kubeward.cluster.app.ClusterNotFoundException if there is no such cluster
   */
  public DrainProgress advance(
      String cluster, String node, DrainOptions options, DrainProgress previous) {
    if (previous != null && previous.state().isFinal()) {
      return previous;
    }
    Instant now = clock.instant();
    Instant startedAt = previous == null ? now : previous.startedAt();
    Pass pass = new Pass(cluster, node, options, now, startedAt, previous);
    pass.observe();
    if (pass.plan.verdict() == DrainVerdict.REFUSED) {
      return pass.refused();
    }
    if (!now.isBefore(startedAt.plus(options.timeout()))) {
      pass.holdEveryPod();
      return pass.result(true);
    }
    pass.actOnEveryPod();
    return pass.result(false);
  }

  /** The delay before attempt {@code attempts + 1}: base, 2×base, 4×base, ... up to max. */
  Duration backoff(int attempts) {
    Duration delay = backoffBase;
    for (int i = 1; i < attempts && delay.compareTo(backoffMax) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
  }

  /** The state of one pass: what was read, and the pods' progress as it is decided. */
  private final class Pass {
    private final String cluster;
    private final String node;
    private final DrainOptions options;
    private final Instant now;
    private final Instant startedAt;
    private final Map<String, PodProgress> before = new LinkedHashMap<>();
    private final Map<String, PodProgress> after = new LinkedHashMap<>();
    private List<Pod> pods;
    private DrainPlan plan;

    Pass(
        String cluster,
        String node,
        DrainOptions options,
        Instant now,
        Instant startedAt,
        DrainProgress previous) {
      this.cluster = cluster;
      this.node = node;
      this.options = options;
      this.now = now;
      this.startedAt = startedAt;
      if (previous != null) {
        previous.pods().forEach(p -> before.put(p.uid(), p));
      }
    }

    /** Reads the pods and budgets and marks the pods that left the node GONE. */
    void observe() {
      pods = DrainPlanner.inDrainOrder(gateway.podsOn(MAINTENANCE, cluster, node));
      Set<String> namespaces =
          pods.stream().map(p -> p.getMetadata().getNamespace()).collect(Collectors.toSet());
      List<PodDisruptionBudget> budgets =
          namespaces.isEmpty() ? List.of() : gateway.budgets(MAINTENANCE, cluster, namespaces);
      plan = DrainPlanner.plan(node, pods, budgets, options);
      Set<String> present = pods.stream().map(DrainPass::uid).collect(Collectors.toSet());
      before.forEach(
          (uid, pod) -> {
            if (!present.contains(uid)) {
              after.put(uid, gone(pod));
            }
          });
    }

    /** Final REFUSED: nothing is sent; the pods that need an option say which. */
    DrainProgress refused() {
      List<String> needForce = new ArrayList<>();
      List<String> needEmptyDir = new ArrayList<>();
      for (int i = 0; i < pods.size(); i++) {
        Pod pod = pods.get(i);
        PodPlan podPlan = plan.pods().get(i);
        PodProgress known = before.get(uid(pod));
        if (podPlan.fate() == PodFate.NEEDS_FORCE
            || podPlan.fate() == PodFate.NEEDS_DELETE_EMPTYDIR) {
          (podPlan.fate() == PodFate.NEEDS_FORCE ? needForce : needEmptyDir).add(name(pod));
          after.put(uid(pod), progress(pod, known, PodDrainState.REFUSED, podPlan.reason()));
        } else {
          after.put(uid(pod), held(pod, podPlan, known));
        }
      }
      StringBuilder message = new StringBuilder("Refused: nothing");
      message.append(before.isEmpty() ? " was evicted" : " more is evicted");
      if (!needForce.isEmpty()) {
        message
            .append("; without a controller, needs force: ")
            .append(String.join(", ", needForce));
      }
      if (!needEmptyDir.isEmpty()) {
        message
            .append("; with emptyDir data, needs deleteEmptyDirData: ")
            .append(String.join(", ", needEmptyDir));
      }
      return new DrainProgress(
          node,
          DrainState.REFUSED,
          startedAt,
          now,
          List.copyOf(after.values()),
          List.of(),
          message.toString());
    }

    /** After the timeout: records where each pod is, sends nothing. */
    void holdEveryPod() {
      for (int i = 0; i < pods.size(); i++) {
        Pod pod = pods.get(i);
        after.put(uid(pod), held(pod, plan.pods().get(i), before.get(uid(pod))));
      }
    }

    void actOnEveryPod() {
      for (int i = 0; i < pods.size(); i++) {
        Pod pod = pods.get(i);
        after.put(uid(pod), act(pod, plan.pods().get(i), before.get(uid(pod))));
      }
    }

    /** One pod's step in this pass. */
    private PodProgress act(Pod pod, PodPlan podPlan, PodProgress known) {
      if (isSkip(podPlan.fate())) {
        return progress(pod, known, PodDrainState.SKIPPED, podPlan.reason());
      }
      if (known != null && TERMINATING.contains(known.state())) {
        return known;
      }
      if (podPlan.fate() == PodFate.BLOCKED_BY_PDB) {
        return blocked(pod, podPlan, known, podPlan.reason(), false);
      }
      if (DrainPlanner.isTerminating(pod)) {
        return progress(pod, known, PodDrainState.EVICTING, "already terminating");
      }
      if (known != null && known.nextAttemptAt() != null && now.isBefore(known.nextAttemptAt())) {
        return known;
      }
      return attempt(pod, podPlan, known);
    }

    /**
     * Sends the eviction (or, for a pod without controller, the deletion) and records the answer.
     */
    private PodProgress attempt(Pod pod, PodPlan podPlan, PodProgress known) {
      boolean delete = podPlan.ownerKind() == null;
      String namespace = pod.getMetadata().getNamespace();
      String name = pod.getMetadata().getName();
      DrainGateway.Attempt answer =
          delete
              ? gateway.delete(
                  MAINTENANCE, cluster, namespace, name, uid(pod), options.gracePeriodSeconds())
              : gateway.evict(
                  MAINTENANCE, cluster, namespace, name, uid(pod), options.gracePeriodSeconds());
      int attempts = (known == null ? 0 : known.attempts()) + 1;
      return switch (answer.outcome()) {
        case ACCEPTED ->
            new PodProgress(
                namespace,
                name,
                uid(pod),
                delete ? PodDrainState.DELETING : PodDrainState.EVICTING,
                podPlan.pdb(),
                attempts,
                now,
                null,
                delete ? "deleted without a controller (force)" : "evicted");
        case GONE -> gone(progress(pod, known, PodDrainState.GONE, "already gone"));
        case TOO_MANY_REQUESTS ->
            blocked(
                pod,
                podPlan,
                new PodProgress(
                    namespace,
                    name,
                    uid(pod),
                    PodDrainState.BLOCKED,
                    podPlan.pdb(),
                    attempts,
                    now,
                    now.plus(backoff(attempts)),
                    null),
                "eviction refused (429)"
                    + (answer.message() == null ? "" : ": " + answer.message()),
                true);
        case FAILED ->
            new PodProgress(
                namespace,
                name,
                uid(pod),
                PodDrainState.FAILED,
                podPlan.pdb(),
                attempts,
                now,
                now.plus(backoff(attempts)),
                (delete ? "deletion failed: " : "eviction failed: ") + answer.message());
      };
    }

    /** Where a pod is when nothing is sent to it (timeout, or refusal of the drain). */
    private PodProgress held(Pod pod, PodPlan podPlan, PodProgress known) {
      if (isSkip(podPlan.fate())) {
        return progress(pod, known, PodDrainState.SKIPPED, podPlan.reason());
      }
      if (known != null) {
        return known;
      }
      if (podPlan.fate() == PodFate.BLOCKED_BY_PDB) {
        return blocked(pod, podPlan, null, podPlan.reason(), false);
      }
      return progress(pod, null, PodDrainState.PENDING, podPlan.reason());
    }

    /**
     * A pod its budget holds. {@code sent}: after a 429 (keeps the backoff); otherwise the plan
     * held it back without a request.
     */
    private PodProgress blocked(
        Pod pod, PodPlan podPlan, PodProgress known, String message, boolean sent) {
      return new PodProgress(
          pod.getMetadata().getNamespace(),
          pod.getMetadata().getName(),
          uid(pod),
          PodDrainState.BLOCKED,
          podPlan.pdb(),
          known == null ? 0 : known.attempts(),
          known == null ? null : known.lastAttemptAt(),
          sent && known != null ? known.nextAttemptAt() : null,
          message);
    }

    /** The progress after this pass. {@code timedOut}: the timeout has passed. */
    DrainProgress result(boolean timedOut) {
      List<PodProgress> all = List.copyOf(after.values());
      long left =
          all.stream()
              .filter(p -> p.state() != PodDrainState.GONE && p.state() != PodDrainState.SKIPPED)
              .count();
      List<DrainBlocker> blockers = blockers(all);
      if (left == 0) {
        return new DrainProgress(
            node,
            DrainState.SUCCEEDED,
            startedAt,
            now,
            all,
            List.of(),
            "Drained: "
                + count(all, PodDrainState.GONE)
                + " pods gone, "
                + count(all, PodDrainState.SKIPPED)
                + " skipped");
      }
      String summary = summary(all, left);
      if (timedOut) {
        return new DrainProgress(
            node,
            DrainState.TIMED_OUT,
            startedAt,
            now,
            all,
            blockers,
            "Timed out after " + options.timeout() + "; the node stays cordoned; " + summary);
      }
      boolean reportBlocked =
          !blockers.isEmpty() && !now.isBefore(startedAt.plus(options.blockedReportAfter()));
      if (reportBlocked) {
        return new DrainProgress(
            node,
            DrainState.BLOCKED,
            startedAt,
            null,
            all,
            blockers,
            "Blocked by disruption budgets ("
                + blockers.stream().map(DrainBlocker::pdb).collect(Collectors.joining(", "))
                + ") since at least "
                + options.blockedReportAfter()
                + "; "
                + summary);
      }
      return new DrainProgress(
          node, DrainState.RUNNING, startedAt, null, all, List.of(), "Draining; " + summary);
    }
  }

  /** Each budget that holds pods now, with those pods. */
  private static List<DrainBlocker> blockers(List<PodProgress> pods) {
    Map<String, Set<String>> byBudget = new LinkedHashMap<>();
    for (PodProgress pod : pods) {
      // a 429 without a budget (the apiserver's own throttling) is retried, but blames no budget
      if (pod.state() == PodDrainState.BLOCKED && pod.pdb() != null) {
        byBudget
            .computeIfAbsent(pod.namespace() + "/" + pod.pdb(), k -> new TreeSet<>())
            .add(pod.name());
      }
    }
    List<DrainBlocker> blockers = new ArrayList<>();
    byBudget.forEach(
        (key, names) -> {
          int slash = key.indexOf('/');
          blockers.add(
              new DrainBlocker(
                  key.substring(0, slash), key.substring(slash + 1), List.copyOf(names)));
        });
    return blockers;
  }

  private static String summary(List<PodProgress> pods, long left) {
    List<String> parts = new ArrayList<>();
    for (PodDrainState state :
        List.of(
            PodDrainState.PENDING,
            PodDrainState.EVICTING,
            PodDrainState.DELETING,
            PodDrainState.BLOCKED,
            PodDrainState.FAILED)) {
      long n = count(pods, state);
      if (n > 0) {
        parts.add(n + " " + state.name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return left + " pods left (" + String.join(", ", parts) + ")";
  }

  private static long count(List<PodProgress> pods, PodDrainState state) {
    return pods.stream().filter(p -> p.state() == state).count();
  }

  private static boolean isSkip(PodFate fate) {
    return fate == PodFate.SKIP_DAEMONSET
        || fate == PodFate.SKIP_MIRROR
        || fate == PodFate.SKIP_FINISHED;
  }

  private static PodProgress progress(
      Pod pod, PodProgress known, PodDrainState state, String message) {
    return new PodProgress(
        pod.getMetadata().getNamespace(),
        pod.getMetadata().getName(),
        uid(pod),
        state,
        known == null ? null : known.pdb(),
        known == null ? 0 : known.attempts(),
        known == null ? null : known.lastAttemptAt(),
        null,
        message);
  }

  /** The pod left the node: GONE, keeping what was done to it. */
  private static PodProgress gone(PodProgress pod) {
    if (pod.state() == PodDrainState.GONE) {
      return pod;
    }
    String how =
        switch (pod.state()) {
          case DELETING -> "deleted without a controller (force); gone";
          case EVICTING -> "evicted; gone";
          default -> "gone";
        };
    return new PodProgress(
        pod.namespace(),
        pod.name(),
        pod.uid(),
        PodDrainState.GONE,
        pod.pdb(),
        pod.attempts(),
        pod.lastAttemptAt(),
        null,
        how);
  }

  private static String uid(Pod pod) {
    return pod.getMetadata().getUid();
  }

  private static String name(Pod pod) {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }
}
