package io.kubeward.server.backup.restore;

import io.kubeward.access.app.Caller;
import io.kubeward.backup.app.restore.InvalidRestoreException;
import io.kubeward.backup.app.restore.ManageRestores;
import io.kubeward.backup.app.restore.RestorePreview;
import io.kubeward.backup.app.restore.RestoreResults;
import io.kubeward.backup.app.restore.RestoreView;
import io.kubeward.backup.domain.RestoreOutcome;
import io.kubeward.backup.domain.restore.RestoreProblem;
import io.kubeward.backup.domain.restore.RestoreSpec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Restores (ADR 0042): a synchronous, bounded preview checked as the caller; Restores created with
 * the caller's client and stamped with the caller's identity, which the controller acts as; their
 * per-object results paged by outcome. Archives are verified by their checksums before anything is
 * planned or restored (422 {@code restore.archive-corrupted}).
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}")
class RestoresApi {

  private final ManageRestores restores;

  RestoresApi(ManageRestores restores) {
    this.restores = restores;
  }

  /** The body of a preview. */
  @Schema(name = "RestorePreviewRequest")
  record PreviewRequest(RestoreSpec spec) {}

  /** The body of a create. */
  @Schema(name = "RestoreCreate")
  record Create(String name, RestoreSpec spec) {}

  @Operation(
      summary = "Preview a restore into this cluster",
      description =
          "What a restore would do with every selected archived object: create, skip or"
              + " overwrite an existing one, conflict (immutable fields, a collision), or cannot"
              + " (missing CRD, namespace mapping gap, the caller lacks the right) — checked as"
              + " the caller. The archive is verified by its checksums first (422"
              + " restore.archive-corrupted). At most kubeward.backups.restore.preview-limit items"
              + " are listed; the counts cover all.")
  @PostMapping("/restores/preview")
  RestorePreview preview(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestBody PreviewRequest body) {
    return restores.preview(caller, cluster, body == null ? null : body.spec());
  }

  @Operation(summary = "The Restores the caller may list, in all namespaces")
  @GetMapping("/restores")
  List<RestoreView> listAll(@Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    return restores.list(caller, cluster, null);
  }

  @Operation(summary = "The Restores of one namespace")
  @GetMapping("/namespaces/{namespace}/restores")
  List<RestoreView> list(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace) {
    return restores.list(caller, cluster, namespace);
  }

  @Operation(
      summary = "Start a restore",
      description =
          "Validated first (400 restore.invalid); written with the caller's client and stamped"
              + " kubeward.io/acting-as: the controller restores as the caller, never with"
              + " Kubeward's rights. A raw archive key as the source is for administrators.")
  @PostMapping("/namespaces/{namespace}/restores")
  ResponseEntity<RestoreView> create(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @RequestBody Create body) {
    if (body == null || body.name() == null || body.name().isBlank()) {
      throw new InvalidRestoreException(List.of(new RestoreProblem("name", "is required")));
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(restores.create(caller, cluster, namespace, body.name(), body.spec()));
  }

  @Operation(summary = "One Restore with its status (phase, stage, progress, counts)")
  @GetMapping("/namespaces/{namespace}/restores/{name}")
  RestoreView get(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    return restores.get(caller, cluster, namespace, name);
  }

  @Operation(summary = "Delete a Restore and its results (what it restored stays)")
  @DeleteMapping("/namespaces/{namespace}/restores/{name}")
  ResponseEntity<Void> delete(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    restores.delete(caller, cluster, namespace, name);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "A Restore's per-object results, paged",
      description =
          "outcome: CREATED, UPDATED, SKIPPED or FAILED (all when absent); page from 0; size"
              + " 1–500 (default 100).")
  @GetMapping("/namespaces/{namespace}/restores/{name}/results")
  RestoreResults.Page results(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name,
      @RequestParam(required = false) @Nullable String outcome,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    return restores.results(caller, cluster, namespace, name, outcome(outcome), page, size);
  }

  static @Nullable RestoreOutcome outcome(@Nullable String outcome) {
    if (outcome == null || outcome.isBlank()) {
      return null;
    }
    try {
      return RestoreOutcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRestoreException(
          List.of(
              new RestoreProblem(
                  "outcome", "must be one of CREATED, UPDATED, SKIPPED, FAILED, is " + outcome)));
    }
  }
}
