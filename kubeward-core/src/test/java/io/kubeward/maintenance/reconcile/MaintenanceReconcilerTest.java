package io.kubeward.maintenance.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Principal;
import io.kubeward.drain.domain.DrainOptions;
import io.kubeward.drain.domain.DrainProgress;
import io.kubeward.drain.domain.DrainState;
import io.kubeward.maintenance.app.MaintenanceCluster;
import io.kubeward.maintenance.app.MaintenanceEvents;
import io.kubeward.maintenance.app.MaintenanceLock;
import io.kubeward.maintenance.app.MaintenanceNodes;
import io.kubeward.maintenance.app.MaintenanceStore;
import io.kubeward.maintenance.app.StaleMaintenanceException;
import io.kubeward.maintenance.domain.DrainSettings;
import io.kubeward.maintenance.domain.Maintenance;
import io.kubeward.maintenance.domain.MaintenanceAction;
import io.kubeward.maintenance.domain.MaintenancePhase;
import io.kubeward.maintenance.domain.MaintenanceReason;
import io.kubeward.maintenance.domain.MaintenanceSpec;
import io.kubeward.maintenance.domain.MaintenanceStatus;
import io.kubeward.maintenance.domain.NodeSelector;
import io.kubeward.maintenance.domain.NodeStep;
import io.kubeward.runtime.app.ObjectWatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The reconciler's steps over in-memory ports, with a clock the test moves. */
class MaintenanceReconcilerTest {

  Instant now = Instant.parse("2026-11-23T03:00:00Z");
  final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
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
      };
  final FakeNodes nodes = new FakeNodes();
  final FakeStore store = new FakeStore();
  final FakeLock lock = new FakeLock();
  final Set<String> timingOut = new HashSet<>();
  final MaintenanceCluster cluster =
      new MaintenanceCluster("c1", store, nodes, lock, MaintenanceEvents.NONE);
  final MaintenanceReconciler reconciler =
      new MaintenanceReconciler(
          "c1",
          this::drainPass,
          List.of(),
          new MaintenanceReconciler.Settings(
              Duration.ofSeconds(1),
              Duration.ofSeconds(1),
              Duration.ofSeconds(1),
              DrainOptions.defaults()),
          clock);
  int maxCordoned;

  DrainProgress drainPass(String c, String node, DrainOptions o, DrainProgress previous) {
    if (timingOut.contains(node)) {
      return new DrainProgress(node, DrainState.TIMED_OUT, now, now, null, null, "timed out");
    }
    DrainState state = previous == null ? DrainState.RUNNING : DrainState.SUCCEEDED;
    return new DrainProgress(node, state, now, null, null, null, null);
  }

  static MaintenanceSpec spec(List<String> nodes, int concurrency, MaintenanceAction action) {
    return new MaintenanceSpec(
        nodes, null, concurrency, action, null, null, null, null, null, null, null, null);
  }

  /** Reconciles until it waits for nothing more, or until {@code until} holds. */
  void reconcile(String name, Predicate<Maintenance> until) {
    for (int i = 0; i < 200; i++) {
      Optional<Duration> again = reconciler.reconcile(cluster, name);
      maxCordoned = Math.max(maxCordoned, nodes.cordonedCount());
      Maintenance m = store.get(name).orElseThrow();
      if (until.test(m) || again.isEmpty()) {
        return;
      }
      now = now.plus(again.get());
    }
    throw new AssertionError("no end after 200 reconciles: " + store.get(name));
  }

  NodeStep step(String name, String node) {
    return store.get(name).orElseThrow().status().node(node).step();
  }

  @Test
  void rollsThroughTheNodesNeverMoreThanTheConcurrencyAndUncordonsOnlyItsOwn() {
    nodes.add("n1", "n2", "n3", "n4");
    nodes.unschedulable.add("n4"); // cordoned by someone else
    store.create("m", "admin", spec(List.of("n1", "n2", "n3", "n4"), 2, null));

    reconcile("m", m -> false);

    Maintenance m = store.get("m").orElseThrow();
    assertThat(m.phase()).isEqualTo(MaintenancePhase.Succeeded);
    assertThat(maxCordoned).isEqualTo(2 + 1);
    assertThat(nodes.unschedulable).containsExactly("n4");
    assertThat(m.status().nodes()).allMatch(n -> n.step() == NodeStep.Done);
    assertThat(lock.holder()).isEmpty();
  }

  @Test
  void aWaitActionIsMeasuredFromTheRecordedStartOfTheStep() {
    nodes.add("n1");
    store.create(
        "m",
        "admin",
        spec(List.of("n1"), 1, new MaintenanceAction("Wait", null, null, null, "10m")));
    reconcile("m", x -> x.status() != null && x.status().node("n1").step() == NodeStep.Action);
    Instant started = store.get("m").orElseThrow().status().node("n1").startedAt();

    reconciler.reconcile(cluster, "m");
    assertThat(step("m", "n1")).isEqualTo(NodeStep.Action);
    now = started.plus(Duration.ofMinutes(10));
    reconcile("m", x -> false);
    assertThat(store.get("m").orElseThrow().phase()).isEqualTo(MaintenancePhase.Succeeded);
  }

  @Test
  void aTimedOutDrainFailsTheNodeLeavesItCordonedAndSkipsTheRest() {
    nodes.add("n1", "n2");
    timingOut.add("n1");
    store.create("m", "admin", spec(List.of("n1", "n2"), 1, null));

    reconcile("m", m -> false);

    Maintenance m = store.get("m").orElseThrow();
    assertThat(m.phase()).isEqualTo(MaintenancePhase.Failed);
    assertThat(step("m", "n1")).isEqualTo(NodeStep.Failed);
    assertThat(step("m", "n2")).isEqualTo(NodeStep.Skipped);
    assertThat(nodes.unschedulable).containsExactly("n1");
    assertThat(lock.holder()).isEmpty();
  }

  @Test
  void aPausedMaintenanceStartsNothingNewUntilResumed() {
    nodes.add("n1", "n2");
    store.create(
        "m",
        "admin",
        spec(
            List.of("n1", "n2"),
            1,
            new MaintenanceAction("WaitForAnnotation", null, "done", null, null)));
    reconcile("m", x -> x.status() != null && x.status().node("n1").step() == NodeStep.Action);
    store.patchSpec(ADMIN, "m", Map.of("paused", true));
    reconcile("m", x -> false);
    assertThat(store.get("m").orElseThrow().phase()).isEqualTo(MaintenancePhase.Paused);
    nodes.annotations.get("n1").put("done", "yes");
    reconciler.reconcile(cluster, "m");
    assertThat(step("m", "n1")).as("paused: no step finishes").isEqualTo(NodeStep.Action);

    store.patchSpec(ADMIN, "m", Map.of("paused", false));
    reconcile("m", x -> x.status().node("n2").step() == NodeStep.Action);
    assertThat(step("m", "n1")).isEqualTo(NodeStep.Done);
  }

  @Test
  void cancelSkipsWhatHasNotStartedAndUncordonsWhatItCordoned() {
    nodes.add("n1", "n2", "n3");
    store.create(
        "m",
        "admin",
        spec(
            List.of("n1", "n2", "n3"),
            1,
            new MaintenanceAction("WaitForAnnotation", null, "done", null, null)));
    nodes.annotations.get("n1").put("done", "yes");
    reconcile("m", x -> x.status() != null && x.status().node("n2").step() == NodeStep.Action);
    store.patchSpec(ADMIN, "m", Map.of("cancelled", true));

    reconcile("m", x -> false);

    Maintenance m = store.get("m").orElseThrow();
    assertThat(m.phase()).isEqualTo(MaintenancePhase.Cancelled);
    assertThat(step("m", "n1")).isEqualTo(NodeStep.Done);
    assertThat(step("m", "n2")).isEqualTo(NodeStep.Skipped);
    assertThat(step("m", "n3")).isEqualTo(NodeStep.Skipped);
    assertThat(nodes.unschedulable).isEmpty();
    assertThat(nodes.everCordoned).containsExactlyInAnyOrder("n1", "n2");
    assertThat(lock.holder()).isEmpty();
  }

  @Test
  void aSecondMaintenanceWaitsForTheLock() {
    nodes.add("n1", "n2");
    store.create(
        "a",
        "admin",
        spec(
            List.of("n1"),
            1,
            new MaintenanceAction("WaitForAnnotation", null, "done", null, null)));
    store.create("b", "admin", spec(List.of("n2"), 1, null));
    reconcile("a", x -> x.status() != null && x.status().node("n1").step() == NodeStep.Action);
    reconcile("b", x -> x.phase() == MaintenancePhase.WaitingForLock);
    assertThat(nodes.everCordoned).containsExactly("n1");

    nodes.annotations.get("n1").put("done", "yes");
    reconcile("a", x -> false);
    reconcile("b", x -> false);
    assertThat(store.get("b").orElseThrow().phase()).isEqualTo(MaintenancePhase.Succeeded);
  }

  @Test
  void deletingARunningMaintenanceUncordonsWhatItCordonedAndReleasesTheLock() {
    nodes.add("n1", "n2", "n3");
    nodes.unschedulable.add("n3"); // cordoned by a person: not ours
    store.create(
        "m",
        "admin",
        spec(
            List.of("n1", "n2", "n3"),
            2,
            new MaintenanceAction("WaitForAnnotation", null, "done", null, null)));
    reconcile("m", x -> x.status() != null && x.status().node("n2").step() == NodeStep.Action);
    assertThat(nodes.unschedulable).containsExactlyInAnyOrder("n1", "n2", "n3");
    assertThat(lock.holder()).hasValue("m");

    reconciler.cleanup(cluster, store.get("m").orElseThrow());

    assertThat(nodes.unschedulable).containsExactly("n3");
    assertThat(nodes.annotations.get("n1")).doesNotContainKey(MaintenanceNodes.CORDONED_BY);
    assertThat(nodes.annotations.get("n2")).doesNotContainKey(MaintenanceNodes.CORDONED_BY);
    assertThat(lock.holder()).isEmpty();
    reconciler.cleanup(cluster, store.get("m").orElseThrow()); // idempotent
    assertThat(nodes.unschedulable).containsExactly("n3");
  }

  @Test
  void deletingLeavesDeliberateCordonsButRemovesTheMarkerThatWouldNameAGhost() {
    nodes.add("n1", "n2");
    timingOut.add("n2");
    store.create(
        "drain",
        "admin",
        new MaintenanceSpec(
            List.of("n1"), null, 1, null, null, null, null, null, null, false, null, null));
    reconcile("drain", x -> false);
    assertThat(store.get("drain").orElseThrow().phase()).isEqualTo(MaintenancePhase.Succeeded);
    store.create("broken", "admin", spec(List.of("n2"), 1, null));
    reconcile("broken", x -> false);
    assertThat(step("broken", "n2")).isEqualTo(NodeStep.Failed);
    assertThat(nodes.unschedulable).containsExactlyInAnyOrder("n1", "n2");

    reconciler.cleanup(cluster, store.get("drain").orElseThrow());
    reconciler.cleanup(cluster, store.get("broken").orElseThrow());

    assertThat(nodes.unschedulable)
        .as("left cordoned on purpose")
        .containsExactlyInAnyOrder("n1", "n2");
    assertThat(nodes.annotations.get("n1")).doesNotContainKey(MaintenanceNodes.CORDONED_BY);
    assertThat(nodes.annotations.get("n2")).doesNotContainKey(MaintenanceNodes.CORDONED_BY);
  }

  @Test
  void deletingDeletesFinishedJobsAndLeavesRunningOnesToFinish() {
    nodes.add("n1", "n2");
    MaintenanceAction job =
        new MaintenanceAction(
            "Job",
            null,
            null,
            new MaintenanceAction.JobTemplate("registry.example/upgrade:1", List.of()),
            null);
    store.create("jobs", "admin", spec(List.of("n1", "n2"), 1, job));
    reconcile("jobs", x -> x.status() != null && x.status().node("n2").step() == NodeStep.Draining);
    nodes.jobsFinish = false;
    reconcile(
        "jobs", x -> x.status().node("n2").step() == NodeStep.Action && nodes.jobs.size() == 2);
    assertThat(nodes.jobs)
        .containsEntry(
            MaintenanceReconciler.jobName("jobs", "n1"), MaintenanceNodes.JobState.SUCCEEDED)
        .containsEntry(
            MaintenanceReconciler.jobName("jobs", "n2"), MaintenanceNodes.JobState.RUNNING);

    reconciler.cleanup(cluster, store.get("jobs").orElseThrow());

    assertThat(nodes.jobs).containsOnlyKeys(MaintenanceReconciler.jobName("jobs", "n2"));
    assertThat(nodes.unschedulable).isEmpty();
  }

  @Test
  void conditionsCarryTheGenerationTheyWereComputedFor() {
    nodes.add("n1");
    store.create(
        "m",
        "admin",
        spec(
            List.of("n1"),
            1,
            new MaintenanceAction("WaitForAnnotation", null, "done", null, null)));
    reconcile("m", x -> x.status() != null && x.status().node("n1").step() == NodeStep.Action);
    store.patchSpec(ADMIN, "m", Map.of("paused", true));
    reconcile("m", x -> x.phase() == MaintenancePhase.Paused);
    var progressing =
        store.get("m").orElseThrow().status().conditions().stream()
            .filter(c -> c.type().equals("Progressing"))
            .findFirst()
            .orElseThrow();
    assertThat(progressing.reason()).isEqualTo("Paused");
    assertThat(progressing.observedGeneration()).isEqualTo(2L);
  }

  static MaintenanceSpec withDrainTimeout(List<String> nodes, String timeout) {
    return new MaintenanceSpec(
        nodes,
        null,
        1,
        new MaintenanceAction("WaitForAnnotation", null, "done", null, null),
        null,
        null,
        new DrainSettings(null, null, null, timeout, null),
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void aSpecMadeWithKubectlWithAnOverflowingTimeoutFailsAtOnceWithoutTouchingANode() {
    nodes.add("n1");
    store.create("m", "admin", withDrainTimeout(List.of("n1"), "9223372036854775807s"));

    reconcile("m", x -> false);

    Maintenance m = store.get("m").orElseThrow();
    assertThat(m.phase()).isEqualTo(MaintenancePhase.Failed);
    assertThat(m.status().conditions())
        .anySatisfy(
            c -> {
              assertThat(c.reason()).isEqualTo(MaintenanceReason.InvalidSpec.name());
              assertThat(c.message()).contains("drain.timeout", "168h");
            });
    assertThat(nodes.everCordoned).isEmpty();
    assertThat(lock.holder()).isEmpty();
  }

  @Test
  void aSpecEditedToAnOutOfRangeDurationWhileRunningFailsUncordonsAndReleasesTheLock() {
    nodes.add("n1", "n2");
    store.create("m", "admin", withDrainTimeout(List.of("n1", "n2"), "30m"));
    reconcile("m", x -> x.status() != null && x.status().node("n1").step() == NodeStep.Action);
    assertThat(nodes.unschedulable).containsExactly("n1");
    Maintenance running = store.get("m").orElseThrow();
    store.items.put(
        "m",
        new Maintenance(
            "m",
            running.createdBy(),
            running.createdAt(),
            running.resourceVersion() + "-edited",
            running.generation() + 1,
            withDrainTimeout(List.of("n1", "n2"), "2562047788015216h"),
            running.status()));

    reconcile("m", x -> false);

    Maintenance m = store.get("m").orElseThrow();
    assertThat(m.phase()).isEqualTo(MaintenancePhase.Failed);
    assertThat(step("m", "n1")).isEqualTo(NodeStep.Skipped);
    assertThat(step("m", "n2")).isEqualTo(NodeStep.Skipped);
    assertThat(nodes.unschedulable).isEmpty();
    assertThat(lock.holder()).isEmpty();
  }

  // ---- fakes -----------------------------------------------------------------------------------

  private static final Caller ADMIN = Caller.controller("test");

  final class FakeStore implements MaintenanceStore {
    final Map<String, Maintenance> items = new LinkedHashMap<>();
    int version;

    @Override
    public Optional<Maintenance> get(String name) {
      return Optional.ofNullable(items.get(name));
    }

    @Override
    public Optional<Maintenance> get(Caller caller, String name) {
      return get(name);
    }

    @Override
    public List<Maintenance> list(Caller caller) {
      return List.copyOf(items.values());
    }

    @Override
    public Maintenance create(Caller caller, String name, MaintenanceSpec spec) {
      Maintenance m = new Maintenance(name, caller.username(), now, "" + ++version, 1L, spec, null);
      items.put(name, m);
      return m;
    }

    Maintenance create(String name, String createdBy, MaintenanceSpec spec) {
      return create(new Caller(new Principal(createdBy, List.of()), Origin.API, null), name, spec);
    }

    @Override
    public Maintenance updateStatus(Maintenance m, MaintenanceStatus status) {
      Maintenance current = items.get(m.name());
      if (!current.resourceVersion().equals(m.resourceVersion())) {
        throw new StaleMaintenanceException("c1", m.name());
      }
      Maintenance next = current.withStatus(status, "" + ++version);
      items.put(m.name(), next);
      return next;
    }

    @Override
    public Maintenance patchSpec(Caller caller, String name, Map<String, Object> fields) {
      Maintenance m = items.get(name);
      MaintenanceSpec s = m.spec();
      MaintenanceSpec next =
          new MaintenanceSpec(
              s.nodes(),
              s.nodeSelector(),
              s.concurrency(),
              s.action(),
              s.windows(),
              s.blockers(),
              s.drain(),
              s.readyTimeout(),
              s.actionTimeout(),
              s.uncordon(),
              (Boolean) fields.getOrDefault("paused", s.paused()),
              (Boolean) fields.getOrDefault("cancelled", s.cancelled()));
      Maintenance changed =
          new Maintenance(
              name,
              m.createdBy(),
              m.createdAt(),
              "" + ++version,
              m.generation() + 1,
              next,
              m.status());
      items.put(name, changed);
      return changed;
    }

    @Override
    public AutoCloseable watch(Caller caller, String name, ObjectWatcher<Maintenance> listener) {
      return () -> {};
    }
  }

  static final class FakeNodes implements MaintenanceNodes {
    final Set<String> names = new HashSet<>();
    final Set<String> unschedulable = new HashSet<>();
    final Set<String> everCordoned = new HashSet<>();
    final Map<String, Map<String, String>> annotations = new HashMap<>();

    void add(String... nodes) {
      for (String n : nodes) {
        names.add(n);
        annotations.put(n, new HashMap<>());
      }
    }

    int cordonedCount() {
      return unschedulable.size();
    }

    @Override
    public List<String> select(NodeSelector selector) {
      return names.stream().sorted().toList();
    }

    @Override
    public boolean exists(String node) {
      return names.contains(node);
    }

    @Override
    public boolean cordon(String node, String maintenance) {
      if (unschedulable.contains(node)) {
        return maintenance.equals(annotations.get(node).get(CORDONED_BY));
      }
      unschedulable.add(node);
      everCordoned.add(node);
      annotations.get(node).put(CORDONED_BY, maintenance);
      return true;
    }

    @Override
    public boolean uncordon(String node, String maintenance) {
      if (!maintenance.equals(annotations.get(node).get(CORDONED_BY))) {
        return false;
      }
      unschedulable.remove(node);
      annotations.get(node).remove(CORDONED_BY);
      return true;
    }

    @Override
    public boolean releaseMarker(String node, String maintenance) {
      if (!maintenance.equals(annotations.get(node).get(CORDONED_BY))) {
        return false;
      }
      annotations.get(node).remove(CORDONED_BY);
      return true;
    }

    @Override
    public boolean isReady(String node) {
      return true;
    }

    @Override
    public Map<String, String> annotations(String node) {
      return annotations.get(node);
    }

    @Override
    public Optional<String> conditionStatus(String node, String type) {
      return Optional.empty();
    }

    @Override
    public List<String> podsMatching(String node, NodeSelector selector) {
      return List.of();
    }

    @Override
    public JobState runJob(String name, String node, MaintenanceAction.JobTemplate job) {
      jobs.put(name, jobsFinish ? JobState.SUCCEEDED : JobState.RUNNING);
      return jobs.get(name);
    }

    final Map<String, JobState> jobs = new HashMap<>();
    boolean jobsFinish = true;

    @Override
    public JobCleanup cleanupJob(String name) {
      JobState state = jobs.get(name);
      if (state == null) {
        return JobCleanup.NONE;
      }
      if (state == JobState.RUNNING) {
        return JobCleanup.LEFT_RUNNING;
      }
      jobs.remove(name);
      return JobCleanup.DELETED;
    }
  }

  static final class FakeLock implements MaintenanceLock {
    String holder;

    @Override
    public boolean tryAcquire(String maintenance, Predicate<String> stale) {
      if (holder == null || holder.equals(maintenance) || stale.test(holder)) {
        holder = maintenance;
        return true;
      }
      return false;
    }

    @Override
    public void release(String maintenance) {
      if (maintenance.equals(holder)) {
        holder = null;
      }
    }

    @Override
    public Optional<String> holder() {
      return Optional.ofNullable(holder);
    }
  }
}
