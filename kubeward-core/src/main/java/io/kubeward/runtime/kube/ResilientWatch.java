package io.kubeward.runtime.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.kubeward.runtime.app.ObjectWatcher;
import io.kubeward.runtime.domain.RetryPolicy;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one named object and keeps watching across {@code 410 Gone} and closed watches: a raw
 * fabric8 watch ends for good when the apiserver answers that its resourceVersion is too old (after
 * an apiserver restart or a long outage), and a follower would then wait forever. This one re-reads
 * the object (a list filtered by name, for a fresh resourceVersion), reports it if it changed, and
 * watches again from there; failures back off exponentially. A deletion, also one noticed by a
 * re-read, is reported once and ends the watch.
 */
public final class ResilientWatch<T> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ResilientWatch.class);
  private static final ScheduledExecutorService RESYNC =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("kubeward-watch-resync").factory());
  private static final AtomicLong RESTARTS = new AtomicLong();
  static final RetryPolicy BACKOFF =
      new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(30));

  private final String what;
  private final String name;
  private final NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      resources;
  private final Function<GenericKubernetesResource, T> decoder;
  private final ObjectWatcher<T> listener;
  private Watch watch;
  private volatile Events current;
  private String lastResourceVersion;
  private int failures;
  private boolean closed;
  private long restarts;

  private ResilientWatch(
      String what,
      NonNamespaceOperation<
              GenericKubernetesResource,
              GenericKubernetesResourceList,
              Resource<GenericKubernetesResource>>
          resources,
      String name,
      Function<GenericKubernetesResource, T> decoder,
      ObjectWatcher<T> listener) {
    this.what = what;
    this.resources = resources;
    this.name = name;
    this.decoder = decoder;
    this.listener = listener;
  }

  /**
   * Starts watching {@code name} among {@code resources} (already narrowed to a namespace if the
   * kind is namespaced). The listener gets the current state first, then every change.
   */
  public static <T> ResilientWatch<T> start(
      String what,
      NonNamespaceOperation<
              GenericKubernetesResource,
              GenericKubernetesResourceList,
              Resource<GenericKubernetesResource>>
          resources,
      String name,
      Function<GenericKubernetesResource, T> decoder,
      ObjectWatcher<T> listener) {
    ResilientWatch<T> w = new ResilientWatch<>(what, resources, name, decoder, listener);
    w.resync();
    return w;
  }

  /** Re-lists and re-watches of all resilient watches of this process (for a metric). */
  public static long totalRestarts() {
    return RESTARTS.get();
  }

  /** Re-lists and re-watches of this watch. */
  public synchronized long restarts() {
    return restarts;
  }

  /** Stops the current watch as if the connection had closed (tests). */
  synchronized void dropForTest() {
    stopWatch();
    scheduleResync("dropped", Duration.ZERO);
  }

  private void stopWatch() {
    Watch w = watch;
    watch = null;
    current = null;
    if (w != null) {
      w.close();
    }
  }

  private synchronized void resync() {
    if (closed) {
      return;
    }
    stopWatch();
    try {
      GenericKubernetesResourceList list = resources.withField("metadata.name", name).list();
      List<GenericKubernetesResource> items = list.getItems();
      if (items.isEmpty()) {
        deleted();
        return;
      }
      deliver(items.get(0));
      String from = list.getMetadata().getResourceVersion();
      Events events = new Events();
      current = events;
      watch =
          resources
              .withField("metadata.name", name)
              .watch(
                  new ListOptionsBuilder()
                      .withResourceVersion(from)
                      .withAllowWatchBookmarks(true)
                      .build(),
                  events);
      failures = 0;
    } catch (KubernetesClientException e) {
      failures++;
      Duration delay = BACKOFF.delay(failures);
      log.debug("{} {}: re-reading failed ({}), again in {}", what, name, e.getMessage(), delay);
      scheduleResync("failed", delay);
    }
  }

  private void scheduleResync(String why, Duration delay) {
    if (closed) {
      return;
    }
    restarts++;
    RESTARTS.incrementAndGet();
    // the timer thread only hands over: a slow cluster never delays the re-reads of other watches
    RESYNC.schedule(
        () -> Thread.ofVirtual().name("kubeward-watch-resync-" + name).start(this::resync),
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private synchronized void deliver(GenericKubernetesResource object) {
    if (closed) {
      return;
    }
    String rv = object.getMetadata().getResourceVersion();
    if (Objects.equals(rv, lastResourceVersion)) {
      return;
    }
    lastResourceVersion = rv;
    listener.changed(decoder.apply(object));
  }

  private synchronized void deleted() {
    if (closed) {
      return;
    }
    closed = true;
    stopWatch();
    listener.deleted();
  }

  private synchronized void closedByServer(Events events, WatcherException cause) {
    if (closed || events != current) {
      return; // a watch this one replaced or closed itself
    }
    watch = null;
    current = null;
    boolean gone =
        cause != null
            && (cause.isHttpGone()
                || cause.getCause() instanceof KubernetesClientException k
                    && k.getCode() == HttpURLConnection.HTTP_GONE);
    if (gone) {
      log.info("{} {}: watch expired (410 Gone); re-reading and watching again", what, name);
    } else {
      log.info(
          "{} {}: watch closed ({}); re-reading and watching again",
          what,
          name,
          cause == null ? "by the server" : cause.getMessage());
    }
    scheduleResync(gone ? "gone" : "closed", Duration.ZERO);
  }

  private final class Events implements Watcher<GenericKubernetesResource> {
    @Override
    public void eventReceived(Action action, GenericKubernetesResource resource) {
      if (this != current) {
        return;
      }
      switch (action) {
        case ADDED, MODIFIED -> deliver(resource);
        case DELETED -> deleted();
        default -> {
          // BOOKMARK moves fabric8's resourceVersion; ERROR ends in onClose
        }
      }
    }

    @Override
    public void onClose(WatcherException cause) {
      closedByServer(this, cause);
    }

    @Override
    public void onClose() {
      closedByServer(this, null);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    stopWatch();
  }
}
