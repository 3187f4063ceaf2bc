package io.kubeward.server.cluster;

import io.kubeward.access.app.Caller;
import io.kubeward.cluster.app.GetClusterOverview;
import io.kubeward.cluster.app.WatchCluster;
import io.kubeward.cluster.domain.ClusterOverview;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ViewChange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/clusters/{c}/stream}: Server-Sent Events with the changes of the cached
 * objects the caller may read ({@code event: change}) and the overview's counters when they changed
 * ({@code event: overview}, at most once a second). Never whole lists.
 *
 * <p>Each client has a bounded queue filled on the cache's threads without blocking and drained by
 * a virtual thread of its own. A client that cannot keep up (queue full) is disconnected — its
 * EventSource reconnects and reloads — so a slow client never holds the server or other clients.
 */
@RestController
class StreamController {

  private static final Logger log = LoggerFactory.getLogger(StreamController.class);
  static final int QUEUE = 2048;
  static final Duration OVERVIEW_INTERVAL = Duration.ofSeconds(1);
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private final WatchCluster watch;
  private final GetClusterOverview overview;

  StreamController(WatchCluster watch, GetClusterOverview overview) {
    this.watch = watch;
    this.overview = overview;
  }

  /** The data of a change event. */
  @Schema(name = "ChangeEvent", description = "event: change")
  record Change(
      String kind,
      ViewChange.Type type,
      @Nullable String namespace,
      String name,
      KubeObjectView view) {}

  /** The counters of an overview event (no per-node or per-namespace rows). */
  @Schema(name = "OverviewCounters", description = "event: overview")
  record Counters(
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
  SseEmitter stream(@Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    SseEmitter emitter = new SseEmitter(0L);
    BlockingQueue<ViewChange> queue = new ArrayBlockingQueue<>(QUEUE);
    AtomicBoolean overflowed = new AtomicBoolean();
    AtomicBoolean done = new AtomicBoolean();
    WatchCluster.Subscription subscription =
        watch.subscribe(
            caller,
            cluster,
            change -> {
              if (!queue.offer(change)) {
                overflowed.set(true);
              }
            });
    emitter.onCompletion(() -> done.set(true));
    emitter.onTimeout(() -> done.set(true));
    emitter.onError(e -> done.set(true));
    Thread.ofVirtual()
        .name("kubeward-sse-" + cluster)
        .start(() -> pump(caller, cluster, emitter, queue, overflowed, done, subscription));
    return emitter;
  }

  private void pump(
      Caller caller,
      String cluster,
      SseEmitter emitter,
      BlockingQueue<ViewChange> queue,
      AtomicBoolean overflowed,
      AtomicBoolean done,
      WatchCluster.Subscription subscription) {
    long nextOverview = 0;
    long lastSend = System.nanoTime();
    Counters lastCounters = null;
    boolean dirty = true;
    try {
      emitter.send(SseEmitter.event().comment("connected"));
      while (!done.get()) {
        if (overflowed.get()) {
          log.info("SSE client of {} ({}) too slow: disconnected", cluster, caller.username());
          emitter.send(SseEmitter.event().name("overflow").data(Map.of("reconnect", true)));
          break;
        }
        ViewChange change = queue.poll(200, TimeUnit.MILLISECONDS);
        long now = System.nanoTime();
        if (change != null) {
          dirty = true;
          emitter.send(
              SseEmitter.event()
                  .name("change")
                  .data(
                      new Change(
                          change.kind().plural(),
                          change.type(),
                          change.view().namespace(),
                          change.view().name(),
                          change.view()),
                      MediaType.APPLICATION_JSON));
          lastSend = now;
        }
        if (dirty && now >= nextOverview) {
          dirty = false;
          nextOverview = now + OVERVIEW_INTERVAL.toNanos();
          Counters counters = counters(caller, cluster);
          if (counters != null && !counters.equals(lastCounters)) {
            lastCounters = counters;
            emitter.send(
                SseEmitter.event().name("overview").data(counters, MediaType.APPLICATION_JSON));
            lastSend = now;
          }
        }
        if (now - lastSend > HEARTBEAT.toNanos()) {
          emitter.send(SseEmitter.event().comment("keep-alive"));
          lastSend = now;
        }
      }
      emitter.complete();
    } catch (IOException | IllegalStateException e) {
      // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("SSE stream of {} failed: {}", cluster, e.toString());
      emitter.completeWithError(e);
    } finally {
      subscription.close();
    }
  }

  private Counters counters(Caller caller, String cluster) {
    try {
      ClusterOverview o = overview.of(caller, cluster);
      return new Counters(o.nodes(), o.pods(), o.deployments(), o.namespaces(), o.services());
    } catch (RuntimeException unavailable) {
      return null; // unreachable or still loading: no counters until it is back
    }
  }
}
