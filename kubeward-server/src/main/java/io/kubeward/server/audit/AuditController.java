package io.kubeward.server.audit;

import io.kubeward.access.app.Caller;
import io.kubeward.audit.app.AuditQuery;
import io.kubeward.audit.app.ReadAuditLog;
import io.kubeward.audit.domain.AuditChain;
import io.kubeward.audit.domain.AuditEntry;
import io.kubeward.audit.domain.AuditRecord;
import io.kubeward.common.KubewardException;
import io.kubeward.common.Paging;
import io.kubeward.server.web.BadRequestException;
import io.kubeward.server.web.Downloads;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/** The audit log for administrators: {@code /api/v1/audit}, its export and its verification. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

  private final ReadAuditLog audit;
  private final JsonMapper json;

  AuditController(ReadAuditLog audit, JsonMapper json) {
    this.audit = audit;
    this.json = json;
  }

  /** An audit record as in docs/API.md. */
  @Schema(name = "AuditRecord")
  record RecordJson(
      long sequence,
      Instant time,
      String user,
      @Schema(allowableValues = {"console", "api", "cli", "controller"}) String origin,
      @Nullable String clientAddress,
      @Nullable String cluster,
      @Nullable String namespace,
      @Nullable String kind,
      @Nullable String name,
      String verb,
      @Nullable String diff,
      @Schema(allowableValues = {"success", "failure"}) String result,
      @Nullable String error,
      String hash,
      @Nullable String previousHash) {

    static RecordJson of(AuditRecord record) {
      AuditEntry e = record.entry();
      return new RecordJson(
          record.sequence(),
          e.time(),
          e.user(),
          lower(e.origin()),
          e.clientAddress(),
          e.cluster(),
          e.namespace(),
          e.kind(),
          e.name(),
          e.verb(),
          e.diff(),
          lower(e.result()),
          e.error(),
          record.hash(),
          record.previousHash());
    }
  }

  /** {@code next}: the {@code before} of the next (older) page, {@code null} on the last page. */
  @Schema(name = "AuditPage")
  record Page(List<RecordJson> items, @Nullable String next) {}

  @Schema(name = "AuditBrokenLink")
  record BrokenLinkJson(long sequence, String reason) {}

  @Schema(name = "AuditVerification")
  record Verification(boolean intact, long checked, @Nullable BrokenLinkJson firstBrokenLink) {}

  @GetMapping
  Page find(
      Caller caller,
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String cluster,
      @RequestParam(required = false) String namespace,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String verb,
      @Parameter(schema = @Schema(allowableValues = {"success", "failure"}))
          @RequestParam(required = false)
          String result,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) Long before) {
    int size = Paging.limit(limit);
    AuditQuery query =
        query(user, cluster, namespace, kind, verb, result, from, to, before, size + 1);
    List<AuditRecord> records = audit.find(caller, query);
    boolean more = records.size() > size;
    List<AuditRecord> page = more ? records.subList(0, size) : records;
    return new Page(
        page.stream().map(RecordJson::of).toList(),
        more ? Long.toString(page.getLast().sequence()) : null);
  }

  @GetMapping("/verify")
  Verification verify(Caller caller) {
    AuditChain.Verification verification = audit.verify(caller);
    return new Verification(
        verification.intact(),
        verification.checked(),
        verification
            .firstBrokenLink()
            .map(link -> new BrokenLinkJson(link.sequence(), link.reason()))
            .orElse(null));
  }

  @ApiResponse(
      responseCode = "200",
      description = "Every matching record, oldest first, as an attachment",
      content = {
        @Content(
            mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = RecordJson.class))),
        @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
      })
  @GetMapping("/export")
  ResponseEntity<StreamingResponseBody> export(
      Caller caller,
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String cluster,
      @RequestParam(required = false) String namespace,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String verb,
      @Parameter(schema = @Schema(allowableValues = {"success", "failure"}))
          @RequestParam(required = false)
          String result,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @Parameter(schema = @Schema(allowableValues = {"json", "csv"}))
          @RequestParam(defaultValue = "json")
          String format) {
    boolean csv =
        switch (format) {
          case "csv" -> true;
          case "json" -> false;
          default -> throw invalid("format", "must be csv or json");
        };
    AuditQuery filter =
        query(user, cluster, namespace, kind, verb, result, from, to, null, AuditQuery.MAX_LIMIT);
    audit.requireAdmin(caller); // before the response is committed
    StreamingResponseBody body =
        Downloads.untilTheClientLeaves("audit export", out -> exportTo(out, caller, filter, csv));
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"kubeward-audit." + (csv ? "csv" : "json") + "\"")
        .contentType(
            csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
        .body(body);
  }

  private static AuditQuery query(
      String user,
      String cluster,
      String namespace,
      String kind,
      String verb,
      String result,
      String from,
      String to,
      Long before,
      int limit) {
    AuditEntry.Result outcome = null;
    if (result != null) {
      outcome =
          switch (result.toLowerCase(Locale.ROOT)) {
            case "success" -> AuditEntry.Result.SUCCESS;
            case "failure" -> AuditEntry.Result.FAILURE;
            default -> throw invalid("result", "must be success or failure");
          };
    }
    return new AuditQuery(
        blankToNull(user),
        blankToNull(cluster),
        blankToNull(namespace),
        blankToNull(kind),
        blankToNull(verb),
        outcome,
        instant("from", from),
        instant("to", to),
        before,
        limit);
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(name, "must be an RFC 3339 UTC time such as 2026-01-31T12:00:00Z");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static KubewardException invalid(String parameter, String reason) {
    return BadRequestException.invalidParameter(parameter, reason);
  }

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Writes the export. A client that goes away surfaces as an {@link java.io.UncheckedIOException}
   * wherever it is noticed (a record, the closing bracket or the final flush), so the one handler
   * for gone clients treats it alike, never as an error.
   */
  private void exportTo(java.io.OutputStream out, Caller caller, AuditQuery filter, boolean csv) {
    try {
      BufferedWriter writer =
          new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      if (csv) {
        writer.write(AuditCsv.HEADER);
        audit.export(caller, filter, r -> AuditCsv.write(writer, r));
      } else {
        writer.write("[");
        boolean[] first = {true};
        audit.export(
            caller,
            filter,
            r -> {
              try {
                writer.write(first[0] ? "\n" : ",\n");
                first[0] = false;
                writer.write(json.writeValueAsString(RecordJson.of(r)));
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
        writer.write("\n]\n");
      }
      writer.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
