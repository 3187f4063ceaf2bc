package io.kubeward.server.helm;

import io.kubeward.access.app.Caller;
import io.kubeward.helm.app.HelmChange;
import io.kubeward.helm.app.HelmOperations;
import io.kubeward.helm.app.HelmReleases;
import io.kubeward.helm.app.UpgradePreview;
import io.kubeward.helm.domain.ChartSource;
import io.kubeward.helm.domain.HelmException;
import io.kubeward.helm.domain.HelmRelease;
import io.kubeward.helm.domain.HelmReleaseDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Base64;
import java.util.List;
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
 * Helm releases as apps (ADR 0051): read from the release Secrets as the caller; installed,
 * upgraded, rolled back and uninstalled by helm as the caller, each change audited.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/helm/releases")
class HelmController {

  private final HelmReleases releases;
  private final HelmOperations operations;

  HelmController(HelmReleases releases, HelmOperations operations) {
    this.releases = releases;
    this.operations = operations;
  }

  /**
   * Where the chart comes from: a repository ({@code repository} + {@code chart} + optional {@code
   * version}), an OCI reference ({@code oci} + optional {@code version}) or an uploaded archive
   * ({@code archive}, base64 of the .tgz, with {@code fileName}).
   */
  @Schema(name = "HelmChartSource")
  record ChartRequest(
      @Nullable @Schema(description = "http(s) URL of a chart repository") String repository,
      @Nullable @Schema(description = "chart name in the repository") String chart,
      @Nullable @Schema(description = "oci://host/path/chart") String oci,
      @Nullable @Schema(description = "chart version, e.g. 1.2.3; newest if absent") String version,
      @Nullable @Schema(description = "base64 of a packaged chart (.tgz)") String archive,
      @Nullable String fileName) {}

  @Schema(name = "HelmInstallRequest")
  record InstallRequest(
      String namespace,
      String name,
      ChartRequest chart,
      @Nullable @Schema(description = "values as one YAML mapping, at most 512 KiB")
          String values) {}

  @Schema(name = "HelmUpgradeRequest")
  record UpgradeRequest(
      ChartRequest chart,
      @Nullable @Schema(description = "the whole user values (replacing the current ones)")
          String values) {}

  @Schema(name = "HelmRollbackRequest")
  record RollbackRequest(@Schema(minimum = "1", maximum = "1000000") Integer revision) {}

  @Operation(summary = "Helm releases (newest revision of each), from their Secrets")
  @GetMapping
  List<HelmRelease> list(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(required = false) @Nullable String namespace,
      @RequestParam(required = false) @Nullable String status) {
    return releases.list(caller, cluster, namespace, status);
  }

  @Operation(summary = "A release's newest revision: values, manifest, notes, hooks")
  @GetMapping("/{namespace}/{name}")
  HelmReleaseDetail get(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    return releases.current(caller, cluster, namespace, name);
  }

  @Operation(summary = "Every revision of a release, newest first")
  @GetMapping("/{namespace}/{name}/history")
  List<HelmRelease> history(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    return releases.history(caller, cluster, namespace, name);
  }

  @Operation(summary = "One revision of a release in full")
  @GetMapping("/{namespace}/{name}/revisions/{revision}")
  HelmReleaseDetail revision(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name,
      @PathVariable Integer revision) {
    return releases.revision(caller, cluster, namespace, name, revision);
  }

  @Operation(summary = "Install a chart as a new release (helm install, as the caller)")
  @PostMapping
  HelmChange install(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestBody InstallRequest request) {
    if (request == null) {
      throw HelmException.invalid("a body with namespace, name and chart is required");
    }
    return operations.install(
        caller,
        cluster,
        request.namespace(),
        request.name(),
        chart(request.chart()),
        request.values());
  }

  @Operation(
      summary =
          "What an upgrade would change: values diff, and helm's server-side dry run diffed"
              + " against the live objects")
  @PostMapping("/{namespace}/{name}/upgrade/preview")
  UpgradePreview previewUpgrade(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name,
      @RequestBody UpgradeRequest request) {
    UpgradeRequest body = required(request);
    return operations.previewUpgrade(
        caller, cluster, namespace, name, chart(body.chart()), body.values());
  }

  @Operation(summary = "Upgrade a release (helm upgrade --reset-values, as the caller)")
  @PostMapping("/{namespace}/{name}/upgrade")
  HelmChange upgrade(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name,
      @RequestBody UpgradeRequest request) {
    UpgradeRequest body = required(request);
    return operations.upgrade(caller, cluster, namespace, name, chart(body.chart()), body.values());
  }

  @Operation(summary = "Roll a release back to a revision (helm rollback, as the caller)")
  @PostMapping("/{namespace}/{name}/rollback")
  HelmChange rollback(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name,
      @RequestBody RollbackRequest request) {
    return operations.rollback(
        caller, cluster, namespace, name, request == null ? null : request.revision());
  }

  @Operation(summary = "Uninstall a release (helm uninstall, as the caller)")
  @DeleteMapping("/{namespace}/{name}")
  HelmChange uninstall(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    return operations.uninstall(caller, cluster, namespace, name);
  }

  private static UpgradeRequest required(UpgradeRequest request) {
    if (request == null) {
      throw HelmException.invalid("a body with the chart is required");
    }
    return request;
  }

  /** Exactly one source; an archive is decoded and bounded by the use case. */
  static ChartSource chart(ChartRequest request) {
    if (request == null) {
      throw HelmException.invalid("a chart is required");
    }
    int sources =
        (present(request.repository()) || present(request.chart()) ? 1 : 0)
            + (present(request.oci()) ? 1 : 0)
            + (present(request.archive()) ? 1 : 0);
    if (sources != 1) {
      throw HelmException.invalid(
          "give exactly one chart source: repository + chart, oci, or an uploaded archive");
    }
    if (present(request.oci())) {
      return new ChartSource.Oci(request.oci(), request.version());
    }
    if (present(request.archive())) {
      byte[] archive;
      try {
        archive = Base64.getDecoder().decode(request.archive().strip());
      } catch (IllegalArgumentException e) {
        throw HelmException.invalid("the uploaded chart is not base64");
      }
      return new ChartSource.Uploaded(request.fileName(), archive);
    }
    return new ChartSource.Repository(request.repository(), request.chart(), request.version());
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
