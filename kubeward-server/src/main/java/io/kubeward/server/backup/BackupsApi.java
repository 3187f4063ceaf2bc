package io.kubeward.server.backup;

import io.kubeward.access.app.Caller;
import io.kubeward.backup.app.BackupScheduleView;
import io.kubeward.backup.app.BackupView;
import io.kubeward.backup.app.InvalidBackupException;
import io.kubeward.backup.app.ManageBackups;
import io.kubeward.backup.domain.BackupScheduleSpec;
import io.kubeward.backup.domain.BackupSpec;
import io.kubeward.backup.kube.BackupResources;
import io.kubeward.server.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Backups and BackupSchedules (ADR 0041): read and written as the caller (impersonated), validated
 * by the one validator before anything is written, stamped with the caller's identity (the
 * controllers act for it, never with Kubeward's rights), every change audited.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}")
class BackupsApi {

  private final ManageBackups backups;

  BackupsApi(ManageBackups backups) {
    this.backups = backups;
  }

  /** The body of a POST of a Backup: its name (generated when absent) and spec. */
  @Schema(name = "BackupCreate")
  record BackupCreate(@Nullable String name, BackupSpec spec) {}

  /** The body of a POST of a BackupSchedule. */
  @Schema(name = "BackupScheduleCreate")
  record ScheduleCreate(String name, BackupScheduleSpec spec) {}

  // ------------------------------------------------------------------ Backups

  @Operation(summary = "The Backups in every namespace the caller may list")
  @GetMapping("/backups")
  List<BackupView> listAll(@Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    return backups.list(caller, cluster, null);
  }

  @Operation(summary = "The Backups of a namespace")
  @GetMapping("/namespaces/{namespace}/backups")
  List<BackupView> list(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace) {
    return backups.list(caller, cluster, namespace);
  }

  @Operation(
      summary = "Create a Backup acting for the caller",
      description =
          "Validated first (400 backup.invalid with problems). The Backup is created with the"
              + " caller's own rights (403 when the cluster refuses) and stamped"
              + " kubeward.io/acting-as: the controller collects only what the caller may read;"
              + " what they may not is a failure per object or kind, never read with Kubeward's"
              + " rights.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = BackupCreate.class))))
  @PostMapping("/namespaces/{namespace}/backups")
  ResponseEntity<BackupView> create(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @RequestBody Map<String, Object> body) {
    BackupSpec spec = spec(body.get("spec"), BackupSpec.class);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(backups.create(caller, cluster, namespace, name(body, false), spec));
  }

  @Operation(summary = "One Backup with its progress, counts per kind and failures")
  @GetMapping("/namespaces/{namespace}/backups/{name}")
  BackupView get(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    return backups.get(caller, cluster, namespace, name);
  }

  @Operation(summary = "Delete a Backup and its archive")
  @DeleteMapping("/namespaces/{namespace}/backups/{name}")
  ResponseEntity<Void> delete(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    backups.delete(caller, cluster, namespace, name);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "Verify a Backup's archive",
      description =
          "Reads the whole archive: every entry's SHA-256 against the manifest, the manifest, and"
              + " the archive's SHA-256 against the one recorded. 409 backup.no-archive when the"
              + " Backup has none.")
  @PostMapping("/namespaces/{namespace}/backups/{name}/verify")
  ManageBackups.BackupVerification verify(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    return backups.verify(caller, cluster, namespace, name);
  }

  @Operation(
      summary = "Download a Backup's archive (zip)",
      description =
          "For the person the Backup acted for, or an administrator (403"
              + " backup.download-forbidden): the archive holds what that person could read.")
  @GetMapping("/namespaces/{namespace}/backups/{name}/archive")
  ResponseEntity<StreamingResponseBody> archive(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    ManageBackups.ArchiveDownload download = backups.download(caller, cluster, namespace, name);
    StreamingResponseBody body =
        out -> {
          try (InputStream in = download.stream()) {
            in.transferTo(out);
          }
        };
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + download.fileName() + "\"")
        .contentType(MediaType.parseMediaType("application/zip"))
        .contentLength(download.size())
        .body(Downloads.untilTheClientLeaves("backup archive", body));
  }

  // ------------------------------------------------------------------ schedules

  @Operation(summary = "The BackupSchedules in every namespace the caller may list")
  @GetMapping("/backup-schedules")
  List<BackupScheduleView> listAllSchedules(
      @Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    return backups.listSchedules(caller, cluster, null);
  }

  @Operation(summary = "The BackupSchedules of a namespace")
  @GetMapping("/namespaces/{namespace}/backup-schedules")
  List<BackupScheduleView> listSchedules(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace) {
    return backups.listSchedules(caller, cluster, namespace);
  }

  @Operation(
      summary = "Create a BackupSchedule acting for the caller",
      description =
          "Validated first (400 backup.invalid). Its Backups are stamped with the caller's"
              + " identity and named <schedule>-<yyyyMMddHHmmss>.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = ScheduleCreate.class))))
  @PostMapping("/namespaces/{namespace}/backup-schedules")
  ResponseEntity<BackupScheduleView> createSchedule(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @RequestBody Map<String, Object> body) {
    BackupScheduleSpec spec = spec(body.get("spec"), BackupScheduleSpec.class);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(backups.createSchedule(caller, cluster, namespace, name(body, true), spec));
  }

  @Operation(summary = "One BackupSchedule")
  @GetMapping("/namespaces/{namespace}/backup-schedules/{name}")
  BackupScheduleView getSchedule(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    return backups.getSchedule(caller, cluster, namespace, name);
  }

  @Operation(summary = "Delete a BackupSchedule (its Backups stay)")
  @DeleteMapping("/namespaces/{namespace}/backup-schedules/{name}")
  ResponseEntity<Void> deleteSchedule(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    backups.deleteSchedule(caller, cluster, namespace, name);
    return ResponseEntity.noContent().build();
  }

  // ------------------------------------------------------------------ parsing

  private static <T> T spec(@Nullable Object spec, Class<T> type) {
    T parsed = BackupResources.convert(spec, type);
    if (parsed == null) {
      throw new InvalidBackupException(
          List.of("spec: " + (spec == null ? "is required" : "has a wrong shape")));
    }
    return parsed;
  }

  private static @Nullable String name(Map<String, Object> body, boolean required) {
    Object name = body.get("name");
    if (name == null && body.get("metadata") instanceof Map<?, ?> metadata) {
      name = metadata.get("name");
    }
    if (name != null && !(name instanceof String)) {
      throw new InvalidBackupException(List.of("name: must be a string"));
    }
    if (required && (name == null || ((String) name).isBlank())) {
      throw new InvalidBackupException(List.of("name: is required"));
    }
    return (String) name;
  }
}
