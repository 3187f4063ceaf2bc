package io.kubeward.workload.app;

import io.kubeward.access.app.Caller;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.workload.domain.RolloutObservation;
import io.kubeward.workload.domain.RolloutPod;
import io.kubeward.workload.domain.RolloutStatus;
import io.kubeward.workload.domain.Rollouts;
import io.kubeward.workload.domain.WorkloadKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Use case: a workload's rollout status for the caller, judged by {@link Rollouts} from the shared
 * cache, with the new revision's pods that are not ready (if the caller may list pods there), each
 * with the diagnostics findings about it. For kinds without a progress deadline the last progress
 * is the later of the newest pod's creation and the last change of the counts this replica saw.
 */
public final class TrackRollout {

  private final WorkloadObjects objects;
  private final PodFindings findings;
  private final WorkloadSettings settings;
  private final Clock clock;
  private final ProgressMemory memory = new ProgressMemory();

  public TrackRollout(
      ClusterReads reads, PodFindings findings, WorkloadSettings settings, Clock clock) {
    this.objects = new WorkloadObjects(reads);
    this.findings = findings;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * @throws WorkloadRequestException for an unknown kind or a CronJob
   * @throws WorkloadNotFoundException if there is no such workload
   * @throws io.kubeward.access.app.AccessDeniedException if the caller may not list its kind there
   */
  public RolloutStatus status(
      Caller caller, String cluster, String kind, String namespace, String name) {
    WorkloadKind workloadKind = WorkloadObjects.kind(kind);
    if (workloadKind == WorkloadKind.CRONJOB) {
      throw WorkloadRequestException.noRollout(workloadKind.kind());
    }
    return status(objects.find(caller, cluster, workloadKind, namespace, name));
  }

  /**
   * Follows a workload: checks it as {@link #status} does (so a refusal is an ordinary error), then
   * calls {@code changed} once at once and whenever the cache changes something in its namespace
   * that a rollout is made of (the workload's kind, ReplicaSets, pods, Jobs).
   *
   * @return what stops following
   */
  public AutoCloseable follow(
      Caller caller, String cluster, String kind, String namespace, String name, Runnable changed) {
    status(caller, cluster, kind, namespace, name);
    var managed = objects.cluster(cluster);
    CachedKind own = WorkloadObjects.cached(WorkloadObjects.kind(kind));
    java.util.function.Consumer<io.kubeward.cluster.domain.ViewChange> listener =
        change -> {
          CachedKind changedKind = change.kind();
          if ((changedKind == own
                  || changedKind == CachedKind.PODS
                  || changedKind == CachedKind.REPLICASETS
                  || changedKind == CachedKind.JOBS)
              && namespace.equals(change.view().namespace())) {
            changed.run();
          }
        };
    managed.addListener(listener);
    changed.run();
    return () -> managed.removeListener(listener);
  }

  RolloutStatus status(WorkloadObjects.Target target) {
    List<PodView> pods = WorkloadObjects.pods(target);
    ObjectView newest =
        target.kind() == WorkloadKind.DEPLOYMENT
            ? WorkloadObjects.newestReplicaSet(WorkloadObjects.replicaSets(target))
            : null;
    List<PodView> waiting = new ArrayList<>();
    Instant newestPod = target.view().createdAt();
    for (PodView pod : pods) {
      if (pod.createdAt() != null && (newestPod == null || pod.createdAt().isAfter(newestPod))) {
        newestPod = pod.createdAt();
      }
      if (WorkloadObjects.current(target, newest, pod) && WorkloadObjects.notReady(pod)) {
        waiting.add(pod);
      }
    }
    List<RolloutPod> notReady = new ArrayList<>();
    if (objects.sees(target, CachedKind.PODS)) {
      waiting.sort(
          Comparator.comparing((PodView p) -> p.createdAt() == null ? Instant.EPOCH : p.createdAt())
              .thenComparing(PodView::name));
      for (PodView pod : waiting) {
        List<io.kubeward.workload.domain.PodFinding> about =
            notReady.size() < settings.maxFindingPods()
                ? findings.about(
                    target.caller(), target.cluster().name(), target.namespace(), pod.name())
                : List.of();
        notReady.add(WorkloadObjects.rolloutPod(pod, about));
      }
    }
    RolloutObservation counts = WorkloadObjects.observe(target, List.of(), null);
    Instant now = clock.instant();
    Instant changed =
        memory.observe(
            target.cluster().name() + "/" + target.kind().plural() + "/" + target.view().uid(),
            fingerprint(counts, pods.size()),
            now);
    Instant lastProgress = later(newestPod, changed);
    return Rollouts.judge(
        WorkloadObjects.observe(target, notReady, lastProgress), now, settings.stuckAfter());
  }

  private static String fingerprint(RolloutObservation o, int pods) {
    return o.desired()
        + "/"
        + o.updated()
        + "/"
        + o.ready()
        + "/"
        + o.available()
        + "/"
        + o.total()
        + "/"
        + o.revision()
        + "/"
        + o.observedGeneration()
        + "/"
        + pods;
  }

  private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
