package io.kubeward.server.backup.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.ServerJvm;
import io.kubeward.server.backup.proof.BackupApi.Status;
import io.kubeward.testkit.Kubectl;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.scenario.BackupScenario;
import io.kubeward.testkit.scenario.ObjectComparison;
import io.kubeward.testkit.scenario.ObjectComparison.Key;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A restore of ~2,000 objects run by Kubeward as a separate process ({@link ServerJvm}) killed with
 * {@code SIGKILL} once it restored at least {@value #KILL_AT} objects, started again on the same
 * data folder: the restore resumes and finishes, every object of the archive is present and equal
 * to its original, each has exactly one result (none created twice, none failed), and the counts in
 * the status add up to the archive's objects.
 */
@LocalControlPlane
class RestoreRestartIT {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(RestoreRestartIT.class);

  static final String CLUSTER = "local";
  static final int OBJECTS = 2000;
  static final int KILL_AT = 100;
  static final String PASSWORD = "restore-restart-admin-pw-1";
  static final Duration START = Duration.ofMinutes(3);
  static final Duration BACKUP = Duration.ofMinutes(3);
  static final Duration RESTORE = Duration.ofMinutes(6);

  static ServerJvm server(String name, Path work, ControlPlane controlPlane) {
    return ServerJvm.start(
        name,
        work,
        PASSWORD,
        "512m",
        List.of(
            "--kubeconfig=" + controlPlane.kubewardKubeconfig(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + work.resolve("data"),
            "--kubeward.controllers.lease-duration=4s",
            "--kubeward.controllers.renew-deadline=3s",
            "--kubeward.controllers.retry-period=500ms",
            "--kubeward.backups.restore.progress-interval=200ms",
            BackupApi.ARCHIVE_KEY));
  }

  @Test
  void killedMidRestoreItResumesAndFinishesWithoutDuplicates(
      ControlPlane controlPlane, KubernetesClient kube, TestNamespace home, @TempDir Path work)
      throws Exception {
    List<AutoCloseable> resources = new ArrayList<>();
    String source =
        "proof-kill-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 24), 36);
    try {
      BackupScenario scenario =
          BackupScenario.create(
              kube, "kill", List.of(source), BackupScenario.Sizes.perNamespace(OBJECTS), 16);
      Files.createDirectories(work.resolve("kubectl"));
      ObjectComparison comparison =
          new ObjectComparison(
              new Kubectl(
                  controlPlane.kubeconfig(), work.resolve("kubectl"), Duration.ofMinutes(2)));
      Map<Key, Map<String, Object>> original =
          comparison.fetch(source, BackupScenario.RESOURCES, scenario.selector());
      assertThat(original).hasSize(OBJECTS);

      ServerJvm first = server("restore-first", work, controlPlane);
      resources.add(first);
      first.awaitReady(START);
      BackupApi api = BackupApi.of(first, kube, CLUSTER);
      api.awaitCrds();
      api.createBackup(home.name(), "big", BackupApi.backupOf(List.of(source), "local"));
      Status backedUp = api.awaitFinal(BackupApi.BACKUP, home.name(), "big", BACKUP);
      assertThat(backedUp.phase()).as("backup: %s", backedUp).isIn("Completed", "Succeeded");

      BackupScenario.deleteNamespace(kube, source, Duration.ofMinutes(5));

      api.createRestore(home.name(), "resumed", api.restoreOf(home.name(), "big", Map.of(), null));
      Status atKill =
          api.awaitStatus(
              BackupApi.RESTORE,
              home.name(),
              "resumed",
              "at least " + KILL_AT + " objects restored",
              s -> s.done() >= KILL_AT || BackupApi.FINAL_PHASES.contains(s.phase()),
              RESTORE);
      first.kill();
      assertThat(atKill.phase())
          .as("the restore was still running when killed: %s", atKill)
          .isNotIn(BackupApi.FINAL_PHASES);
      long total = atKill.total();
      assertThat(atKill.done()).as("progress at the kill").isLessThan(total);

      ServerJvm second = server("restore-second", work, controlPlane);
      resources.add(second);
      second.awaitReady(START);
      BackupApi again = BackupApi.of(second, kube, CLUSTER);
      Status finished = again.awaitFinal(BackupApi.RESTORE, home.name(), "resumed", RESTORE);

      assertThat(finished.phase()).as("restore: %s", finished).isIn("Completed", "Succeeded");
      assertThat(finished.done()).as("progress at the end: %s", finished).isEqualTo(total);
      long created = finished.count("created");
      long skipped = finished.count("skipped");
      long updated = finished.count("updated");
      long failed = finished.count("failed");
      assertThat(failed).as("failed objects: %s", finished).isZero();
      assertThat(created + skipped + updated)
          .as("the counts add up to the archive's objects: %s", finished)
          .isEqualTo(total);

      log.info(
          "RestoreRestartIT: killed at {} of {} objects; after the restart created {}, skipped {},"
              + " updated {}, failed {}",
          atKill.done(),
          total,
          created,
          skipped,
          updated,
          failed);
      List<JsonNode> results = again.results(home.name(), "resumed");
      assertThat(results).as("one result per object").hasSize((int) total);
      Set<String> seen = new HashSet<>();
      List<String> duplicates =
          results.stream()
              .map(r -> r.path("source").toString())
              .filter(s -> !seen.add(s))
              .collect(Collectors.toList());
      assertThat(duplicates).as("objects with two results").isEmpty();
      assertThat(results)
          .extracting(r -> r.path("outcome").asString())
          .as("outcomes")
          .containsOnly("CREATED", "SKIPPED");

      Map<Key, Map<String, Object>> restored =
          comparison.fetch(source, BackupScenario.RESOURCES, scenario.selector());
      List<ObjectComparison.Difference> differences = ObjectComparison.compare(original, restored);
      assertThat(differences)
          .as("restored after the kill: %s", ObjectComparison.describe(differences, 40))
          .isEmpty();
      BackupScenario.deleteNamespace(kube, source, Duration.ofMinutes(5));
    } finally {
      keepLogs(work);
      for (AutoCloseable resource : resources.reversed()) {
        try {
          resource.close();
        } catch (Exception e) {
          // best effort: the next one still gets closed
        }
      }
    }
  }

  /** Keeps the server processes' logs next to the test reports. */
  static void keepLogs(Path work) {
    try (var logs = Files.list(work)) {
      Path target = Path.of("target", "restore-restart-logs");
      Files.createDirectories(target);
      for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
        Files.copy(log, target.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (java.io.IOException e) {
      // best effort
    }
  }
}
