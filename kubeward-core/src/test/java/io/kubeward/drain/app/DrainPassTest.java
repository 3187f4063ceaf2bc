package io.kubeward.drain.app;

import static io.kubeward.drain.domain.DrainFixtures.NODE;
import static io.kubeward.drain.domain.DrainFixtures.budget;
import static io.kubeward.drain.domain.DrainFixtures.ownedBy;
import static io.kubeward.drain.domain.DrainFixtures.pod;
import static io.kubeward.drain.domain.DrainFixtures.replicaPod;
import static io.kubeward.drain.domain.DrainFixtures.withEmptyDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubeward.drain.app.DrainGateway.Attempt;
import io.kubeward.drain.app.DrainGateway.Outcome;
import io.kubeward.drain.domain.DrainBlocker;
import io.kubeward.drain.domain.DrainOptions;
import io.kubeward.drain.domain.DrainProgress;
import io.kubeward.drain.domain.DrainState;
import io.kubeward.drain.domain.PodDrainState;
import io.kubeward.drain.domain.PodProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DrainPassTest {

  private static final Instant START = Instant.parse("2026-11-22T04:00:00Z");
  private static final Duration BASE = Duration.ofSeconds(5);
  private static final Duration MAX = Duration.ofSeconds(30);

  private final FakeDrainGateway cluster = new FakeDrainGateway();
  private final MutableClock clock = new MutableClock(START);
  private final DrainPass pass = new DrainPass(cluster, clock, BASE, MAX);
  private final DrainOptions options =
      DrainOptions.defaults()
          .withTimeout(Duration.ofMinutes(10))
          .withBlockedReportAfter(Duration.ofMinutes(2));

  private DrainProgress advance(DrainOptions with, DrainProgress previous) {
    return pass.advance("dev", NODE, with, previous);
  }

  private static PodProgress tracked(DrainProgress progress, String name) {
    return progress.pods().stream()
        .filter(p -> p.name().equals(name))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no pod " + name + " in " + progress));
  }

  @Test
  void evictsSkipsAndSucceedsOnceTheEvictedPodsAreGone() {
    cluster.add(replicaPod("web-1").build());
    cluster.add(ownedBy(pod("agent"), "DaemonSet", "agent").build());

    DrainProgress first = advance(options, null);

    assertThat(first.state()).isEqualTo(DrainState.RUNNING);
    assertThat(first.startedAt()).isEqualTo(START);
    assertThat(tracked(first, "web-1").state()).isEqualTo(PodDrainState.EVICTING);
    assertThat(tracked(first, "agent").state()).isEqualTo(PodDrainState.SKIPPED);
    assertThat(cluster.calls("evict"))
        .extracting(FakeDrainGateway.Call::pod)
        .containsExactly("web-1");

    clock.advance(Duration.ofSeconds(1));
    DrainProgress stillTerminating = advance(options, first);
    assertThat(stillTerminating.state()).isEqualTo(DrainState.RUNNING);
    assertThat(cluster.calls("evict")).hasSize(1);

    cluster.remove("web-1");
    clock.advance(Duration.ofSeconds(1));
    DrainProgress done = advance(options, stillTerminating);

    assertThat(done.state()).isEqualTo(DrainState.SUCCEEDED);
    assertThat(done.finishedAt()).isEqualTo(START.plusSeconds(2));
    assertThat(done.pods())
        .extracting(PodProgress::name, PodProgress::state)
        .containsExactlyInAnyOrder(
            tuple("web-1", PodDrainState.GONE), tuple("agent", PodDrainState.SKIPPED));
    assertThat(advance(options, done)).isSameAs(done);
  }

  @Test
  void emptyNodeSucceedsAtOnce() {
    DrainProgress progress = advance(options, null);

    assertThat(progress.state()).isEqualTo(DrainState.SUCCEEDED);
    assertThat(progress.pods()).isEmpty();
  }

  @Test
  void refusesBeforeEvictingAnythingWhenPodsNeedForceOrTheEmptyDirFlag() {
    cluster.add(replicaPod("web-1").build());
    cluster.add(pod("debug").build());
    cluster.add(withEmptyDir(replicaPod("cache-1")).build());

    DrainProgress progress = advance(options, null);

    assertThat(progress.state()).isEqualTo(DrainState.REFUSED);
    assertThat(progress.finishedAt()).isEqualTo(START);
    assertThat(cluster.calls).isEmpty();
    assertThat(progress.pods())
        .extracting(PodProgress::name, PodProgress::state)
        .containsExactlyInAnyOrder(
            tuple("web-1", PodDrainState.PENDING),
            tuple("debug", PodDrainState.REFUSED),
            tuple("cache-1", PodDrainState.REFUSED));
    assertThat(progress.message())
        .contains("needs force: shop/debug")
        .contains("needs deleteEmptyDirData: shop/cache-1");
    clock.advance(Duration.ofMinutes(1));
    assertThat(advance(options, progress)).isSameAs(progress);
    assertThat(cluster.calls).isEmpty();
  }

  @Test
  void withForceAPodWithoutControllerIsDeletedAndTheDeletionRecorded() {
    cluster.add(withEmptyDir(pod("debug")).build());
    DrainOptions forced =
        options.withForce(true).withDeleteEmptyDirData(true).withGracePeriodSeconds(7);

    DrainProgress progress = advance(forced, null);

    assertThat(cluster.calls)
        .containsExactly(new FakeDrainGateway.Call("delete", "debug", "uid-debug", 7));
    assertThat(tracked(progress, "debug").state()).isEqualTo(PodDrainState.DELETING);
    assertThat(tracked(progress, "debug").message()).contains("without a controller (force)");

    cluster.remove("debug");
    DrainProgress done = advance(forced, progress);
    assertThat(done.state()).isEqualTo(DrainState.SUCCEEDED);
    assertThat(tracked(done, "debug").message()).contains("force");
  }

  @Test
  void gracePeriodIsPassedToEvictions() {
    cluster.add(replicaPod("web-1").build());

    advance(options.withGracePeriodSeconds(0), null);

    assertThat(cluster.calls)
        .containsExactly(new FakeDrainGateway.Call("evict", "web-1", "uid-web-1", 0));
  }

  @Test
  void budgetLetsOnePodGoAtATimeAndTheSecondGoesWhenItAllowsAgain() {
    cluster.add(replicaPod("web-1").build());
    cluster.add(replicaPod("web-2").build());
    cluster.budgets.add(budget("web-pdb", 1));

    DrainProgress first = advance(options, null);

    assertThat(cluster.calls("evict"))
        .extracting(FakeDrainGateway.Call::pod)
        .containsExactly("web-1");
    assertThat(tracked(first, "web-2"))
        .extracting(PodProgress::state, PodProgress::pdb, PodProgress::attempts)
        .containsExactly(PodDrainState.BLOCKED, "web-pdb", 0);
    assertThat(first.state()).isEqualTo(DrainState.RUNNING);

    // the budget controller sees web-1 disrupted, then the replacement ready elsewhere
    cluster.budgets.set(0, budget("web-pdb", 0));
    cluster.remove("web-1");
    clock.advance(Duration.ofSeconds(10));
    DrainProgress waiting = advance(options, first);
    assertThat(cluster.calls("evict")).hasSize(1);
    assertThat(tracked(waiting, "web-2").state()).isEqualTo(PodDrainState.BLOCKED);

    cluster.budgets.set(0, budget("web-pdb", 1));
    clock.advance(Duration.ofSeconds(10));
    DrainProgress evicting = advance(options, waiting);
    assertThat(cluster.calls("evict"))
        .extracting(FakeDrainGateway.Call::pod)
        .containsExactly("web-1", "web-2");
    assertThat(tracked(evicting, "web-2").state()).isEqualTo(PodDrainState.EVICTING);
  }

  @Test
  void tooManyRequestsBlocksThePodAndRetriesWithExponentialBackoff() {
    cluster.add(replicaPod("web-1").build());
    cluster.budgets.add(budget("web-pdb", 1));
    Attempt refused = new Attempt(Outcome.TOO_MANY_REQUESTS, "Cannot evict pod");
    cluster.answer("web-1", refused, refused, refused, refused, refused);

    DrainProgress progress = advance(options, null);
    PodProgress blocked = tracked(progress, "web-1");
    assertThat(blocked)
        .extracting(
            PodProgress::state, PodProgress::pdb, PodProgress::attempts, PodProgress::nextAttemptAt)
        .containsExactly(PodDrainState.BLOCKED, "web-pdb", 1, START.plus(BASE));
    assertThat(blocked.message()).contains("429").contains("Cannot evict pod");

    clock.advance(Duration.ofSeconds(4));
    progress = advance(options, progress);
    assertThat(cluster.calls("evict")).hasSize(1);

    clock.advance(Duration.ofSeconds(1));
    progress = advance(options, progress);
    assertThat(cluster.calls("evict")).hasSize(2);
    assertThat(tracked(progress, "web-1").nextAttemptAt())
        .isEqualTo(clock.instant().plusSeconds(10));

    clock.advance(Duration.ofSeconds(10));
    progress = advance(options, progress);
    assertThat(tracked(progress, "web-1").nextAttemptAt())
        .isEqualTo(clock.instant().plusSeconds(20));
    clock.advance(Duration.ofSeconds(20));
    progress = advance(options, progress);
    assertThat(tracked(progress, "web-1").attempts()).isEqualTo(4);
    assertThat(tracked(progress, "web-1").nextAttemptAt()).isEqualTo(clock.instant().plus(MAX));
  }

  @Test
  void tooManyRequestsWithoutABudgetIsRetriedButBlamesNoBudget() {
    cluster.add(replicaPod("web-1").build());
    Attempt throttled = new Attempt(Outcome.TOO_MANY_REQUESTS, "Too many requests");
    cluster.answer("web-1", throttled, throttled);

    DrainProgress progress = advance(options, null);
    clock.advance(Duration.ofMinutes(3));
    progress = advance(options, progress);

    assertThat(tracked(progress, "web-1"))
        .extracting(PodProgress::state, PodProgress::pdb, PodProgress::attempts)
        .containsExactly(PodDrainState.BLOCKED, null, 2);
    assertThat(progress.state()).isEqualTo(DrainState.RUNNING);
    assertThat(progress.blockers()).isEmpty();
  }

  @Test
  void otherRefusalsFailThePodAndAreRetriedLater() {
    cluster.add(replicaPod("web-1").build());
    cluster.answer("web-1", new Attempt(Outcome.FAILED, "500 more than one budget"));

    DrainProgress failed = advance(options, null);
    assertThat(tracked(failed, "web-1"))
        .extracting(PodProgress::state, PodProgress::nextAttemptAt)
        .containsExactly(PodDrainState.FAILED, START.plus(BASE));
    assertThat(failed.state()).isEqualTo(DrainState.RUNNING);

    clock.advance(BASE);
    DrainProgress retried = advance(options, failed);
    assertThat(tracked(retried, "web-1").state()).isEqualTo(PodDrainState.EVICTING);
    assertThat(tracked(retried, "web-1").attempts()).isEqualTo(2);
  }

  @Test
  void reportsBlockedWithEveryBudgetAndItsPodsAfterBlockedReportAfter() {
    cluster.add(replicaPod("web-1").build());
    cluster.add(replicaPod("web-2").build());
    cluster.budgets.add(budget("web-pdb", 0));

    DrainProgress progress = advance(options, null);
    assertThat(progress.state()).isEqualTo(DrainState.RUNNING);
    assertThat(progress.blockers()).isEmpty();

    clock.advance(Duration.ofMinutes(2));
    progress = advance(options, progress);

    assertThat(progress.state()).isEqualTo(DrainState.BLOCKED);
    assertThat(progress.finishedAt()).isNull();
    assertThat(progress.blockers())
        .containsExactly(new DrainBlocker("shop", "web-pdb", java.util.List.of("web-1", "web-2")));
    assertThat(progress.message()).contains("web-pdb");
    assertThat(cluster.calls).isEmpty();

    cluster.budgets.set(0, budget("web-pdb", 2));
    progress = advance(options, progress);
    assertThat(progress.state()).isEqualTo(DrainState.RUNNING);
    assertThat(cluster.calls("evict")).hasSize(2);
  }

  @Test
  void timesOutKeepingEveryPodsOutcomeAndSendsNothingMore() {
    cluster.add(replicaPod("web-1").build());
    cluster.add(replicaPod("web-2").build());
    cluster.add(ownedBy(pod("agent"), "DaemonSet", "agent").build());
    cluster.budgets.add(budget("web-pdb", 1));

    DrainProgress progress = advance(options, null);
    cluster.remove("web-1");
    cluster.budgets.set(0, budget("web-pdb", 0));
    clock.advance(Duration.ofMinutes(10));
    cluster.budgets.set(0, budget("web-pdb", 1));
    progress = advance(options, progress);

    assertThat(progress.state()).isEqualTo(DrainState.TIMED_OUT);
    assertThat(progress.finishedAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
    assertThat(progress.pods())
        .extracting(PodProgress::name, PodProgress::state)
        .containsExactlyInAnyOrder(
            tuple("web-1", PodDrainState.GONE),
            tuple("web-2", PodDrainState.BLOCKED),
            tuple("agent", PodDrainState.SKIPPED));
    assertThat(progress.blockers())
        .containsExactly(new DrainBlocker("shop", "web-pdb", java.util.List.of("web-2")));
    assertThat(progress.message()).contains("Timed out").contains("cordoned");
    assertThat(cluster.calls("evict")).hasSize(1);
    assertThat(advance(options, progress)).isSameAs(progress);
  }

  @Test
  void aReplacementWithTheSameNameButAnotherUidCountsAsGone() {
    Pod original = replicaPod("db-0").build();
    cluster.add(original);
    DrainProgress first = advance(options, null);

    Pod replacement =
        replicaPod("db-0").editMetadata().withUid("uid-db-0-new").endMetadata().build();
    cluster.add(replacement);
    DrainProgress second = advance(options, first);

    assertThat(second.pods())
        .extracting(PodProgress::uid, PodProgress::state)
        .containsExactly(
            tuple("uid-db-0", PodDrainState.GONE), tuple("uid-db-0-new", PodDrainState.EVICTING));
    assertThat(cluster.calls("evict"))
        .extracting(FakeDrainGateway.Call::uid)
        .containsExactly("uid-db-0", "uid-db-0-new");
  }

  @Test
  void podAlreadyGoneWhenEvictedIsGone() {
    cluster.add(replicaPod("web-1").build());
    cluster.answer("web-1", new Attempt(Outcome.GONE, "not found"));

    DrainProgress progress = advance(options, null);

    assertThat(tracked(progress, "web-1").state()).isEqualTo(PodDrainState.GONE);
  }

  @Test
  void backoffDoublesUpToTheMaximum() {
    assertThat(pass.backoff(1)).isEqualTo(BASE);
    assertThat(pass.backoff(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(pass.backoff(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(pass.backoff(4)).isEqualTo(MAX);
    assertThat(pass.backoff(60)).isEqualTo(MAX);
    assertThatThrownBy(() -> new DrainPass(cluster, clock, MAX, BASE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
