package io.kubeward.server.logs;

import io.kubeward.access.app.Caller;
import io.kubeward.logs.app.LogStream;
import io.kubeward.logs.app.StreamLogs;
import io.kubeward.logs.domain.LogEvent;
import io.kubeward.logs.domain.LogRequest;
import io.kubeward.server.security.CurrentUser;
import io.kubeward.server.stream.SseStreams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Container logs (ADR 0024), read through the apiserver with the caller's identity: a Server-Sent
 * Event stream of one container or of a multi-pod tail (label selector or workload), and a bounded
 * plain-text download. Events: {@code joined} (a pod followed: name, containers, colour), {@code
 * lines} (pod, container, colour, lines with timestamp/text/truncated), {@code left} (a followed
 * pod deleted or no longer matching), {@code capped} (more pods matched than one tail follows),
 * {@code ended} (one container's log ended or was refused: code and message of the problem), {@code
 * finished} (the stream ends: finished, idle, max-duration), and the streams' own {@code closed}
 * (signed out) and {@code overflow}. Refusals of a single container's log (403 without {@code get
 * pods/log}, no such pod or container, no previous container) are problem+json answers, not events.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/namespaces/{namespace}")
class LogsController {

  static final int QUEUE = 4096;

  private static final String OPTIONS =
      " Options: container; previous; timestamps; since (a duration: 90s, 10m, 2h, at most"
          + " kubeward.logs.max-since) or sinceTime (RFC 3339); tailLines (0 to"
          + " kubeward.logs.max-tail-lines; without tail and since the last"
          + " kubeward.logs.default-tail-lines lines); limitBytes (at most"
          + " kubeward.logs.max-bytes).";

  private final StreamLogs logs;
  private final SseStreams streams;
  private final Clock clock;

  LogsController(StreamLogs logs, SseStreams streams, Clock clock) {
    this.logs = logs;
    this.streams = streams;
    this.clock = clock;
  }

  @Operation(
      summary = "Server-Sent Events: one container's log, followed by default",
      description =
          "Needs get pods/log in the namespace (the cluster decides, as the caller)." + OPTIONS)
  @ApiResponse(
      responseCode = "200",
      description =
          "A text/event-stream: joined, lines, ended, finished (see the tag's description)",
      content =
          @Content(
              mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
              schema = @Schema(implementation = LogEvent.Lines.class)))
  @GetMapping(value = "/pods/{pod}/logs/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter pod(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String pod,
      @RequestParam(required = false) String container,
      @RequestParam(defaultValue = "true") boolean follow,
      @RequestParam(defaultValue = "false") boolean previous,
      @RequestParam(defaultValue = "false") boolean timestamps,
      @RequestParam(required = false) String since,
      @RequestParam(required = false) String sinceTime,
      @RequestParam(required = false) String tailLines,
      @RequestParam(required = false) String limitBytes,
      HttpServletRequest request) {
    LogRequest asked =
        new LogRequest(
            container, follow, previous, timestamps, since, sinceTime, tailLines, limitBytes);
    return open(
        request, "logs-" + pod, sink -> logs.pod(caller, cluster, namespace, pod, asked, sink));
  }

  @Operation(
      summary =
          "Server-Sent Events: the logs of the pods of a label selector or a workload"
              + " (stern-like)",
      description =
          "Exactly one of selector and workloadKind + workloadName (Deployment, StatefulSet,"
              + " DaemonSet, ReplicaSet, Job, CronJob). Needs list pods in the namespace and get pods/log."
              + " While following, matching pods that start running join and deleted ones leave;"
              + " at most kubeward.logs.max-pods-per-tail pods are followed."
              + OPTIONS)
  @ApiResponse(
      responseCode = "200",
      description = "A text/event-stream: joined, lines, left, capped, ended, finished",
      content =
          @Content(
              mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
              schema = @Schema(implementation = LogEvent.Lines.class)))
  @GetMapping(value = "/logs/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter tail(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @RequestParam(required = false) String selector,
      @RequestParam(required = false) String workloadKind,
      @RequestParam(required = false) String workloadName,
      @RequestParam(required = false) String container,
      @RequestParam(defaultValue = "true") boolean follow,
      @RequestParam(defaultValue = "false") boolean previous,
      @RequestParam(defaultValue = "false") boolean timestamps,
      @RequestParam(required = false) String since,
      @RequestParam(required = false) String sinceTime,
      @RequestParam(required = false) String tailLines,
      @RequestParam(required = false) String limitBytes,
      HttpServletRequest request) {
    LogRequest asked =
        new LogRequest(
            container, follow, previous, timestamps, since, sinceTime, tailLines, limitBytes);
    return open(
        request,
        "logs-tail-" + namespace,
        sink ->
            logs.tail(
                caller, cluster, namespace, selector, workloadKind, workloadName, asked, sink));
  }

  @Operation(
      summary = "One container's log as plain text (a download, never followed)",
      description = "Needs get pods/log in the namespace." + OPTIONS)
  @ApiResponse(
      responseCode = "200",
      description = "The log as the apiserver sends it, at most limitBytes",
      content = @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")))
  // no "produces": the body is written as text/plain whatever the Accept header says (a browser's
  // download, curl), and a refusal before it is still negotiated as problem+json
  @GetMapping("/pods/{pod}/logs")
  void download(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String pod,
      @RequestParam(required = false) String container,
      @RequestParam(defaultValue = "false") boolean previous,
      @RequestParam(defaultValue = "false") boolean timestamps,
      @RequestParam(required = false) String since,
      @RequestParam(required = false) String sinceTime,
      @RequestParam(required = false) String tailLines,
      @RequestParam(required = false) String limitBytes,
      HttpServletResponse response)
      throws IOException {
    LogRequest asked =
        new LogRequest(
            container, false, previous, timestamps, since, sinceTime, tailLines, limitBytes);
    String file = pod + (container == null || container.isBlank() ? "" : "-" + container) + ".log";
    // headers are set at the first byte: a refusal before it is still a problem+json answer
    OutputStream body =
        new FilterOutputStream(null) {
          private OutputStream out;

          private OutputStream out() throws IOException {
            if (out == null) {
              response.setContentType("text/plain;charset=UTF-8");
              response.setHeader(
                  HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"");
              out = response.getOutputStream();
            }
            return out;
          }

          @Override
          public void write(int b) throws IOException {
            out().write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out().write(b, off, len);
          }

          @Override
          public void flush() throws IOException {
            out().flush();
          }
        };
    logs.download(caller, cluster, namespace, pod, asked, body);
    body.flush();
  }

  private SseEmitter open(
      HttpServletRequest request,
      String name,
      java.util.function.Function<Consumer<LogEvent>, LogStream> start) {
    AtomicReference<Consumer<LogEvent>> sinkOf = new AtomicReference<>();
    AtomicReference<LogStream> opened = new AtomicReference<>();
    return streams.open(
        CurrentUser.of(request),
        name,
        QUEUE,
        sink -> {
          sinkOf.set(sink);
          LogStream stream = start.apply(sink);
          opened.set(stream);
          return stream;
        },
        new Events(opened, sinkOf, clock));
  }

  /** Sends each event under its type; {@code finished} ends the stream, so do the deadlines. */
  private static final class Events implements SseStreams.Handler<LogEvent> {
    private final AtomicReference<LogStream> stream;
    private final AtomicReference<Consumer<LogEvent>> sink;
    private final Clock clock;
    private boolean expiring;

    Events(
        AtomicReference<LogStream> stream, AtomicReference<Consumer<LogEvent>> sink, Clock clock) {
      this.stream = stream;
      this.sink = sink;
      this.clock = clock;
    }

    @Override
    public boolean onItem(LogEvent event, SseStreams.Sender out) throws IOException {
      out.event(event.type(), event);
      return !(event instanceof LogEvent.Finished);
    }

    @Override
    public void onTick(SseStreams.Sender out) {
      LogStream open = stream.get();
      if (open == null || expiring) {
        return;
      }
      String reason = open.expired(clock.instant());
      if (reason != null) {
        expiring = true;
        sink.get().accept(new LogEvent.Finished(reason));
      }
    }
  }
}
