package io.kubeward.server.workload;

import io.kubeward.access.app.Caller;
import io.kubeward.common.KubewardException;
import io.kubeward.server.security.CurrentUser;
import io.kubeward.server.stream.SseStreams;
import io.kubeward.workload.app.GetWorkload;
import io.kubeward.workload.app.TrackRollout;
import io.kubeward.workload.app.WorkloadNotFoundException;
import io.kubeward.workload.domain.RolloutStatus;
import io.kubeward.workload.domain.WorkloadDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A workload's page ({@code GET …/workloads/{plural}/{name}}), its rollout status ({@code
 * …/rollout}) and the rollout followed live ({@code …/rollout/stream}: Server-Sent Events, {@code
 * event: rollout} with the {@link RolloutStatus} whenever it changes, ending after a complete or
 * failed rollout, with {@code event: deleted} when the workload goes; pumped, bounded and
 * re-checked by {@link SseStreams} like every stream). Everything is read from the shared cache, as
 * the caller.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/namespaces/{namespace}/workloads/{kind}/{name}")
class WorkloadsController {

  static final int QUEUE = 64;

  private final GetWorkload details;
  private final TrackRollout rollouts;
  private final SseStreams streams;
  private final WorkloadsProperties properties;

  WorkloadsController(
      GetWorkload details,
      TrackRollout rollouts,
      SseStreams streams,
      WorkloadsProperties properties) {
    this.details = details;
    this.rollouts = rollouts;
    this.streams = streams;
    this.properties = properties;
  }

  @Operation(
      summary =
          "A workload's page: counts, conditions, images, owners, related objects, pods, rollout")
  @GetMapping
  WorkloadDetail detail(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @Parameter(description = "deployments, statefulsets, daemonsets, replicasets, jobs, cronjobs")
          @PathVariable
          String kind,
      @PathVariable String name) {
    return details.get(caller, cluster, kind, namespace, name);
  }

  @Operation(summary = "A workload's rollout status, as kubectl rollout status judges it, and why")
  @GetMapping("/rollout")
  RolloutStatus rollout(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String kind,
      @PathVariable String name) {
    return rollouts.status(caller, cluster, kind, namespace, name);
  }

  @Operation(summary = "Server-Sent Events: the rollout status on every change until it settles")
  @ApiResponse(
      responseCode = "200",
      description = "A text/event-stream: event: rollout, data: the RolloutStatus",
      content =
          @Content(
              mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
              schema = @Schema(implementation = RolloutStatus.class)))
  @GetMapping(value = "/rollout/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String kind,
      @PathVariable String name,
      HttpServletRequest request) {
    Events events = new Events(caller, cluster, kind, namespace, name);
    return streams.open(
        CurrentUser.of(request),
        "rollout-" + namespace + "-" + name,
        QUEUE,
        sink -> {
          events.sink = sink;
          return rollouts.follow(caller, cluster, kind, namespace, name, events::changed);
        },
        events);
  }

  /**
   * Judges the rollout again after a change (coalesced: a burst of queued changes is one judgement)
   * and every {@code stream-tick}; sends each status that differs from the last one.
   */
  private final class Events implements SseStreams.Handler<Boolean> {
    private final Caller caller;
    private final String cluster;
    private final String kind;
    private final String namespace;
    private final String name;
    private RolloutStatus last;
    private long lastJudged;
    private boolean done;
    private volatile java.util.function.Consumer<Boolean> sink = item -> {};
    private final java.util.concurrent.atomic.AtomicBoolean pending =
        new java.util.concurrent.atomic.AtomicBoolean();

    Events(Caller caller, String cluster, String kind, String namespace, String name) {
      this.caller = caller;
      this.cluster = cluster;
      this.kind = kind;
      this.namespace = namespace;
      this.name = name;
    }

    /** A change in the cache: queued once until judged (a burst of changes is one judgement). */
    void changed() {
      if (pending.compareAndSet(false, true)) {
        sink.accept(Boolean.TRUE);
      }
    }

    @Override
    public boolean onItem(Boolean changed, SseStreams.Sender out) throws IOException {
      pending.set(false);
      return judge(out);
    }

    @Override
    public void onTick(SseStreams.Sender out) throws IOException {
      if (!done && System.nanoTime() - lastJudged > properties.streamTick().toNanos()) {
        judge(out);
        if (done) {
          sink.accept(Boolean.FALSE); // the next item ends the stream
        }
      }
    }

    private boolean judge(SseStreams.Sender out) throws IOException {
      if (done) {
        return false;
      }
      lastJudged = System.nanoTime();
      RolloutStatus status;
      try {
        status = rollouts.status(caller, cluster, kind, namespace, name);
      } catch (WorkloadNotFoundException e) {
        out.event("deleted", Map.of("kind", kind, "namespace", namespace, "name", name));
        done = true;
        return false;
      } catch (KubewardException e) {
        out.event("problem", Map.of("code", e.code(), "detail", Objects.toString(e.getMessage())));
        done = true;
        return false;
      }
      if (!status.equals(last)) {
        out.event("rollout", status);
        last = status;
      }
      if (status.settled()) {
        done = true;
        return false;
      }
      return true;
    }
  }
}
