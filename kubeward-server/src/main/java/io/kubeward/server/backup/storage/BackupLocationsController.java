package io.kubeward.server.backup.storage;

import io.kubeward.access.app.Caller;
import io.kubeward.backup.app.ManageBackupLocations;
import io.kubeward.backup.domain.BackupLocation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Storage locations of backups and etcd snapshots (administrators only; changes and checks audited;
 * ADR 0040). Credentials are write-only: an answer says whether they are set, never what they are.
 */
@RestController
@RequestMapping("/api/v1/backup-locations")
class BackupLocationsController {

  private final ManageBackupLocations manage;
  private final ConfiguredArchiveStores stores;

  BackupLocationsController(ManageBackupLocations manage, ConfiguredArchiveStores stores) {
    this.manage = manage;
    this.stores = stores;
  }

  @Schema(
      name = "BackupLocationChange",
      description = "An S3-compatible storage location. Credentials are write-only.")
  record Change(
      @Schema(description = "DNS label") String name,
      @Schema(description = "s3 (default)", nullable = true) @Nullable String type,
      @Schema(
              description = "S3 endpoint, e.g. https://minio.example:9000; null: AWS",
              nullable = true)
          @Nullable String endpoint,
      @Schema(description = "Region; default us-east-1", nullable = true) @Nullable String region,
      String bucket,
      @Schema(description = "Key prefix inside the bucket", nullable = true)
          @Nullable String prefix,
      @Schema(
              description = "Path-style addressing; default: true with an endpoint",
              nullable = true)
          @Nullable Boolean pathStyle,
      @Schema(description = "Access key id (write-only)", nullable = true)
          @Nullable String accessKeyId,
      @Schema(description = "Secret access key (write-only)", nullable = true)
          @Nullable String secretAccessKey,
      @Schema(
              description =
                  "Allow loopback, link-local, private and metadata addresses (refused by default:"
                      + " SSRF guard)",
              nullable = true)
          @Nullable Boolean allowPrivateAddresses) {

    @Override
    public String toString() {
      return "Change[name=" + name + ", endpoint=" + endpoint + ", bucket=" + bucket + "]";
    }

    ManageBackupLocations.Change change() {
      return new ManageBackupLocations.Change(
          name,
          type,
          endpoint,
          region,
          bucket,
          prefix,
          pathStyle,
          accessKeyId,
          secretAccessKey,
          allowPrivateAddresses);
    }
  }

  @Schema(name = "BackupLocationView", description = "A storage location; credentials never shown")
  record View(
      String name,
      @Schema(allowableValues = {"local", "s3"}) String type,
      @Schema(description = "The local folder (built-in location) ", nullable = true)
          @Nullable String directory,
      @Schema(nullable = true) @Nullable String endpoint,
      @Schema(nullable = true) @Nullable String region,
      @Schema(nullable = true) @Nullable String bucket,
      String prefix,
      boolean pathStyle,
      boolean hasCredentials,
      boolean allowPrivateAddresses,
      boolean builtIn,
      @Schema(nullable = true) @Nullable String updatedBy,
      @Schema(nullable = true) @Nullable Instant updatedAt) {

    static View of(ManageBackupLocations.View v) {
      BackupLocation l = v.location();
      boolean local = l.type() == BackupLocation.Type.LOCAL;
      return new View(
          l.name(),
          local ? "local" : "s3",
          local ? l.prefix() : null,
          l.endpoint(),
          l.region(),
          l.bucket(),
          local ? "" : l.prefix(),
          l.pathStyle(),
          l.hasCredentials(),
          v.allowPrivateAddresses(),
          v.builtIn(),
          v.updatedBy(),
          v.updatedAt());
    }
  }

  @Schema(name = "BackupLocationCheck")
  record CheckResult(
      String name,
      boolean ok,
      @Schema(description = "Time the check took, in milliseconds") long latencyMillis) {}

  @Operation(summary = "All storage locations, local first (admin); credentials never shown")
  @GetMapping
  List<View> list(@Parameter(hidden = true) Caller caller) {
    return manage.list(caller).stream().map(View::of).toList();
  }

  @Operation(
      summary =
          "Register an S3-compatible storage location (admin, audited; SSRF-checked); 409 if it"
              + " exists")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  View create(@Parameter(hidden = true) Caller caller, @RequestBody Change change) {
    return View.of(manage.create(caller, change.change()));
  }

  @Operation(summary = "One storage location (admin); credentials never shown")
  @GetMapping("/{name}")
  View get(@Parameter(hidden = true) Caller caller, @PathVariable String name) {
    return View.of(manage.get(caller, name));
  }

  @Operation(
      summary =
          "Delete a storage location (admin, audited); the files stay where they are. The"
              + " built-in local location cannot be deleted.")
  @DeleteMapping("/{name}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@Parameter(hidden = true) Caller caller, @PathVariable String name) {
    manage.delete(caller, name);
    stores.forget(name);
  }

  @Operation(
      summary =
          "Check a storage location (admin, audited): write, list, read back and delete a small"
              + " file; 422 backup.location-check-failed with the cause")
  @PostMapping("/{name}/check")
  CheckResult check(@Parameter(hidden = true) Caller caller, @PathVariable String name) {
    ManageBackupLocations.CheckResult r = manage.check(caller, name);
    return new CheckResult(r.name(), true, r.latencyMillis());
  }
}
