package io.kubeward.server.workload.ops;

import io.kubeward.access.app.Caller;
import io.kubeward.workload.app.ops.OpResult;
import io.kubeward.workload.app.ops.WorkloadOperations;
import io.kubeward.workload.domain.WorkloadKind;
import io.kubeward.workload.domain.WorkloadRef;
import io.kubeward.workload.domain.ops.Revision;
import io.kubeward.workload.domain.ops.RevisionDiff;
import io.kubeward.workload.domain.ops.WorkloadOpException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workload operations (ADR 0039), each done with the caller's identity and audited; every answer
 * carries the workload as written and the audit record's number.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/namespaces/{namespace}/workloads")
class WorkloadOpsController {

  private final WorkloadOperations operations;

  WorkloadOpsController(WorkloadOperations operations) {
    this.operations = operations;
  }

  record ScaleRequest(@Schema(minimum = "0", maximum = "10000") Integer replicas) {}

  /** One container ({@code container} + {@code image}) or several ({@code images}). */
  record ImageRequest(
      @Nullable String container, @Nullable String image, @Nullable Map<String, String> images) {}

  record RollbackRequest(
      @Schema(minimum = "1", maximum = "1000000000") Long revision, @Nullable Boolean dryRun) {}

  @Operation(summary = "Scale a Deployment, StatefulSet or ReplicaSet (0..10000 replicas)")
  @PostMapping("/{plural}/{name}/scale")
  OpResult scale(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String plural,
      @PathVariable String name,
      @RequestBody ScaleRequest request) {
    return operations.scale(
        caller, ref(cluster, namespace, plural, name), request == null ? null : request.replicas());
  }

  @Operation(summary = "Restart the rollout (kubectl rollout restart)")
  @PostMapping("/{plural}/{name}/restart")
  OpResult restart(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String plural,
      @PathVariable String name) {
    return operations.restart(caller, ref(cluster, namespace, plural, name));
  }

  @Operation(summary = "Pause a Deployment's rollout")
  @PostMapping("/{plural}/{name}/pause")
  OpResult pause(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String plural,
      @PathVariable String name) {
    return operations.pause(caller, ref(cluster, namespace, plural, name), true);
  }

  @Operation(summary = "Resume a Deployment's rollout")
  @PostMapping("/{plural}/{name}/resume")
  OpResult resume(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String plural,
      @PathVariable String name) {
    return operations.pause(caller, ref(cluster, namespace, plural, name), false);
  }

  @Operation(summary = "Set container images (kubectl set image)")
  @PostMapping("/{plural}/{name}/image")
  OpResult image(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String plural,
      @PathVariable String name,
      @RequestBody ImageRequest request) {
    Map<String, String> images = new LinkedHashMap<>();
    if (request != null && request.images() != null) {
      images.putAll(request.images());
    }
    if (request != null && (request.container() != null || request.image() != null)) {
      images.put(String.valueOf(request.container()), String.valueOf(request.image()));
    }
    return operations.setImages(caller, ref(cluster, namespace, plural, name), images);
  }

  @Operation(summary = "The rollout history, newest first")
  @GetMapping("/{plural}/{name}/revisions")
  List<Revision> revisions(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String plural,
      @PathVariable String name) {
    return operations.revisions(caller, ref(cluster, namespace, plural, name));
  }

  @Operation(summary = "Two revisions' pod templates side by side and as a unified diff")
  @GetMapping("/{plural}/{name}/revisions/diff")
  RevisionDiff diff(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String plural,
      @PathVariable String name,
      @RequestParam Long from,
      @RequestParam Long to) {
    return operations.diff(caller, ref(cluster, namespace, plural, name), from, to);
  }

  @Operation(summary = "One revision with its pod template (YAML, hash labels stripped)")
  @GetMapping("/{plural}/{name}/revisions/{revision}")
  WorkloadOperations.RevisionDetail revision(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String plural,
      @PathVariable String name,
      @PathVariable Long revision) {
    return operations.revision(caller, ref(cluster, namespace, plural, name), revision);
  }

  @Operation(
      summary = "Roll back to a revision (kubectl rollout undo --to-revision)",
      description = "dryRun=true answers the diff from the live template only; nothing changes.")
  @PostMapping("/{plural}/{name}/rollback")
  OpResult rollback(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String plural,
      @PathVariable String name,
      @RequestBody RollbackRequest request) {
    return operations.rollback(
        caller,
        ref(cluster, namespace, plural, name),
        request == null ? null : request.revision(),
        request != null && Boolean.TRUE.equals(request.dryRun()));
  }

  @Operation(summary = "Suspend a CronJob")
  @PostMapping("/cronjobs/{name}/suspend")
  OpResult suspend(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    return operations.suspend(caller, ref(cluster, namespace, "cronjobs", name), true);
  }

  @Operation(summary = "Resume a suspended CronJob")
  @PostMapping("/cronjobs/{name}/resume")
  OpResult unsuspend(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    return operations.suspend(caller, ref(cluster, namespace, "cronjobs", name), false);
  }

  @Operation(summary = "Start a Job from a CronJob now (kubectl create job --from=cronjob/...)")
  @PostMapping("/cronjobs/{name}/trigger")
  OpResult trigger(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    return operations.trigger(caller, ref(cluster, namespace, "cronjobs", name));
  }

  @Operation(summary = "Delete a workload with a cascade (background, foreground or orphan)")
  @DeleteMapping("/{plural}/{name}")
  OpResult delete(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String plural,
      @PathVariable String name,
      @Parameter(schema = @Schema(allowableValues = {"background", "foreground", "orphan"}))
          @RequestParam(required = false)
          String cascade) {
    return operations.delete(caller, ref(cluster, namespace, plural, name), cascade);
  }

  private static WorkloadRef ref(String cluster, String namespace, String plural, String name) {
    WorkloadKind kind =
        WorkloadKind.parse(plural)
            .filter(k -> k.plural().equals(plural))
            .orElseThrow(() -> WorkloadOpException.invalid("unknown workload kind " + plural));
    return new WorkloadRef(cluster, kind, namespace, name);
  }
}
