package io.kubeward.server.backup;

import io.kubeward.access.app.Caller;
import io.kubeward.backup.app.BackupView;
import io.kubeward.backup.app.ManageBackups;
import io.kubeward.backup.domain.BackupPhase;
import io.kubeward.backup.domain.BackupProgress;
import io.kubeward.server.security.CurrentUser;
import io.kubeward.server.stream.ObjectStream;
import io.kubeward.server.stream.SseStreams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET …/backups/{name}/progress}: Server-Sent Events, {@code event: progress} ({@code
 * {phase, done, total}}) whenever they change, the first with the current state; when the Backup is
 * finished {@code event: backup} with the whole view ends the stream ({@code event: deleted} when
 * it is deleted). Pumped, limited and re-checked by {@link SseStreams} like every stream.
 */
@RestController
class BackupProgressStream {

  static final int QUEUE = 256;

  private final ManageBackups backups;
  private final SseStreams streams;

  BackupProgressStream(ManageBackups backups, SseStreams streams) {
    this.backups = backups;
    this.streams = streams;
  }

  /** One progress event. */
  @Schema(name = "BackupProgressEvent")
  record ProgressEvent(BackupPhase phase, long done, long total) {}

  @Operation(summary = "Server-Sent Events: a Backup's progress until it is finished")
  @ApiResponse(
      responseCode = "200",
      description =
          "A text/event-stream: event: progress (BackupProgressEvent), then event: backup"
              + " (BackupView) when finished",
      content =
          @Content(
              mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
              schema = @Schema(implementation = ProgressEvent.class)))
  @GetMapping(
      value = "/api/v1/clusters/{cluster}/namespaces/{namespace}/backups/{name}/progress",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter progress(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name,
      HttpServletRequest request) {
    return ObjectStream.open(
        streams,
        CurrentUser.of(request),
        "backup-" + namespace + "-" + name,
        QUEUE,
        name,
        watcher -> backups.watch(caller, cluster, namespace, name, watcher),
        new Events());
  }

  private static final class Events implements ObjectStream.Views<BackupView> {
    private ProgressEvent last;

    @Override
    public boolean onView(BackupView view, SseStreams.Sender out) throws IOException {
      BackupProgress p = view.progress();
      ProgressEvent event = new ProgressEvent(view.phase(), p.done(), p.total());
      if (!event.equals(last)) {
        out.event("progress", event);
        last = event;
      }
      if (view.finished()) {
        out.event("backup", view);
        return false;
      }
      return true;
    }
  }
}
