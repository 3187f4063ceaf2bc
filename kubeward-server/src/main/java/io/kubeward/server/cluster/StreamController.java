package io.kubeward.server.cluster;

import io.kubeward.access.app.Caller;
import io.kubeward.cluster.app.GetClusterOverview;
import io.kubeward.cluster.app.WatchCluster;
import io.kubeward.cluster.domain.ClusterOverview;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ViewChange;
import io.kubeward.server.security.CurrentUser;
import io.kubeward.server.stream.SseStreams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/clusters/{c}/stream}: Server-Sent Events with the changes of the cached
 * objects the caller may read ({@code event: change}) and the overview's counters when they changed
 * ({@code event: overview}, at most once a second). Never whole lists. Pumped, limited and
 * re-checked by {@link SseStreams} like every stream.
 */
@RestController
class StreamController {

  static final int QUEUE = 2048;
  static final Duration OVERVIEW_INTERVAL = Duration.ofSeconds(1);

  private final WatchCluster watch;
  private final GetClusterOverview overview;
  private final SseStreams streams;

  StreamController(WatchCluster watch, GetClusterOverview overview, SseStreams streams) {
    this.watch = watch;
    this.overview = overview;
    this.streams = streams;
  }

  /** The data of a change event. */
  @Schema(name = "ChangeEvent", description = "event: change")
  record Change(
      String kind,
      ViewChange.Type type,
      @Nullable String namespace,
      String name,
      KubeObjectView view) {}

  /**
   * The counters of an overview event (no per-node or per-namespace rows); {@code loading} as in
   * the overview: counts of what has been listed so far (ADR 0057).
   */
  @Schema(name = "OverviewCounters", description = "event: overview")
  record Counters(
      boolean loading,
      ClusterOverview.@Nullable NodeSummary nodes,
      ClusterOverview.PodSummary pods,
      ClusterOverview.DeploymentSummary deployments,
      int namespaces,
      int services) {}

  @Operation(
      summary = "Server-Sent Events: object changes and coalesced overview counters",
      description =
          "event: change (data: ChangeEvent), event: overview (data: OverviewCounters, at most once"
              + " a second), event: overflow (data: {\"reconnect\": true}; the server closes a"
              + " client that cannot keep up).")
  @ApiResponse(
      responseCode = "200",
      description = "A text/event-stream; each event's data is one of these JSON objects",
      content =
          @Content(
              mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
              schema = @Schema(oneOf = {Change.class, Counters.class})))
  @GetMapping(
      value = "/api/v1/clusters/{cluster}/stream",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      HttpServletRequest request) {
    return streams.open(
        CurrentUser.of(request),
        "cluster-" + cluster,
        QUEUE,
        sink -> watch.subscribe(caller, cluster, sink),
        new Events(caller, cluster));
  }

  /** Change events as they come, overview counters at most once a second when changed. */
  private final class Events implements SseStreams.Handler<ViewChange> {
    private final Caller caller;
    private final String cluster;
    private long nextOverview;
    private Counters lastCounters;
    private boolean dirty = true;

    Events(Caller caller, String cluster) {
      this.caller = caller;
      this.cluster = cluster;
    }

    @Override
    public boolean onItem(ViewChange change, SseStreams.Sender out) throws IOException {
      dirty = true;
      out.event(
          "change",
          new Change(
              change.kind().plural(),
              change.type(),
              change.view().namespace(),
              change.view().name(),
              change.view()));
      return true;
    }

    @Override
    public void onTick(SseStreams.Sender out) throws IOException {
      long now = System.nanoTime();
      if (!dirty || now < nextOverview) {
        return;
      }
      dirty = false;
      nextOverview = now + OVERVIEW_INTERVAL.toNanos();
      Counters counters = counters();
      if (counters != null && !counters.equals(lastCounters)) {
        lastCounters = counters;
        out.event("overview", counters);
      }
    }

    private Counters counters() {
      try {
        ClusterOverview o = overview.of(caller, cluster);
        return new Counters(
            o.loading(), o.nodes(), o.pods(), o.deployments(), o.namespaces(), o.services());
      } catch (RuntimeException unavailable) {
        return null; // unreachable: no counters until it is back
      }
    }
  }
}
