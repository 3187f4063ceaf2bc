package io.kubeward.server.backup.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.backup.proof.BackupApi.Status;
import io.kubeward.testkit.Kubectl;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.s3.LocalS3;
import io.kubeward.testkit.scenario.BackupScenario;
import io.kubeward.testkit.scenario.ObjectComparison;
import io.kubeward.testkit.scenario.ObjectComparison.Key;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The round trip through S3: a real S3-compatible server on loopback ({@link LocalS3}, versitygw)
 * registered as a storage location through the REST API; the scenario's namespace backed up there
 * (the archive, its checksum and manifest are objects in the bucket, nothing in the local
 * directory), deleted, restored from S3 equal to the original, and restored again into another
 * namespace.
 */
@LocalControlPlane
class BackupS3IT {

  static final String CLUSTER = "local";
  static final Duration BACKUP = Duration.ofMinutes(2);
  static final Duration RESTORE = Duration.ofMinutes(3);
  static final Duration GONE = Duration.ofMinutes(3);

  @TempDir static Path dir;
  private static LocalS3 s3;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static BackupApi api;
  private static ObjectComparison comparison;

  @BeforeAll
  static void start(ControlPlane controlPlane) throws IOException {
    s3 = LocalS3.start();
    s3.createBucket("proof");
    kube = controlPlane.newAdminClient();
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.backups.directory=" + dir.resolve("backups"),
            BackupApi.ARCHIVE_KEY);
    api = BackupApi.of(server.admin(), kube, CLUSTER);
    api.awaitCrds();
    api.createS3Location("s3", s3.endpoint(), s3.region(), "proof", s3.accessKey(), s3.secretKey());
    Files.createDirectories(dir.resolve("kubectl"));
    comparison =
        new ObjectComparison(new Kubectl(controlPlane.kubeconfig(), dir.resolve("kubectl")));
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      kube.close();
    }
    if (server != null) {
      server.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void aNamespaceBackedUpToS3ComesBackEqualAndIntoAnotherNamespace(TestNamespace home)
      throws IOException {
    String id = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 24), 36);
    String source = "proof-s3-" + id;
    String mapped = "proof-s3-mapped-" + id;
    BackupScenario scenario =
        BackupScenario.create(kube, "s3" + id, List.of(source), BackupScenario.Sizes.small(), 8);
    Map<Key, Map<String, Object>> original =
        comparison.fetch(source, BackupScenario.RESOURCES, scenario.selector());
    assertThat(original).hasSize(22);

    api.createBackup(home.name(), "to-s3", BackupApi.backupOf(List.of(source), "s3"));
    Status backedUp = api.awaitFinal(BackupApi.BACKUP, home.name(), "to-s3", BACKUP);
    assertThat(backedUp.phase()).as("backup: %s", backedUp).isEqualTo("Completed");
    assertThat(backedUp.node().path("archive").path("location").asString()).isEqualTo("s3");
    assertThat(localArchives()).as("archives in the local directory").isEmpty();
    JsonNode verified = api.verify(home.name(), "to-s3").json();
    assertThat(verified.path("ok").asBoolean()).as("verify: %s", verified).isTrue();

    BackupScenario.deleteNamespace(kube, source, GONE);
    api.createRestore(home.name(), "from-s3", api.restoreOf(home.name(), "to-s3", Map.of(), null));
    Status restored = api.awaitFinal(BackupApi.RESTORE, home.name(), "from-s3", RESTORE);
    assertThat(restored.phase()).as("restore: %s", restored).isEqualTo("Completed");
    List<ObjectComparison.Difference> differences =
        ObjectComparison.compare(
            original, comparison.fetch(source, BackupScenario.RESOURCES, scenario.selector()));
    assertThat(differences)
        .as("restored from S3: %s", ObjectComparison.describe(differences, 40))
        .isEmpty();

    api.createRestore(
        home.name(),
        "from-s3-mapped",
        api.restoreOf(home.name(), "to-s3", Map.of(source, mapped), null));
    Status intoAnother = api.awaitFinal(BackupApi.RESTORE, home.name(), "from-s3-mapped", RESTORE);
    assertThat(intoAnother.phase()).as("mapped restore: %s", intoAnother).isEqualTo("Completed");
    List<ObjectComparison.Difference> mappedDifferences =
        ObjectComparison.compare(
            ObjectComparison.mapped(original, source, mapped),
            comparison.fetch(mapped, BackupScenario.RESOURCES, scenario.selector()));
    assertThat(mappedDifferences)
        .as(
            "restored from S3 into %s: %s",
            mapped, ObjectComparison.describe(mappedDifferences, 40))
        .isEmpty();

    BackupScenario.deleteNamespace(kube, source, GONE);
    BackupScenario.deleteNamespace(kube, mapped, GONE);
  }

  private static List<Path> localArchives() throws IOException {
    Path root = dir.resolve("backups");
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.getFileName().toString().equals("archive.zip")).toList();
    }
  }
}
