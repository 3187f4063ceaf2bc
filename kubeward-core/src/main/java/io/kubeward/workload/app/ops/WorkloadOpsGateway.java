package io.kubeward.workload.app.ops;

import io.kubeward.access.app.Caller;
import io.kubeward.workload.domain.WorkloadRef;
import io.kubeward.workload.domain.ops.Revision;
import io.kubeward.workload.domain.ops.WorkloadState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: workloads read and changed live through the cluster's API with the caller's identity (ADR
 * 0013), so the cluster's RBAC and admission decide. Failures come back as {@link
 * io.kubeward.cluster.app.ClusterApiException}s (through {@code KubeErrors}), {@link
 * io.kubeward.cluster.app.ClusterUnreachableException} or {@link
 * io.kubeward.access.app.ClusterReadOnlyException}.
 */
public interface WorkloadOpsGateway {

  enum PatchType {
    MERGE,
    STRATEGIC_MERGE,
    JSON
  }

  /**
   * A workload as read or written.
   *
   * @param template its pod template as JSON-like maps (a CronJob's {@code
   *     spec.jobTemplate.spec.template})
   */
  record Live(WorkloadState state, String uid, Map<String, Object> template) {}

  /**
   * A revision with what is needed to show and restore it.
   *
   * @param template the revision's pod template as stored (hash labels included)
   * @param restorePatch for a ControllerRevision its {@code data} (a strategic merge patch that
   *     restores it, as kubectl applies it); {@code null} for a ReplicaSet
   */
  record StoredRevision(
      Revision revision, Map<String, Object> template, Map<String, Object> restorePatch) {}

  /** A Job created from a CronJob. */
  record CreatedJob(String namespace, String name, String uid) {}

  Optional<Live> get(Caller caller, WorkloadRef ref);

  /**
   * Patches the workload ({@code body}: a map, or a list for a JSON patch); returns it as written.
   */
  Live patch(Caller caller, WorkloadRef ref, PatchType type, Object body);

  /** The rollout history, newest first (empty when the kind keeps none). */
  List<StoredRevision> revisions(Caller caller, WorkloadRef ref);

  /** Creates a Job from the CronJob's template ({@code kubectl create job --from=cronjob/...}). */
  CreatedJob trigger(Caller caller, WorkloadRef cronJob);
}
