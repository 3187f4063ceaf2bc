package io.kubeward.cluster.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cluster.domain.StartupTimeline.KindSync;
import io.kubeward.cluster.domain.StartupTimeline.Moment;
import io.kubeward.cluster.domain.StartupTimeline.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupTimelineTest {

  private static final Instant JVM = Instant.parse("2026-12-04T10:00:00Z");

  private static Instant at(long millis) {
    return JVM.plusMillis(millis);
  }

  /** Every kind started at 3 s; FIRST kinds synced at 4 s + 100 ms each, LATER ones at 9 s. */
  private static List<KindSync> allSynced() {
    List<KindSync> kinds = new ArrayList<>();
    int first = 0;
    for (CachedKind kind : CachedKind.values()) {
      Instant synced =
          kind.listOrder() == CachedKind.ListOrder.FIRST ? at(4_000 + 100L * first++) : at(9_000);
      kinds.add(new KindSync(kind, 10, at(3_000), synced));
    }
    return kinds;
  }

  @Test
  void phasesAreOrderedByInstantWithTheirTimeSinceTheJvmStarted() {
    StartupTimeline timeline =
        StartupTimeline.of(
            JVM,
            List.of(
                new Moment("Spring context refreshed", at(2_500)),
                new Moment("web server listening", at(2_400))),
            allSynced());

    assertThat(timeline.phases())
        .extracting(Phase::name)
        .containsExactly(
            "JVM started",
            "web server listening",
            "Spring context refreshed",
            StartupTimeline.FIRST_OVERVIEW,
            StartupTimeline.ALL_SYNCED);
    assertThat(timeline.phases().get(2).sinceJvmStart()).isEqualTo(Duration.ofMillis(2_500));
  }

  @Test
  void theFirstOverviewIsTheLastSyncOfTheKindsThatListFirst() {
    StartupTimeline timeline = StartupTimeline.of(JVM, List.of(), allSynced());

    int overviewKinds = StartupTimeline.overviewKindCount();
    assertThat(overviewKinds).isEqualTo(5);
    assertThat(timeline.firstOverview()).isEqualTo(at(4_000 + 100L * (overviewKinds - 1)));
    assertThat(timeline.allSynced()).isEqualTo(at(9_000));
  }

  @Test
  void eachKindsListTimeRunsFromItsFirstRequestToItsSync() {
    StartupTimeline timeline = StartupTimeline.of(JVM, List.of(), allSynced());

    StartupTimeline.KindList pods =
        timeline.lists().stream()
            .filter(l -> l.kind() == CachedKind.PODS)
            .findFirst()
            .orElseThrow();
    assertThat(pods.startedAfterJvm()).isEqualTo(Duration.ofSeconds(3));
    assertThat(pods.listTime()).isEqualTo(Duration.between(at(3_000), pods.synced()));
    assertThat(pods.objects()).isEqualTo(10);
  }

  @Test
  void whileAKindHasNotSyncedThereIsNoOverviewAndItsListTimeIsOpen() {
    List<KindSync> kinds = new ArrayList<>(allSynced());
    kinds.replaceAll(
        k -> k.kind() == CachedKind.PODS ? new KindSync(CachedKind.PODS, 0, at(3_000), null) : k);

    StartupTimeline timeline =
        StartupTimeline.of(JVM, List.of(new Moment("web server listening", null)), kinds);

    assertThat(timeline.firstOverview()).isNull();
    assertThat(timeline.allSynced()).isNull();
    assertThat(timeline.phases()).extracting(Phase::name).containsExactly("JVM started");
    assertThat(timeline.lists())
        .filteredOn(l -> l.kind() == CachedKind.PODS)
        .singleElement()
        .satisfies(l -> assertThat(l.listTime()).isNull());
  }
}
