package io.kubeward.server.events;

import io.kubeward.access.app.Caller;
import io.kubeward.common.Names;
import io.kubeward.common.Paging;
import io.kubeward.events.app.GetEventTimeline;
import io.kubeward.events.app.SearchEvents;
import io.kubeward.events.domain.EventRow;
import io.kubeward.events.domain.InvolvedObject;
import io.kubeward.events.domain.StoredEvent;
import io.kubeward.events.domain.Timeline;
import io.kubeward.server.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored events (ADR 0026): the cluster-wide search, its export (CSV or JSON, streamed, bounded)
 * and the timeline of one object. Only events in namespaces where the caller may list events.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/events")
class EventsController {

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final SearchEvents search;
  private final GetEventTimeline timeline;
  private final JsonMapper json;

  EventsController(SearchEvents search, GetEventTimeline timeline, JsonMapper json) {
    this.search = search;
    this.timeline = timeline;
    this.json = json;
  }

  /** One deduplicated event: every Event with the same object, reason and message, counted. */
  @Schema(name = "StoredEvent")
  record EventJson(
      @Schema(description = "Row id; null for an event only in the cache so far") @Nullable Long id,
      @Schema(description = "The Event's namespace") @Nullable String namespace,
      @Schema(description = "Normal or Warning") String type,
      String reason,
      String message,
      String objectKind,
      @Nullable String objectNamespace,
      String objectName,
      @Nullable String objectUid,
      @Schema(description = "The reporting component") @Nullable String source,
      @Schema(description = "How many times it happened (all Event objects together)") long count,
      Instant firstSeen,
      Instant lastSeen) {

    static EventJson of(EventRow row) {
      StoredEvent e = row.event();
      return new EventJson(
          row.id(),
          e.namespace(),
          e.type(),
          e.reason(),
          e.message(),
          e.objectKind(),
          e.objectNamespace(),
          e.objectName(),
          e.objectUid(),
          e.source(),
          e.count(),
          e.firstSeen(),
          e.lastSeen());
    }
  }

  /** {@code next}: the {@code continue} token of the next (older) page, null on the last page. */
  @Schema(name = "StoredEventPage")
  record Page(List<EventJson> items, @Nullable String next, Instant from, Instant to) {}

  @Schema(name = "TimelineObject")
  record ObjectJson(
      String kind,
      @Nullable String namespace,
      String name,
      @Schema(allowableValues = {"self", "owner", "owned", "pod"}) String relation) {}

  @Schema(name = "EventTimeline")
  record TimelineJson(
      @Schema(description = "The object, its owners and what it owns down to pods")
          List<ObjectJson> objects,
      @Schema(description = "Newest first") List<EventJson> events,
      @Schema(description = "Whether objects or events were left out by the bounds")
          boolean truncated) {}

  @Operation(
      summary = "Search stored events",
      description =
          "Events kept beyond the apiserver's TTL, newest first; the time range defaults to the"
              + " retention and is at most kubeward.events.max-range.")
  @GetMapping
  Page search(
      Caller caller,
      @PathVariable String cluster,
      @Parameter(schema = @Schema(allowableValues = {"Normal", "Warning"}))
          @RequestParam(required = false)
          String type,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String namespace,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String name,
      @Parameter(description = "Part of the message, reason or object name (any case)")
          @RequestParam(required = false)
          String text,
      @Parameter(description = "RFC 3339 time") @RequestParam(required = false) String from,
      @Parameter(description = "RFC 3339 time") @RequestParam(required = false) String to,
      @RequestParam(required = false) String limit,
      @RequestParam(name = "continue", required = false) String continueToken) {
    int size = Paging.limit(limit);
    SearchEvents.Result result =
        search.search(
            caller,
            cluster,
            filter(type, reason, namespace, kind, name, text, from, to),
            continueToken,
            size);
    return new Page(
        result.items().stream().map(EventJson::of).toList(),
        result.next(),
        result.from(),
        result.to());
  }

  @Operation(summary = "Export stored events (CSV or JSON, newest first, bounded)")
  @ApiResponse(
      responseCode = "200",
      description = "Every matching event up to kubeward.events.max-export-rows, as an attachment",
      content = {
        @Content(
            mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = EventJson.class))),
        @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
      })
  @GetMapping("/export")
  ResponseEntity<StreamingResponseBody> export(
      Caller caller,
      @PathVariable String cluster,
      @Parameter(schema = @Schema(allowableValues = {"Normal", "Warning"}))
          @RequestParam(required = false)
          String type,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String namespace,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @Parameter(schema = @Schema(allowableValues = {"csv", "json"}))
          @RequestParam(defaultValue = "csv")
          String format) {
    boolean csv =
        switch (format) {
          case "csv" -> true;
          case "json" -> false;
          default -> throw Paging.invalid("format", format, "csv or json");
        };
    // checked before the response is committed
    Consumer<Consumer<EventRow>> rows =
        search.export(caller, cluster, filter(type, reason, namespace, kind, name, text, from, to));
    StreamingResponseBody body =
        out -> {
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          if (csv) {
            writer.write(EventsCsv.HEADER);
            rows.accept(r -> EventsCsv.write(writer, r));
          } else {
            writer.write("[");
            boolean[] first = {true};
            rows.accept(
                r -> {
                  try {
                    writer.write(first[0] ? "\n" : ",\n");
                    first[0] = false;
                    writer.write(json.writeValueAsString(EventJson.of(r)));
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
            writer.write("\n]\n");
          }
          writer.flush();
        };
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"kubeward-events-" + cluster + (csv ? ".csv\"" : ".json\""))
        .contentType(
            csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
        .body(Downloads.untilTheClientLeaves("events export", body));
  }

  @Operation(
      summary = "The events of an object, its owners and what it owns down to pods",
      description =
          "Stored events merged with the cache, newest first (a node: its own and its pods').")
  @GetMapping("/timeline")
  TimelineJson timeline(
      Caller caller,
      @PathVariable String cluster,
      @Parameter(description = "Kind, e.g. Deployment") @RequestParam String kind,
      @RequestParam(required = false) String namespace,
      @RequestParam String name,
      @RequestParam(required = false) String limit) {
    int size = Paging.limit(limit == null || limit.isBlank() ? "200" : limit);
    if (kind.isBlank()
        || kind.length() > 63
        || !kind.chars().allMatch(Character::isLetterOrDigit)) {
      throw Paging.invalid("kind", kind, "a kind such as Deployment");
    }
    if (name.isBlank() || name.length() > Names.MAX_SUBDOMAIN) {
      throw Paging.invalid("name", name, "an object name");
    }
    String ns = namespace == null || namespace.isBlank() ? null : namespace;
    if (ns != null && !Names.isNamespace(ns)) {
      throw Paging.invalid("namespace", ns, "a namespace name");
    }
    Timeline answer = timeline.timeline(caller, cluster, new InvolvedObject(kind, ns, name), size);
    return new TimelineJson(
        answer.objects().stream()
            .map(
                r ->
                    new ObjectJson(
                        r.object().kind(),
                        r.object().namespace(),
                        r.object().name(),
                        r.relation().name().toLowerCase(Locale.ROOT)))
            .toList(),
        answer.events().stream().map(EventJson::of).toList(),
        answer.truncated());
  }

  private static SearchEvents.Filter filter(
      String type,
      String reason,
      String namespace,
      String kind,
      String name,
      String text,
      String from,
      String to) {
    return new SearchEvents.Filter(
        type, reason, namespace, kind, name, text, instant("from", from), instant("to", to));
  }

  private static @Nullable Instant instant(String parameter, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Instant instant;
    try {
      instant = Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      instant = null;
    }
    // years 1970 to 9999 only: beyond, epoch milliseconds would overflow
    if (instant == null || instant.isBefore(Instant.EPOCH) || instant.isAfter(LATEST)) {
      throw Paging.invalid(parameter, value, "an RFC 3339 UTC time such as 2026-01-31T12:00:00Z");
    }
    return instant;
  }
}
