package io.kubeward.server.events;

import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ViewChange;
import io.kubeward.events.app.EventCollector;
import io.kubeward.events.app.EventSettings;
import io.kubeward.events.app.EventStore;
import io.kubeward.events.app.GetEventTimeline;
import io.kubeward.events.app.SearchEvents;
import io.kubeward.runtime.kube.ControllerRuntime;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event store (ADR 0026): the JDBC store, the use cases, and the collector's schedule — every
 * {@code flush-interval} each cluster's cached changes are written where this replica leads the
 * cluster's controllers ({@link ControllerRuntime#leading}, ADR 0014), every {@code purge-interval}
 * rows beyond retention and the bound are deleted (by the leader; any replica for a removed
 * cluster). Each cluster's pass runs on a virtual thread, never two of one cluster at once.
 */
@Configuration(proxyBeanMethods = false)
class EventsWiring {

  private static final Logger log = LoggerFactory.getLogger(EventsWiring.class);

  @Bean
  EventSettings eventSettings(EventsProperties properties) {
    return properties.settings();
  }

  @Bean
  EventStore eventStore(JdbcTemplate jdbc, TransactionTemplate tx) {
    return new JdbcEventStore(jdbc, tx);
  }

  @Bean
  EventCollector eventCollector(EventStore store, EventSettings settings, Clock clock) {
    return new EventCollector(store, settings, clock);
  }

  @Bean
  SearchEvents searchEvents(
      ClusterReads reads, EventStore store, EventSettings settings, Clock clock) {
    return new SearchEvents(reads, store, settings, clock);
  }

  @Bean
  GetEventTimeline getEventTimeline(
      ClusterReads reads, EventStore store, EventSettings settings, Clock clock) {
    return new GetEventTimeline(reads, store, settings, clock);
  }

  @Bean(destroyMethod = "close")
  Schedule eventSchedule(
      EventCollector collector,
      EventStore store,
      ClusterRegistry clusters,
      ControllerRuntime runtime,
      EventSettings settings) {
    return new Schedule(collector, store, clusters, runtime, settings);
  }

  /** The collector's timers and its listener on each cluster's cache. */
  static final class Schedule implements AutoCloseable {
    private final EventCollector collector;
    private final EventStore store;
    private final ClusterRegistry clusters;
    private final ControllerRuntime runtime;
    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("kubeward-events").factory());
    private final ExecutorService passes =
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("kubeward-events-", 0).factory());
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final Map<String, Listening> listening = new ConcurrentHashMap<>();
    private final Map<String, String> failing = new ConcurrentHashMap<>();

    /** The listener added to one cluster object (replaced when the cluster is re-added). */
    private record Listening(ManagedCluster cluster, Consumer<ViewChange> listener) {}

    Schedule(
        EventCollector collector,
        EventStore store,
        ClusterRegistry clusters,
        ControllerRuntime runtime,
        EventSettings settings) {
      this.collector = collector;
      this.store = store;
      this.clusters = clusters;
      this.runtime = runtime;
      if (settings.enabled()) {
        long flush = settings.flushInterval().toMillis();
        timer.scheduleWithFixedDelay(this::flushAll, flush, flush, TimeUnit.MILLISECONDS);
      }
      long purge = settings.purgeInterval().toMillis();
      timer.scheduleWithFixedDelay(this::purgeAll, purge, purge, TimeUnit.MILLISECONDS);
    }

    private void flushAll() {
      Set<String> known = new HashSet<>();
      for (ManagedCluster cluster : clusters.all()) {
        String name = cluster.name();
        known.add(name);
        listen(cluster);
        once(
            "flush:" + name,
            () -> collector.flush(name, runtime.leading(name), () -> cachedEvents(cluster)));
      }
      for (String name : List.copyOf(listening.keySet())) {
        if (!known.contains(name)) {
          Listening gone = listening.remove(name);
          gone.cluster().removeListener(gone.listener());
          collector.forget(name);
        }
      }
    }

    private void listen(ManagedCluster cluster) {
      Listening current = listening.get(cluster.name());
      if (current != null && current.cluster() == cluster) {
        return;
      }
      if (current != null) {
        current.cluster().removeListener(current.listener());
      }
      String name = cluster.name();
      Consumer<ViewChange> listener =
          change -> {
            if (change.kind() == CachedKind.EVENTS && change.type() != ViewChange.Type.DELETED) {
              collector.observe(name, change.view());
            }
          };
      cluster.addListener(listener);
      listening.put(name, new Listening(cluster, listener));
    }

    private static Iterable<? extends KubeObjectView> cachedEvents(ManagedCluster cluster) {
      try {
        return cluster.views(CachedKind.EVENTS).all();
      } catch (UnsupportedOperationException e) {
        return List.of();
      }
    }

    private void purgeAll() {
      Set<String> known = new HashSet<>();
      for (ManagedCluster cluster : clusters.all()) {
        known.add(cluster.name());
      }
      try {
        for (String name : store.clusters()) {
          // a removed cluster has no leader: any replica ages its events out
          if (!known.contains(name) || runtime.leading(name)) {
            once("purge:" + name, () -> collector.purge(name));
          }
        }
      } catch (RuntimeException e) {
        log.warn("Events: listing the clusters with events failed: {}", e.toString());
      }
    }

    private void once(String key, Runnable pass) {
      AtomicBoolean busy = running.computeIfAbsent(key, k -> new AtomicBoolean());
      if (!busy.compareAndSet(false, true)) {
        return;
      }
      try {
        passes.execute(
            () -> {
              try {
                pass.run();
                failing.remove(key);
              } catch (RuntimeException e) {
                // once per outage, not every flush interval (the next flush re-reads the cache)
                if (!e.toString().equals(failing.put(key, e.toString()))) {
                  log.warn("Events: {} failed: {}", key, e.toString());
                } else {
                  log.debug("Events: {} failed again: {}", key, e.toString());
                }
              } finally {
                busy.set(false);
              }
            });
      } catch (RuntimeException e) {
        busy.set(false);
      }
    }

    @Override
    public void close() {
      timer.shutdownNow();
      passes.shutdownNow();
      listening.values().forEach(l -> l.cluster().removeListener(l.listener()));
    }
  }
}
