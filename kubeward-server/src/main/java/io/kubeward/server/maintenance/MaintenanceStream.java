package io.kubeward.server.maintenance;

import io.kubeward.access.app.Caller;
import io.kubeward.maintenance.app.ManageMaintenances;
import io.kubeward.maintenance.domain.MaintenanceView;
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
 * {@code GET /api/v1/clusters/{c}/maintenances/{name}/watch}: Server-Sent Events, {@code event:
 * maintenance} with the maintenance view on every status change, the first one with the current
 * state; the stream ends after the finished state (Succeeded, Failed, Cancelled), or with {@code
 * event: deleted} when the maintenance is deleted. The watch behind it survives expired watches
 * (410 Gone) and reconnects. Pumped, limited and re-checked by {@link SseStreams} like every
 * stream.
 */
@RestController
class MaintenanceStream {

  static final int QUEUE = 256;

  private final ManageMaintenances maintenances;
  private final SseStreams streams;

  MaintenanceStream(ManageMaintenances maintenances, SseStreams streams) {
    this.maintenances = maintenances;
    this.streams = streams;
  }

  @Operation(summary = "Server-Sent Events: the maintenance on every change until it is finished")
  @ApiResponse(
      responseCode = "200",
      description = "A text/event-stream: event: maintenance, data: the MaintenanceView",
      content =
          @Content(
              mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
              schema = @Schema(implementation = MaintenanceView.class)))
  @GetMapping(
      value = "/api/v1/clusters/{cluster}/maintenances/{name}/watch",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter watch(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String name,
      HttpServletRequest request) {
    return ObjectStream.open(
        streams,
        CurrentUser.of(request),
        "maintenance-" + name,
        QUEUE,
        name,
        watcher -> maintenances.watch(caller, cluster, name, watcher),
        new Events());
  }

  /**
   * Each view that differs from the last one sent; the finished one, or the deletion, ends the
   * stream.
   */
  private static final class Events implements ObjectStream.Views<MaintenanceView> {
    private MaintenanceView last;

    @Override
    public boolean onView(MaintenanceView view, SseStreams.Sender out) throws IOException {
      if (sameState(view, last)) {
        return true;
      }
      out.event("maintenance", view);
      last = view;
      return !view.finished();
    }
  }

  private static boolean sameState(MaintenanceView a, MaintenanceView b) {
    return b != null
        && a.phase() == b.phase()
        && a.nodes().equals(b.nodes())
        && a.conditions().equals(b.conditions())
        && a.spec().equals(b.spec());
  }
}
