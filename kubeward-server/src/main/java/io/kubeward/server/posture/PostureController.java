package io.kubeward.server.posture;

import io.kubeward.access.app.Caller;
import io.kubeward.common.Names;
import io.kubeward.posture.app.ManagePostureExceptions;
import io.kubeward.posture.app.PostureProblem;
import io.kubeward.posture.app.ScanPosture;
import io.kubeward.posture.domain.Check;
import io.kubeward.posture.domain.ExceptionRequest;
import io.kubeward.posture.domain.PostureException;
import io.kubeward.posture.domain.ReportFilter;
import io.kubeward.posture.domain.Severity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security posture (issue 17, ADR 0050): built-in checks as the caller, scores per cluster and
 * namespace, a downloadable report, exceptions (administrators; audited).
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/posture")
class PostureController {

  private static final String SCORE =
      " Scores are 0-100: 100 × (W − F) / W rounded down; W sums the weights of every result"
          + " judged (critical 10, high 5, medium 2, low 1), F those of failed results no"
          + " unexpired exception covers. Only namespaces the caller may read are shown;"
          + " cluster-scoped findings only to callers who may read every namespace.";

  private final ScanPosture scans;
  private final ManagePostureExceptions exceptions;
  private final MessageSource messages;
  private final JsonMapper json;

  PostureController(
      ScanPosture scans,
      ManagePostureExceptions exceptions,
      MessageSource messages,
      JsonMapper json) {
    this.scans = scans;
    this.exceptions = exceptions;
    this.messages = messages;
    this.json = json;
  }

  @Operation(
      summary = "The cluster's security posture: scores, findings (filterable), notes, checks",
      description =
          "The caller's last scan while it is fresh (kubeward.posture.cache-for), else a new"
              + " one read live as the caller. check: a check id; severity: critical, high,"
              + " medium or low; namespace: one namespace. Filters narrow the findings, never"
              + " the scores."
              + SCORE)
  @GetMapping
  PostureView report(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(required = false) String check,
      @RequestParam(required = false) String namespace,
      @RequestParam(required = false) String severity,
      Locale locale) {
    return PostureView.of(
        scans.report(caller, cluster, false, filter(check, namespace, severity)), messages, locale);
  }

  @Operation(
      summary = "Scan again now (live, as the caller) and answer the new report",
      description = SCORE)
  @PostMapping("/scan")
  PostureView rescan(
      @Parameter(hidden = true) Caller caller, @PathVariable String cluster, Locale locale) {
    return PostureView.of(scans.report(caller, cluster, true, ReportFilter.NONE), messages, locale);
  }

  @Operation(
      summary = "Download the report: json, markdown or html, in the caller's language",
      description = "format: json (default), markdown or html." + SCORE)
  @GetMapping("/report")
  ResponseEntity<byte[]> download(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(required = false) String format,
      Locale locale) {
    String f = format == null || format.isBlank() ? "json" : format;
    if (!List.of("json", "markdown", "html").contains(f)) {
      throw PostureProblem.invalidFilter("format must be json, markdown or html");
    }
    PostureView view =
        PostureView.of(scans.report(caller, cluster, false, ReportFilter.NONE), messages, locale);
    byte[] body;
    MediaType type;
    String extension;
    switch (f) {
      case "markdown" -> {
        body = PostureDocuments.markdown(view, messages, locale).getBytes(StandardCharsets.UTF_8);
        type = new MediaType("text", "markdown", StandardCharsets.UTF_8);
        extension = "md";
      }
      case "html" -> {
        body = PostureDocuments.html(view, messages, locale).getBytes(StandardCharsets.UTF_8);
        type = new MediaType("text", "html", StandardCharsets.UTF_8);
        extension = "html";
      }
      default -> {
        body = json.writeValueAsBytes(view);
        type = MediaType.APPLICATION_JSON;
        extension = "json";
      }
    }
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("posture-" + cluster + "." + extension, StandardCharsets.UTF_8)
                .build()
                .toString())
        .contentType(type)
        .body(body);
  }

  @Operation(
      summary = "The checks: id, severity, citations, explanation and fix in the caller's language")
  @GetMapping("/checks")
  List<PostureView.CheckView> checks(@PathVariable String cluster, Locale locale) {
    return PostureView.catalogue(messages, locale);
  }

  @Schema(name = "PostureExceptionRequest")
  record ExceptionBody(
      @Schema(description = "a check id, e.g. privileged") String check,
      @Schema(description = "cluster, namespace or object") String scope,
      @Schema(description = "for scope namespace or object", nullable = true)
          @Nullable String namespace,
      @Schema(description = "for scope object: the finding's kind", nullable = true)
          @Nullable String kind,
      @Schema(description = "for scope object: the finding's name", nullable = true)
          @Nullable String name,
      @Schema(description = "why the risk is accepted, 1-1000 characters") String reason,
      @Schema(
              description =
                  "required; in the future, at most kubeward.posture.max-exception-duration (365d) ahead")
          Instant expiresAt) {}

  @Schema(
      name = "PostureException",
      description = "check and scope as wire names (privileged, object)")
  record ExceptionView(
      String id,
      String cluster,
      String check,
      String scope,
      @Nullable String namespace,
      @Nullable String kind,
      @Nullable String name,
      String reason,
      Instant expiresAt,
      String createdBy,
      Instant createdAt) {

    static ExceptionView of(PostureException e) {
      return new ExceptionView(
          e.id(),
          e.cluster(),
          e.check().wireName(),
          e.scope().wireName(),
          e.namespace(),
          e.kind(),
          e.name(),
          e.reason(),
          e.expiresAt(),
          e.createdBy(),
          e.createdAt());
    }
  }

  @Operation(
      summary =
          "The cluster's posture exceptions, expired ones included, newest first (at most 1000)")
  @GetMapping("/exceptions")
  List<ExceptionView> listExceptions(
      @Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    return exceptions.list(caller, cluster).stream().map(ExceptionView::of).toList();
  }

  @Operation(
      summary = "Record an exception (Kubeward administrators; audited as posture.except)",
      description =
          "While unexpired, the check's findings in the scope are shown as excepted and do not"
              + " lower the scores.")
  @PostMapping("/exceptions")
  @ResponseStatus(HttpStatus.CREATED)
  ExceptionView createException(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestBody ExceptionBody body) {
    return ExceptionView.of(
        exceptions.create(
            caller,
            cluster,
            new ExceptionRequest(
                body.check(),
                body.scope(),
                body.namespace(),
                body.kind(),
                body.name(),
                body.reason(),
                body.expiresAt())));
  }

  @Operation(summary = "Delete an exception (Kubeward administrators; audited as posture.unexcept)")
  @DeleteMapping("/exceptions/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void deleteException(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String id) {
    exceptions.delete(caller, cluster, id);
  }

  static ReportFilter filter(String check, String namespace, String severity) {
    Check c = null;
    if (check != null && !check.isBlank()) {
      c = Check.fromWire(check);
      if (c == null) {
        throw PostureProblem.invalidFilter("unknown check \"" + check + "\"");
      }
    }
    Severity s = null;
    if (severity != null && !severity.isBlank()) {
      s = Severity.fromWire(severity);
      if (s == null) {
        throw PostureProblem.invalidFilter("severity must be critical, high, medium or low");
      }
    }
    String ns = namespace == null || namespace.isBlank() ? null : namespace;
    if (ns != null && !Names.isNamespace(ns)) {
      throw PostureProblem.invalidFilter("namespace is not a valid namespace name");
    }
    return new ReportFilter(c, ns, s);
  }
}
