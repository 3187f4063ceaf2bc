package io.kubeward.server.maintenance;

import io.kubeward.access.app.Caller;
import io.kubeward.maintenance.app.ManageMaintenances;
import io.kubeward.maintenance.domain.MaintenanceView;
import io.kubeward.runtime.app.ObjectWatcher;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * (410 Gone) and reconnects. As in the cluster stream, a bounded queue per client is filled by the
 * watch and drained by a virtual thread; a client that cannot keep up is disconnected.
 */
@RestController
class MaintenanceStream {

  private static final Logger log = LoggerFactory.getLogger(MaintenanceStream.class);
  static final int QUEUE = 256;
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private final ManageMaintenances maintenances;

  MaintenanceStream(ManageMaintenances maintenances) {
    this.maintenances = maintenances;
  }

  @Operation(summary = "Server-Sent Events: the maintenance on every change until it is finished")
  @GetMapping(
      value = "/api/v1/clusters/{cluster}/maintenances/{name}/watch",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter watch(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String name) {
    SseEmitter emitter = new SseEmitter(0L);
    BlockingQueue<MaintenanceView> queue = new ArrayBlockingQueue<>(QUEUE);
    AtomicBoolean overflowed = new AtomicBoolean();
    AtomicBoolean done = new AtomicBoolean();
    AtomicBoolean deleted = new AtomicBoolean();
    AutoCloseable subscription =
        maintenances.watch(
            caller,
            cluster,
            name,
            new ObjectWatcher<>() {
              @Override
              public void changed(MaintenanceView view) {
                if (!queue.offer(view)) {
                  overflowed.set(true);
                }
              }

              @Override
              public void deleted() {
                deleted.set(true);
              }
            });
    emitter.onCompletion(() -> done.set(true));
    emitter.onTimeout(() -> done.set(true));
    emitter.onError(e -> done.set(true));
    Thread.ofVirtual()
        .name("kubeward-sse-maintenance-" + name)
        .start(() -> pump(emitter, name, queue, overflowed, deleted, done, subscription));
    return emitter;
  }

  private void pump(
      SseEmitter emitter,
      String name,
      BlockingQueue<MaintenanceView> queue,
      AtomicBoolean overflowed,
      AtomicBoolean deleted,
      AtomicBoolean done,
      AutoCloseable subscription) {
    MaintenanceView last = null;
    long lastSend = System.nanoTime();
    try {
      emitter.send(SseEmitter.event().comment("connected"));
      while (!done.get()) {
        if (overflowed.get()) {
          emitter.send(SseEmitter.event().name("overflow").data("{\"reconnect\":true}"));
          break;
        }
        MaintenanceView view = queue.poll(200, TimeUnit.MILLISECONDS);
        long now = System.nanoTime();
        if (view == null && deleted.get()) {
          emitter.send(
              SseEmitter.event()
                  .name("deleted")
                  .data(java.util.Map.of("name", name), MediaType.APPLICATION_JSON));
          break;
        }
        if (view != null && !sameState(view, last)) {
          emitter.send(
              SseEmitter.event().name("maintenance").data(view, MediaType.APPLICATION_JSON));
          last = view;
          lastSend = now;
          if (view.finished()) {
            break;
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
      log.warn("Maintenance stream failed: {}", e.toString());
      emitter.completeWithError(e);
    } finally {
      try {
        subscription.close();
      } catch (Exception e) {
        log.debug("closing a maintenance watch: {}", e.toString());
      }
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
