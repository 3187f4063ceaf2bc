package io.kubeward.server.release;

import io.kubeward.access.app.Caller;
import io.kubeward.release.app.InvalidReleaseException;
import io.kubeward.release.app.ManageReleases;
import io.kubeward.release.app.ReleaseView;
import io.kubeward.release.domain.ReleaseProblem;
import io.kubeward.release.domain.ReleaseSpec;
import io.kubeward.release.kube.ReleaseResources;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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
 * Releases (docs/API.md, section Releases; ADR 0035): read and written as the caller
 * (impersonated), validated by the one validator before anything is written; promote, abort, retry,
 * pause and resume are requests the controller acts on once, each audited.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}")
class ReleasesApi {

  /** Longest YAML body read. */
  static final int MAX_YAML = 256 * 1024;

  private final ManageReleases releases;

  ReleasesApi(ManageReleases releases) {
    this.releases = releases;
  }

  /** The body of a PUT: the spec and optionally the resourceVersion it is based on. */
  @Schema(name = "ReleaseWrite")
  record ReleaseWrite(ReleaseSpec spec, @Nullable String resourceVersion) {}

  @Schema(name = "ReleaseValidationRequest")
  record ValidationRequest(@Nullable String name, ReleaseSpec spec) {}

  @Schema(name = "ReleasePromotion")
  record Promotion(@Nullable Boolean full) {}

  @Operation(summary = "The Releases the caller may list (one namespace, or all)")
  @GetMapping("/releases")
  List<ReleaseView> list(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(required = false) @Nullable String namespace) {
    return releases.list(
        caller, cluster, namespace == null || namespace.isBlank() ? null : namespace);
  }

  @Operation(summary = "One Release with its status")
  @GetMapping("/namespaces/{namespace}/releases/{name}")
  ReleaseView get(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    return releases.get(caller, cluster, namespace, name);
  }

  @Operation(
      summary = "Create or replace a Release",
      description =
          "Validated first (400 release.invalid with problems); the caller must be allowed to"
              + " patch the Deployment and update Services in the namespace (403 otherwise). A"
              + " spec with promql checks also needs the PromQL permission of ADR 0021 (403"
              + " release.promql-forbidden otherwise); Kubeward then stamps the Release with the"
              + " annotation kubeward.io/promql-approval, without which the controller does not"
              + " run its queries (Accepted=False, PromqlNotApproved).",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = ReleaseWrite.class))))
  @PutMapping("/namespaces/{namespace}/releases/{name}")
  ReleaseView put(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name,
      @RequestBody Map<String, Object> body,
      Locale locale) {
    return releases.apply(
        caller, cluster, namespace, name, spec(body.get("spec")), resourceVersion(body), locale);
  }

  @Operation(
      summary = "Create or replace a Release from YAML (the console's YAML editor)",
      description = "The whole object or {spec, resourceVersion} as YAML, at most 256 KiB.")
  @PutMapping(
      value = "/namespaces/{namespace}/releases/{name}",
      consumes = {"application/yaml", "application/x-yaml"})
  ReleaseView putYaml(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name,
      @RequestBody String body,
      Locale locale) {
    return put(caller, cluster, namespace, name, yaml(body), locale);
  }

  @Operation(summary = "Delete a Release (an unfinished one is rolled back first)")
  @DeleteMapping("/namespaces/{namespace}/releases/{name}")
  ResponseEntity<Void> delete(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    releases.delete(caller, cluster, namespace, name);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "Promote: past the current step, or to 100 % with full",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = Promotion.class))))
  @PostMapping("/namespaces/{namespace}/releases/{name}/promote")
  ReleaseView promote(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name,
      @RequestBody(required = false) @Nullable Map<String, Object> body) {
    boolean full = body != null && Boolean.TRUE.equals(body.get("full"));
    return releases.promote(caller, cluster, namespace, name, full);
  }

  @Operation(summary = "Abort: traffic back to stable, the new pods scaled to 0")
  @PostMapping("/namespaces/{namespace}/releases/{name}/abort")
  ReleaseView abort(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    return releases.abort(caller, cluster, namespace, name);
  }

  @Operation(summary = "Retry an aborted or degraded Release from step 0")
  @PostMapping("/namespaces/{namespace}/releases/{name}/retry")
  ReleaseView retry(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    return releases.retry(caller, cluster, namespace, name);
  }

  @Operation(summary = "Pause (spec.paused = true)")
  @PostMapping("/namespaces/{namespace}/releases/{name}/pause")
  ReleaseView pause(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    return releases.pause(caller, cluster, namespace, name);
  }

  @Operation(summary = "Resume (spec.paused = false)")
  @PostMapping("/namespaces/{namespace}/releases/{name}/resume")
  ReleaseView resume(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    return releases.resume(caller, cluster, namespace, name);
  }

  @Operation(
      summary = "Validate a Release without writing it (the editor's check)",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = ValidationRequest.class))))
  @PostMapping("/releases/validate")
  ManageReleases.ReleaseVerdict validate(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestBody Map<String, Object> body,
      Locale locale) {
    Object name = body.get("name");
    if (name == null && body.get("metadata") instanceof Map<?, ?> metadata) {
      name = metadata.get("name");
    }
    try {
      return releases.validate(name instanceof String s ? s : null, spec(body.get("spec")), locale);
    } catch (InvalidReleaseException e) {
      return new ManageReleases.ReleaseVerdict(false, e.problems());
    }
  }

  @Operation(summary = "Validate a Release written as YAML without writing it")
  @PostMapping(
      value = "/releases/validate",
      consumes = {"application/yaml", "application/x-yaml"})
  ManageReleases.ReleaseVerdict validateYaml(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestBody String body,
      Locale locale) {
    try {
      return validate(caller, cluster, yaml(body), locale);
    } catch (InvalidReleaseException e) {
      return new ManageReleases.ReleaseVerdict(false, e.problems());
    }
  }

  private static ReleaseSpec spec(@Nullable Object spec) {
    ReleaseSpec parsed = ReleaseResources.spec(spec);
    if (parsed == null) {
      throw new InvalidReleaseException(
          List.of(new ReleaseProblem("spec", spec == null ? "is required" : "has a wrong shape")));
    }
    return parsed;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidReleaseException(List.of(new ReleaseProblem("yaml", "is empty")));
    }
    if (body.length() > MAX_YAML) {
      throw new InvalidReleaseException(
          List.of(new ReleaseProblem("yaml", "is longer than " + MAX_YAML + " characters")));
    }
    try {
      Object parsed =
          new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readValue(body, Object.class);
      if (!(parsed instanceof Map<?, ?> map)) {
        throw new InvalidReleaseException(
            List.of(new ReleaseProblem("yaml", "must be a mapping (an object)")));
      }
      return new LinkedHashMap<>((Map<String, Object>) map);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      String text = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage();
      throw new InvalidReleaseException(
          List.of(new ReleaseProblem("yaml", text.length() > 300 ? text.substring(0, 300) : text)));
    }
  }

  @SuppressWarnings("unchecked")
  private static @Nullable String resourceVersion(Map<String, Object> body) {
    if (body.get("resourceVersion") instanceof String s && !s.isBlank()) {
      return s;
    }
    if (body.get("metadata") instanceof Map<?, ?> metadata
        && ((Map<String, Object>) metadata).get("resourceVersion") instanceof String s
        && !s.isBlank()) {
      return s;
    }
    return null;
  }
}
