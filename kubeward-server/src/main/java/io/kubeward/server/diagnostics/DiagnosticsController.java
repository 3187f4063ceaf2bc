package io.kubeward.server.diagnostics;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.common.Paging;
import io.kubeward.diagnostics.app.DiagnosticsEngine;
import io.kubeward.diagnostics.app.DiagnosticsException;
import io.kubeward.diagnostics.app.EngineStatistics;
import io.kubeward.diagnostics.app.ListFindings;
import io.kubeward.diagnostics.app.Runbooks;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.Finding;
import io.kubeward.diagnostics.domain.FindingFilter;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.diagnostics.domain.RuleId;
import io.kubeward.diagnostics.domain.Severity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Findings of the diagnostics engine (filtered by what the caller may list), their export, the
 * rules and their runbooks, and the site-specific runbook text (administrators, audited).
 */
@RestController
@RequestMapping("/api/v1")
class DiagnosticsController {

  private static final int MAX_NAME = 253;

  private final ListFindings findings;
  private final Runbooks runbooks;
  private final DiagnosticsEngine engine;
  private final ClusterReads reads;
  private final JsonMapper json;

  DiagnosticsController(
      ListFindings findings,
      Runbooks runbooks,
      DiagnosticsEngine engine,
      ClusterReads reads,
      JsonMapper json) {
    this.findings = findings;
    this.runbooks = runbooks;
    this.engine = engine;
    this.reads = reads;
    this.json = json;
  }

  @Schema(
      name = "Finding",
      description =
          "What a diagnostic rule found about an object: texts in English and 简体中文, evidence"
              + " as Kubernetes wrote it, the lifecycle (times ISO-8601)")
  record FindingView(
      String id,
      String cluster,
      String rule,
      Severity severity,
      @Schema(allowableValues = {"active", "resolved"}) String state,
      ObjectRef subject,
      Bilingual title,
      Bilingual explanation,
      List<Evidence> evidence,
      Bilingual suggestedFix,
      @Schema(description = "API path of the rule's runbook") String runbook,
      Instant firstSeen,
      Instant lastSeen,
      @Nullable Instant resolvedAt) {

    static FindingView of(Finding f) {
      return new FindingView(
          f.id(),
          f.cluster(),
          f.rule().value(),
          f.severity(),
          f.active() ? "active" : "resolved",
          f.subject(),
          f.title(),
          f.explanation(),
          f.evidence(),
          f.suggestedFix(),
          f.runbook(),
          f.firstSeen(),
          f.lastSeen(),
          f.resolvedAt());
    }
  }

  @Schema(name = "FindingList")
  record FindingList(
      List<FindingView> items,
      @Schema(description = "Matching findings the caller may see") int total,
      int offset,
      @Schema(
              description =
                  "Whether this replica has evaluated the cluster once (before, active findings"
                      + " are not complete yet)")
          boolean evaluated) {}

  @Schema(name = "ObjectFindings")
  record ObjectFindings(List<FindingView> items) {}

  @Schema(name = "RuleList")
  record RuleList(List<Runbooks.RuleInfo> items) {}

  @Schema(name = "SiteRunbookRequest")
  record SiteRunbookRequest(
      @Schema(description = "Markdown; blank removes the site text; at most 32768 characters")
          @Nullable String markdown) {}

  @Operation(summary = "Findings of a cluster, most urgent first (active, resolved or both)")
  @GetMapping("/clusters/{cluster}/findings")
  FindingList list(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @Parameter(description = "Comma-separated: CRITICAL, WARNING, INFO")
          @RequestParam(required = false)
          String severity,
      @RequestParam(required = false) String rule,
      @RequestParam(required = false) String namespace,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String name,
      @Parameter(description = "active (default), resolved or all") @RequestParam(required = false)
          String state,
      @Parameter(description = "Text looked for in names, rules, explanations and evidence")
          @RequestParam(required = false)
          String text,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String offset) {
    FindingFilter filter = filter(severity, rule, namespace, kind, name, state, text);
    ListFindings.Page page =
        findings.list(caller, cluster, filter, Paging.limit(limit), offset(offset));
    return new FindingList(
        page.items().stream().map(FindingView::of).toList(),
        page.total(),
        page.offset(),
        page.evaluated());
  }

  @Operation(summary = "Export findings as JSON or CSV (at most 10,000; the list's filters)")
  @GetMapping(
      value = "/clusters/{cluster}/findings/export",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  ResponseEntity<byte[]> export(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @Parameter(description = "json (default) or csv") @RequestParam(required = false)
          String format,
      @RequestParam(required = false) String severity,
      @RequestParam(required = false) String rule,
      @RequestParam(required = false) String namespace,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String text,
      Locale locale) {
    boolean csv = "csv".equals(format);
    if (format != null && !csv && !"json".equals(format)) {
      throw DiagnosticsException.invalid("format", "json or csv");
    }
    List<Finding> all =
        findings.export(
            caller, cluster, filter(severity, rule, namespace, kind, name, state, text));
    byte[] body =
        csv
            ? FindingsCsv.write(all, locale).getBytes(StandardCharsets.UTF_8)
            : json.writeValueAsBytes(all.stream().map(FindingView::of).toList());
    String file = "findings-" + cluster + (csv ? ".csv" : ".json");
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(file, StandardCharsets.UTF_8)
                .build()
                .toString())
        .contentType(
            csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
        .body(body);
  }

  @Operation(summary = "Findings about one object (the object page's Findings tab)")
  @GetMapping("/clusters/{cluster}/findings/object")
  ObjectFindings about(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam String kind,
      @RequestParam(required = false) String namespace,
      @RequestParam String name,
      @Parameter(description = "Include resolved findings (default false)")
          @RequestParam(required = false)
          Boolean resolved) {
    ObjectRef subject =
        ObjectRef.of(
            bounded("kind", kind),
            namespace == null || namespace.isBlank() ? null : bounded("namespace", namespace),
            bounded("name", name));
    return new ObjectFindings(
        findings.about(caller, cluster, subject, Boolean.TRUE.equals(resolved)).stream()
            .map(FindingView::of)
            .toList());
  }

  @Operation(summary = "What the engine did for a cluster (passes, times, findings)")
  @GetMapping("/clusters/{cluster}/findings/statistics")
  @Nullable EngineStatistics statistics(
      @Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    reads.known(cluster);
    if (!reads.sees(caller, cluster)) {
      throw new AccessDeniedException(caller.username(), Verb.READ, cluster, null);
    }
    return engine.statistics(cluster).orElse(null);
  }

  @Operation(summary = "The diagnostic rules with their severity, title and runbook")
  @GetMapping("/diagnostics/rules")
  RuleList rules() {
    return new RuleList(runbooks.rules());
  }

  @Operation(summary = "A rule's runbook: the shipped markdown and the site's own text")
  @GetMapping("/diagnostics/rules/{rule}/runbook")
  Runbooks.Runbook runbook(@PathVariable String rule) {
    return runbooks.get(rule);
  }

  @Operation(summary = "Set (blank: remove) the site-specific runbook text of a rule (admins)")
  @PutMapping("/diagnostics/rules/{rule}/runbook/site")
  Runbooks.Runbook putSiteText(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String rule,
      @RequestBody SiteRunbookRequest request) {
    return runbooks.putSiteText(caller, rule, request == null ? null : request.markdown());
  }

  static FindingFilter filter(
      String severity,
      String rule,
      String namespace,
      String kind,
      String name,
      String state,
      String text) {
    Set<Severity> severities = EnumSet.noneOf(Severity.class);
    if (severity != null && !severity.isBlank()) {
      for (String one : severity.split(",")) {
        try {
          severities.add(Severity.valueOf(one.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw DiagnosticsException.invalid("severity", "CRITICAL, WARNING or INFO");
        }
      }
    }
    if (rule != null && !rule.isBlank() && !RuleId.isValid(rule)) {
      throw DiagnosticsException.invalid("rule", "a rule id such as pod.crash-loop");
    }
    Finding.State wanted =
        switch (state == null ? "active" : state) {
          case "active" -> Finding.State.ACTIVE;
          case "resolved" -> Finding.State.RESOLVED;
          case "all" -> null;
          default -> throw DiagnosticsException.invalid("state", "active, resolved or all");
        };
    if (text != null && text.strip().length() > FindingFilter.MAX_TEXT) {
      throw DiagnosticsException.invalid(
          "text", "at most " + FindingFilter.MAX_TEXT + " characters");
    }
    return new FindingFilter(
        severities,
        rule == null || rule.isBlank() ? null : RuleId.of(rule),
        blankToNull("namespace", namespace),
        blankToNull("kind", kind),
        blankToNull("name", name),
        wanted,
        text);
  }

  private static int offset(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      int offset = Integer.parseInt(text.strip());
      if (offset >= 0 && offset <= ListFindings.MAX_EXPORT) {
        return offset;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw DiagnosticsException.invalid("offset", "a number from 0 to " + ListFindings.MAX_EXPORT);
  }

  private static String blankToNull(String parameter, String value) {
    return value == null || value.isBlank() ? null : bounded(parameter, value);
  }

  private static String bounded(String parameter, String value) {
    if (value == null || value.isBlank() || value.length() > MAX_NAME) {
      throw DiagnosticsException.invalid(parameter, "1 to " + MAX_NAME + " characters");
    }
    return value.strip();
  }
}
