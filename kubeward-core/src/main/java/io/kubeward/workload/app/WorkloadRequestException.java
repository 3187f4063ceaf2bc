package io.kubeward.workload.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/** A workload request that cannot be answered as asked: an unknown kind, a kind without rollout. */
public final class WorkloadRequestException extends KubewardException {

  public static final String UNKNOWN_KIND = "workload.unknown-kind";
  public static final String NO_ROLLOUT = "workload.no-rollout";

  private WorkloadRequestException(String code, String message, Map<String, Object> properties) {
    super(code, ErrorKind.INVALID, message, properties);
  }

  /** {@code kind} names no workload kind. */
  public static WorkloadRequestException unknownKind(String kind) {
    return new WorkloadRequestException(
        UNKNOWN_KIND,
        "Unknown workload kind " + kind,
        Map.of(
            "kind",
            kind,
            "kinds",
            "deployments, statefulsets, daemonsets, replicasets, jobs, cronjobs"));
  }

  /** The kind has no rollout to follow (CronJobs). */
  public static WorkloadRequestException noRollout(String kind) {
    return new WorkloadRequestException(
        NO_ROLLOUT, "A " + kind + " has no rollout", Map.of("kind", kind));
  }
}
