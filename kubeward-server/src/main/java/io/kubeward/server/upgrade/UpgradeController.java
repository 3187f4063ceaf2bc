package io.kubeward.server.upgrade;

import io.kubeward.access.app.Caller;
import io.kubeward.upgrade.app.CheckUpgradeReadiness;
import io.kubeward.upgrade.app.UpgradeProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cluster upgrade readiness (issue 18, ADR 0055): an ordered checklist for a target minor —
 * control-plane path, node version skew, deprecated and removed APIs, certificates, disruption
 * budgets that block a node rotation. Nothing here writes.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/upgrade-readiness")
class UpgradeController {

  private static final String TARGET =
      " target: a minor version such as 1.35 (or v1.35), from the control plane's minor to three"
          + " ahead; default the next minor. Needs a viewer of the cluster; what the caller may"
          + " not read is reported as not visible (status unknown). The deprecated-API metric is"
          + " cluster-wide, so it is shown only to callers who may read every namespace.";

  private final CheckUpgradeReadiness check;
  private final MessageSource messages;
  private final JsonMapper json;

  UpgradeController(CheckUpgradeReadiness check, MessageSource messages, JsonMapper json) {
    this.check = check;
    this.messages = messages;
    this.json = json;
  }

  @Operation(
      summary = "The cluster's readiness checklist for a target minor version",
      description = "Read live on each call." + TARGET)
  @GetMapping
  UpgradeView readiness(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(required = false) @Nullable String target,
      Locale locale) {
    return UpgradeView.of(check.report(caller, cluster, target), messages, locale);
  }

  @Operation(
      summary = "Download the checklist: markdown (default) or json, in the caller's language",
      description = "format: markdown or json." + TARGET)
  @GetMapping("/report")
  ResponseEntity<byte[]> download(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(required = false) @Nullable String target,
      @RequestParam(required = false) @Nullable String format,
      Locale locale) {
    String f = format == null || format.isBlank() ? "markdown" : format;
    if (!f.equals("markdown") && !f.equals("json")) {
      throw UpgradeProblem.invalidFormat(f.length() > 16 ? f.substring(0, 16) + "…" : f);
    }
    UpgradeView view = UpgradeView.of(check.report(caller, cluster, target), messages, locale);
    boolean markdown = f.equals("markdown");
    byte[] body =
        markdown
            ? UpgradeDocuments.markdown(view, messages, locale).getBytes(StandardCharsets.UTF_8)
            : json.writeValueAsBytes(view);
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(
                    "upgrade-" + cluster + "-" + view.target() + (markdown ? ".md" : ".json"),
                    StandardCharsets.UTF_8)
                .build()
                .toString())
        .contentType(
            markdown
                ? new MediaType("text", "markdown", StandardCharsets.UTF_8)
                : MediaType.APPLICATION_JSON)
        .body(body);
  }
}
