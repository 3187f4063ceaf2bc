package io.kubeward.server.release.proof;

import static io.kubeward.server.release.proof.ReleaseApi.canary;
import static io.kubeward.server.release.proof.ReleaseApi.pauseFor;
import static io.kubeward.server.release.proof.ReleaseApi.pauseUntilPromoted;
import static io.kubeward.server.release.proof.ReleaseApi.setWeight;
import static io.kubeward.testkit.scenario.ReleaseScenario.NEW_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.ServerJvm;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.postgres.LocalPostgres;
import io.kubeward.testkit.scenario.ReleaseScenario;
import io.kubeward.testkit.scenario.ReleaseScenario.ReplicaHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kubeward killed mid-canary resumes at the recorded step: the server is a separate process ({@code
 * java -jar}, {@link ServerJvm}) killed with {@code SIGKILL} and started again on the same cluster;
 * nothing is kept only in the dead process' memory. With two replicas only the leader acts, and the
 * survivor of a killed leader continues: no step is done twice (Events per reason, and the canary
 * and stable Deployments' {@code spec.replicas} never step back).
 */
@LocalControlPlane
class ReleaseRestartIT {

  static final String CLUSTER = "local";
  static final int TOTAL = 10;
  static final Duration START = Duration.ofMinutes(3);
  static final Duration STEP = Duration.ofSeconds(90);
  static final String PASSWORD = "release-restart-admin-pw-1";

  /** The timed pause during which the server is killed. */
  static final Duration PAUSE = Duration.ofSeconds(60);

  /** Leader election and the next step's pods after the pause is due. */
  static final Duration SLACK = Duration.ofSeconds(15);

  static List<String> arguments(ControlPlane controlPlane) {
    return List.of(
        "--kubeconfig=" + controlPlane.kubewardKubeconfig(),
        "--kubeward.cluster-name=" + CLUSTER,
        "--kubeward.probe.interval=1s",
        "--kubeward.controllers.lease-duration=4s",
        "--kubeward.controllers.renew-deadline=3s",
        "--kubeward.controllers.retry-period=500ms",
        "--kubeward.release.readiness-poll=500ms");
  }

  static ServerJvm server(String name, Path work, Path dataDir, List<String> args) {
    List<String> all = new ArrayList<>(args);
    all.add("--kubeward.data-dir=" + dataDir);
    return ServerJvm.start(name, work, PASSWORD, "512m", all);
  }

  @Test
  void killedDuringATimedPauseItResumesAtTheRecordedStepAndEndsThePauseOnTime(
      ControlPlane controlPlane, KubernetesClient kube, TestNamespace ns, @TempDir Path work)
      throws Exception {
    List<AutoCloseable> resources = new ArrayList<>();
    Path data = work.resolve("data");
    try {
      ReleaseScenario web = ReleaseScenario.create(kube, ns.name(), "web", TOTAL);
      ReplicaHistory replicas = web.recordReplicas();
      resources.add(replicas);
      ServerJvm first = server("release-first", work, data, arguments(controlPlane));
      resources.add(first);
      first.awaitReady(START);
      ReleaseApi api = ReleaseApi.of(first, kube, CLUSTER);
      api.awaitCrd();
      web.awaitAvailable(STEP);

      api.create(
          ns.name(),
          "web-v2",
          canary(
              "web",
              List.of(
                  setWeight(20),
                  pauseUntilPromoted(),
                  setWeight(50),
                  pauseFor(PAUSE.toSeconds() + "s"),
                  setWeight(80),
                  pauseUntilPromoted())));
      api.awaitPausedAt(ns.name(), "web-v2", 1, STEP);
      web.awaitSettled(8, 2, STEP);
      api.promote(ns.name(), "web-v2", false);

      // in the timed pause at weight 50: kill -9
      ReleaseApi.Status inPause =
          api.awaitStatus(
              ns.name(), "web-v2", "in the timed pause (step 3)", s -> s.currentStep() == 3, STEP);
      web.awaitSettled(5, 5, STEP);
      Instant pauseStarted = Instant.parse(inPause.stepStartedAt());
      first.kill();
      Instant killed = Instant.now();
      assertThat(api.status(ns.name(), "web-v2").currentStep())
          .as("the recorded step at the kill")
          .isEqualTo(3);

      ServerJvm second = server("release-second", work, data, arguments(controlPlane));
      resources.add(second);
      second.awaitReady(START);
      Instant back = Instant.now();
      ReleaseApi again = ReleaseApi.of(second, kube, CLUSTER);

      ReleaseApi.Status atLast = again.awaitPausedAt(ns.name(), "web-v2", 5, PAUSE.plus(STEP));
      web.awaitSettled(2, 8, STEP);
      Instant lastStepStarted = Instant.parse(atLast.stepStartedAt());
      // the pause ended when it was due (its start is in the status), not PAUSE after the restart:
      // step 5 begins once the pause is over (or the new process leads, if later) plus the time
      // step 4 needs for its pods (SLACK). A pause started again by the new process would end at
      // least PAUSE after it came back, beyond the bound whenever the restart took longer than
      // SLACK after the pause began (a JVM start on the test machines takes more)
      Instant due = later(pauseStarted.plus(PAUSE), back);
      assertThat(lastStepStarted)
          .as(
              "step 5 began after the pause that started at %s (killed %s, back %s, due %s)",
              pauseStarted, killed, back, due)
          .isAfterOrEqualTo(pauseStarted.plus(PAUSE))
          .isBefore(due.plus(SLACK));

      again.promote(ns.name(), "web-v2", false);
      again.awaitPhase(ns.name(), "web-v2", "Succeeded", STEP);
      web.awaitPods(
          "all pods on the new version",
          p -> p.live().size() == TOTAL && p.readyWithImage(NEW_IMAGE) == TOTAL,
          STEP);

      assertNoStepTwice(web, replicas);
    } finally {
      keepLogs(work);
      closeAll(resources);
    }
  }

  @Test
  void withTwoReplicasOnlyTheLeaderActsAndTheSurvivorOfItsKillContinues(
      ControlPlane controlPlane, KubernetesClient kube, TestNamespace ns, @TempDir Path work)
      throws Exception {
    List<AutoCloseable> resources = new ArrayList<>();
    String id = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 24), 36);
    try (LocalPostgres postgres = LocalPostgres.start()) {
      String database = postgres.createDatabase("release_restart_" + id);
      List<String> args = new ArrayList<>(arguments(controlPlane));
      args.add("--spring.datasource.url=" + postgres.jdbcUrl(database));
      args.add("--spring.datasource.username=" + postgres.user());
      ReleaseScenario web = ReleaseScenario.create(kube, ns.name(), "web", TOTAL);
      ReplicaHistory replicas = web.recordReplicas();
      resources.add(replicas);
      // one after the other, as AlertFailoverIT: two replicas starting at once on an empty
      // database race to create the first admin and the loser exits ("User admin exists")
      ServerJvm a = server("replica-a", work, work.resolve("a"), args);
      resources.add(a);
      a.awaitReady(START);
      ServerJvm b = server("replica-b", work, work.resolve("b"), args);
      resources.add(b);
      b.awaitReady(START);
      await("one replica leads the cluster")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> a.leads(CLUSTER) ^ b.leads(CLUSTER));
      ServerJvm leader = a.leads(CLUSTER) ? a : b;
      ServerJvm follower = leader == a ? b : a;
      ReleaseApi viaFollower = ReleaseApi.of(follower, kube, CLUSTER);
      viaFollower.awaitCrd();
      web.awaitAvailable(STEP);

      // created and promoted through the follower: any replica answers, the leader acts
      viaFollower.create(
          ns.name(),
          "web-v2",
          canary(
              "web",
              List.of(
                  setWeight(20),
                  pauseUntilPromoted(),
                  setWeight(50),
                  pauseUntilPromoted(),
                  setWeight(80),
                  pauseUntilPromoted())));
      viaFollower.awaitPausedAt(ns.name(), "web-v2", 1, STEP);
      web.awaitSettled(8, 2, STEP);
      viaFollower.promote(ns.name(), "web-v2", false);
      viaFollower.awaitPausedAt(ns.name(), "web-v2", 3, STEP);
      web.awaitSettled(5, 5, STEP);
      Set<String> actors = reporters(web);
      assertThat(actors).as("replicas that recorded the Release's Events").hasSize(1);

      leader.kill();
      await("the surviving replica leads")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> follower.leads(CLUSTER));
      assertThat(viaFollower.status(ns.name(), "web-v2").currentStep()).isEqualTo(3);
      viaFollower.promote(ns.name(), "web-v2", false);
      viaFollower.awaitPausedAt(ns.name(), "web-v2", 5, STEP);
      web.awaitSettled(2, 8, STEP);
      viaFollower.promote(ns.name(), "web-v2", false);
      viaFollower.awaitPhase(ns.name(), "web-v2", "Succeeded", STEP);
      web.awaitPods(
          "all pods on the new version",
          p -> p.live().size() == TOTAL && p.readyWithImage(NEW_IMAGE) == TOTAL,
          STEP);

      assertNoStepTwice(web, replicas);
      Set<String> after = reporters(web);
      assertThat(after)
          .as("the Events' reporting instances: the old and the new leader")
          .hasSize(2);
    } finally {
      keepLogs(work);
      closeAll(resources);
    }
  }

  /**
   * Each weight was set once (one {@code WeightSet} Event per {@code setWeight} step), and the
   * canary's replicas only grew while the stable Deployment's only shrank until the promotion.
   */
  static void assertNoStepTwice(ReleaseScenario web, ReplicaHistory replicas) {
    assertThat(web.eventCount(ReleaseApi.KIND, "web-v2", "WeightSet"))
        .as("WeightSet Events: %s", describe(web.events(ReleaseApi.KIND, "web-v2")))
        .isEqualTo(3);
    List<Integer> canary =
        replicas.of("web-web-v2").stream().filter(r -> r > 0).collect(Collectors.toList());
    int top = canary.indexOf(8);
    assertThat(top).as("the canary reached 8 replicas (%s)", replicas).isNotNegative();
    assertThat(canary.subList(0, top + 1))
        .as("the canary Deployment's spec.replicas up to weight 80 (%s)", replicas)
        .containsExactly(2, 5, 8);
    List<Integer> stable = replicas.of("web");
    int back = stable.subList(1, stable.size()).indexOf(TOTAL);
    List<Integer> beforePromotion = back < 0 ? stable : stable.subList(0, back + 1);
    assertThat(beforePromotion)
        .as("the stable Deployment's spec.replicas until the promotion (%s)", replicas)
        .containsExactly(TOTAL, 8, 5, 2);
  }

  private static Set<String> reporters(ReleaseScenario web) {
    return web.events(ReleaseApi.KIND, "web-v2").stream()
        .map(Event::getReportingInstance)
        .filter(i -> i != null && !i.isBlank())
        .collect(Collectors.toSet());
  }

  private static String describe(List<Event> events) {
    return events.stream()
        .map(e -> e.getReason() + "×" + e.getCount() + " " + e.getMessage())
        .collect(Collectors.joining("; "));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources.reversed()) {
      try {
        resource.close();
      } catch (Exception e) {
        // best effort: the next one still gets closed
      }
    }
  }

  /** Keeps the server processes' logs next to the test reports. */
  static void keepLogs(Path work) {
    try (var logs = Files.list(work)) {
      Path target = Path.of("target", "release-restart-logs");
      Files.createDirectories(target);
      for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
        Files.copy(log, target.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (java.io.IOException e) {
      // best effort
    }
  }
}
