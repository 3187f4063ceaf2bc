package io.kubeward.server.hpa;

import io.kubeward.access.app.Caller;
import io.kubeward.hpa.app.HpaChanges;
import io.kubeward.hpa.app.HpaQueries;
import io.kubeward.hpa.app.HpaResult;
import io.kubeward.hpa.app.HpaSummary;
import io.kubeward.hpa.app.VpaList;
import io.kubeward.hpa.domain.HpaBehavior;
import io.kubeward.hpa.domain.HpaDetail;
import io.kubeward.hpa.domain.HpaException;
import io.kubeward.hpa.domain.HpaMetric;
import io.kubeward.hpa.domain.HpaSpec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HorizontalPodAutoscalers (list from the cache, detail live, create/edit/delete as the caller,
 * validated, dry-run first, audited) and VerticalPodAutoscalers where installed (ADR 0047).
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}")
class HpaController {

  private final HpaQueries queries;
  private final HpaChanges changes;

  HpaController(HpaQueries queries, HpaChanges changes) {
    this.queries = queries;
    this.changes = changes;
  }

  /** A create or edit request; {@code namespace} and {@code name} come from the URL on edit. */
  record HpaRequest(
      @Nullable String namespace,
      @Nullable String name,
      @Schema(allowableValues = {"Deployment", "StatefulSet", "ReplicaSet"}) String targetKind,
      String targetName,
      @Schema(minimum = "1", maximum = "100000") @Nullable Integer minReplicas,
      @Schema(minimum = "1", maximum = "100000") Integer maxReplicas,
      @Nullable List<HpaMetric> metrics,
      @Nullable HpaBehavior behavior,
      @Nullable String resourceVersion) {

    HpaSpec spec(String namespace, String name) {
      return new HpaSpec(
          namespace,
          name,
          targetKind,
          targetName,
          minReplicas,
          maxReplicas,
          metrics,
          behavior,
          resourceVersion);
    }
  }

  record HpaDeleted(long auditId) {}

  @Operation(summary = "The HPAs (from the shared cache), of one namespace or all visible ones")
  @GetMapping("/hpas")
  List<HpaSummary> list(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(required = false) @Nullable String namespace) {
    return queries.list(caller, cluster, namespace);
  }

  @Operation(
      summary =
          "One HPA, read live as the caller: metrics current vs target, conditions, behavior,"
              + " events and replica history")
  @GetMapping("/hpas/{namespace}/{name}")
  HpaDetail detail(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    return queries.detail(caller, cluster, namespace, name);
  }

  @Operation(summary = "One HPA as YAML (managed fields removed)")
  @ApiResponse(
      responseCode = "200",
      description = "The HPA as YAML",
      content = @Content(mediaType = "application/yaml", schema = @Schema(type = "string")))
  @GetMapping("/hpas/{namespace}/{name}/yaml")
  ResponseEntity<String> yaml(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/yaml"))
        .body(queries.yaml(caller, cluster, namespace, name));
  }

  @Operation(
      summary =
          "Create an HPA: validated, target checked, server-side dry run, then written as the"
              + " caller and audited; dryRun=true stops after the dry run")
  @PostMapping(value = "/hpas", consumes = MediaType.APPLICATION_JSON_VALUE)
  HpaResult create(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestBody HpaRequest request) {
    if (request == null) {
      throw HpaException.invalid("body");
    }
    return changes.create(
        caller, cluster, request.spec(request.namespace(), request.name()), dryRun);
  }

  @Operation(
      summary = "Replace an HPA's spec; resourceVersion is required and a stale one is a conflict")
  @PutMapping(value = "/hpas/{namespace}/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
  HpaResult edit(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestBody HpaRequest request) {
    if (request == null) {
      throw HpaException.invalid("body");
    }
    return changes.edit(caller, cluster, request.spec(namespace, name), dryRun);
  }

  @Operation(summary = "Delete an HPA (as the caller, audited)")
  @DeleteMapping("/hpas/{namespace}/{name}")
  HpaDeleted delete(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    return new HpaDeleted(changes.delete(caller, cluster, namespace, name));
  }

  @Operation(
      summary =
          "The VerticalPodAutoscalers (read live as the caller), or installed=false when the"
              + " cluster does not serve the VPA API")
  @GetMapping("/vpas")
  VpaList vpas(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(required = false) @Nullable String namespace) {
    return queries.vpas(caller, cluster, namespace);
  }
}
