package io.kubeward.server.startup;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.cluster.app.CacheStatistics;
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.StartupTimeline;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the seconds of the start went (issue 19): the process's phases and, for one cluster, each
 * cached kind's first list and the first complete overview. Read-only, for administrators.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}")
class StartupController {

  private final ClusterRegistry clusters;
  private final StartupMoments moments;

  StartupController(ClusterRegistry clusters, StartupMoments moments) {
    this.clusters = clusters;
    this.moments = moments;
  }

  @Schema(
      name = "StartupPhase",
      description = "One moment of the start, with the milliseconds since the JVM started")
  record PhaseView(String name, Instant at, long sinceJvmStartMillis) {}

  @Schema(
      name = "StartupKindList",
      description =
          "A cached kind's first complete list: asked for (it may then wait for the cluster's"
              + " list gate) and synced, in milliseconds since the JVM started; null while not yet")
  record KindListView(
      String kind,
      int objects,
      @Nullable Long startedMillis,
      @Nullable Long syncedMillis,
      @Nullable Long listMillis) {}

  @Schema(
      name = "StartupTimeline",
      description =
          "The server's start-up timeline for one cluster: JVM, Spring context, web server, each"
              + " kind's first list, the first complete overview (times ISO-8601)")
  record TimelineView(
      String cluster,
      Instant jvmStarted,
      List<PhaseView> phases,
      List<KindListView> lists,
      @Nullable Long firstOverviewMillis,
      @Nullable Long allSyncedMillis) {}

  @Operation(summary = "The server's start-up timeline for the cluster (Kubeward administrators)")
  @GetMapping("/startup")
  TimelineView startup(@Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    Authorizer.requireAdmin(caller);
    ManagedCluster managed =
        clusters.find(cluster).orElseThrow(() -> new ClusterNotFoundException(cluster));
    List<StartupTimeline.KindSync> kinds =
        managed.cacheStatistics().stream()
            .map(
                (CacheStatistics k) ->
                    new StartupTimeline.KindSync(
                        k.kind(), k.size(), k.firstListStarted(), k.syncedAt()))
            .toList();
    StartupTimeline timeline = StartupTimeline.of(moments.jvmStarted(), moments.moments(), kinds);
    return new TimelineView(
        cluster,
        timeline.jvmStarted(),
        timeline.phases().stream()
            .map(p -> new PhaseView(p.name(), p.at(), p.sinceJvmStart().toMillis()))
            .toList(),
        timeline.lists().stream()
            .map(
                l ->
                    new KindListView(
                        l.kind().plural(),
                        l.objects(),
                        millis(l.startedAfterJvm()),
                        millis(l.syncedAfterJvm()),
                        millis(l.listTime())))
            .toList(),
        timeline.firstOverview() == null
            ? null
            : Duration.between(timeline.jvmStarted(), timeline.firstOverview()).toMillis(),
        timeline.allSynced() == null
            ? null
            : Duration.between(timeline.jvmStarted(), timeline.allSynced()).toMillis());
  }

  private static @Nullable Long millis(@Nullable Duration duration) {
    return duration == null ? null : duration.toMillis();
  }
}
