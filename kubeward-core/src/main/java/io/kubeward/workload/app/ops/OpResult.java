package io.kubeward.workload.app.ops;

import io.kubeward.workload.domain.ops.RevisionDiff;
import io.kubeward.workload.domain.ops.WorkloadState;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer of every workload operation.
 *
 * @param workload the workload as the operation left it ({@code null} after a delete)
 * @param auditId the sequence number of the audit record written ({@code -1} for a dry run)
 * @param warnings things the caller should know (e.g. an HPA will undo a scale), each a stable code
 *     with parameters for the console's and CLI's bundles
 * @param job the Job a CronJob trigger created
 * @param diff the template change of a rollback (also the only answer of its dry run)
 * @param dryRun whether nothing was changed
 */
public record OpResult(
    @Nullable WorkloadState workload,
    long auditId,
    List<Warning> warnings,
    WorkloadOpsGateway.@Nullable CreatedJob job,
    @Nullable RevisionDiff diff,
    boolean dryRun) {

  /** Code {@code hpa-managed} (params {@code hpa}, {@code min}, {@code max}). */
  public record Warning(String code, String message, Map<String, String> params) {}

  static OpResult of(@Nullable WorkloadState workload, long auditId) {
    return new OpResult(workload, auditId, List.of(), null, null, false);
  }
}
