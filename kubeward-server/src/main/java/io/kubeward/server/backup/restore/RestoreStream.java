package io.kubeward.server.backup.restore;

import io.kubeward.access.app.Caller;
import io.kubeward.backup.app.restore.ManageRestores;
import io.kubeward.backup.app.restore.RestoreView;
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
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET …/restores/{name}/progress}: Server-Sent Events, {@code event: restore} with the
 * Restore (phase, stage, progress, counts) whenever its status changes, the first one at once; the
 * stream ends after a finished phase, or with {@code event: deleted}. Pumped, limited and
 * re-checked by {@link SseStreams} like every stream.
 */
@RestController
class RestoreStream {

  static final int QUEUE = 256;

  private final ManageRestores restores;
  private final SseStreams streams;

  RestoreStream(ManageRestores restores, SseStreams streams) {
    this.restores = restores;
    this.streams = streams;
  }

  @Operation(summary = "Server-Sent Events: a Restore's progress until it is finished")
  @ApiResponse(
      responseCode = "200",
      description = "A text/event-stream: event: restore, data: the RestoreView",
      content =
          @Content(
              mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
              schema = @Schema(implementation = RestoreView.class)))
  @GetMapping(
      value = "/api/v1/clusters/{cluster}/namespaces/{namespace}/restores/{name}/progress",
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
        "restore-" + namespace + "-" + name,
        QUEUE,
        name,
        watcher -> restores.watch(caller, cluster, namespace, name, watcher),
        new Events());
  }

  private static final class Events implements ObjectStream.Views<RestoreView> {
    private RestoreView last;

    @Override
    public boolean onView(RestoreView view, SseStreams.Sender out) throws IOException {
      if (last != null && Objects.equals(view.status(), last.status())) {
        return true;
      }
      out.event("restore", view);
      last = view;
      return view.status().phase() == null || !view.status().phase().finished();
    }
  }
}
