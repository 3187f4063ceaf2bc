package io.kubeward.server.backup.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.backup.proof.BackupApi.Status;
import io.kubeward.testkit.Kubectl;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.scenario.BackupScenario;
import io.kubeward.testkit.scenario.ObjectComparison;
import io.kubeward.testkit.scenario.ObjectComparison.Key;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Backup and restore as a user does them, through Kubeward's REST API, on the local control plane;
 * every object compared through {@code kubectl} ({@link ObjectComparison}): a namespace with every
 * kind ({@link BackupScenario}) backed up, deleted (until the apiserver has forgotten it) and
 * restored equal to the original apart from server-managed fields; restored again into another
 * namespace; a corrupted and a truncated archive refused by their checksums before anything is
 * created; a restore over existing objects skips them by default (a changed object stays changed).
 */
@LocalControlPlane
class BackupRoundTripIT {

  static final String CLUSTER = "local";
  static final Duration BACKUP = Duration.ofMinutes(2);
  static final Duration RESTORE = Duration.ofMinutes(3);
  static final Duration NAMESPACE_GONE = Duration.ofMinutes(3);

  @TempDir static Path dir;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static BackupApi api;
  private static ObjectComparison comparison;

  @BeforeAll
  static void start(ControlPlane controlPlane) throws IOException {
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
  }

  static String unique(String prefix) {
    return prefix + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 24), 36);
  }

  /** The scenario's objects in {@code namespace} as kubectl shows them, normalized. */
  static Map<Key, Map<String, Object>> objects(BackupScenario scenario, String namespace) {
    return comparison.fetch(namespace, BackupScenario.RESOURCES, scenario.selector());
  }

  static void assertSame(
      Map<Key, Map<String, Object>> expected, Map<Key, Map<String, Object>> actual, String what) {
    List<ObjectComparison.Difference> differences = ObjectComparison.compare(expected, actual);
    assertThat(differences)
        .as("%s: %s", what, ObjectComparison.describe(differences, 40))
        .isEmpty();
  }

  /** Backs up {@code source} into a Backup in {@code home} and waits until it completed. */
  static Status backup(String home, String name, String source) {
    api.createBackup(home, name, BackupApi.backupOf(List.of(source), "local"));
    Status done = api.awaitFinal(BackupApi.BACKUP, home, name, BACKUP);
    assertThat(done.phase()).as("backup %s: %s", name, done).isIn("Completed", "Succeeded");
    return done;
  }

  static Status restore(String home, String name, Map<String, Object> spec) {
    api.createRestore(home, name, spec);
    return api.awaitFinal(BackupApi.RESTORE, home, name, RESTORE);
  }

  @Test
  void aDeletedNamespaceComesBackEqualAndAgainIntoAnotherNamespace(TestNamespace home) {
    String source = unique("proof-src");
    String mapped = unique("proof-mapped");
    BackupScenario scenario =
        BackupScenario.create(kube, unique("rt"), List.of(source), BackupScenario.Sizes.small(), 8);
    Map<Key, Map<String, Object>> original = objects(scenario, source);
    assertThat(original).as("the scenario's objects as kubectl lists them").hasSize(22);

    Status backedUp = backup(home.name(), "roundtrip", source);
    assertThat(backedUp.done())
        .as("objects in the backup: %s", backedUp)
        .isGreaterThanOrEqualTo(22);
    JsonNode verified = api.verify(home.name(), "roundtrip").json();
    assertThat(verified.path("ok").asBoolean()).as("verify: %s", verified).isTrue();

    BackupScenario.deleteNamespace(kube, source, NAMESPACE_GONE);
    assertThat(kube.namespaces().withName(source).get()).isNull();

    Status restored =
        restore(home.name(), "back", api.restoreOf(home.name(), "roundtrip", Map.of(), null));
    assertThat(restored.phase()).as("restore: %s", restored).isIn("Completed", "Succeeded");
    assertSame(original, objects(scenario, source), "restored into " + source);
    List<JsonNode> results = api.results(home.name(), "back");
    assertThat(results)
        .as("per-object results")
        .hasSizeGreaterThanOrEqualTo(22)
        .allSatisfy(
            r -> assertThat(r.path("outcome").asString()).as("%s", r).isIn("CREATED", "SKIPPED"));

    Status intoAnother =
        restore(
            home.name(),
            "mapped",
            api.restoreOf(home.name(), "roundtrip", Map.of(source, mapped), null));
    assertThat(intoAnother.phase())
        .as("mapped restore: %s", intoAnother)
        .isIn("Completed", "Succeeded");
    assertSame(
        ObjectComparison.mapped(original, source, mapped),
        objects(scenario, mapped),
        "restored into " + mapped);
    // the original namespace is untouched by the mapped restore
    assertSame(original, objects(scenario, source), "the source after the mapped restore");

    BackupScenario.deleteNamespace(kube, source, NAMESPACE_GONE);
    BackupScenario.deleteNamespace(kube, mapped, NAMESPACE_GONE);
  }

  @Test
  void aCorruptedOrTruncatedArchiveIsRefusedBeforeAnythingIsRestored(TestNamespace home)
      throws IOException {
    String source = unique("proof-bad");
    BackupScenario scenario =
        BackupScenario.create(
            kube, unique("bad"), List.of(source), BackupScenario.Sizes.small(), 8);
    backup(home.name(), "to-corrupt", source);
    backup(home.name(), "to-truncate", source);

    Path corrupt = archive(home.name(), "to-corrupt");
    long size = Files.size(corrupt);
    try (RandomAccessFile file = new RandomAccessFile(corrupt.toFile(), "rw")) {
      file.seek(size / 2);
      int b = file.read();
      file.seek(size / 2);
      file.write(b ^ 0xFF);
    }
    Path truncate = archive(home.name(), "to-truncate");
    try (RandomAccessFile file = new RandomAccessFile(truncate.toFile(), "rw")) {
      file.setLength(Files.size(truncate) / 2);
    }

    for (String backup : List.of("to-corrupt", "to-truncate")) {
      JsonNode verified = api.verify(home.name(), backup).json();
      assertThat(verified.path("ok").asBoolean()).as("verify %s: %s", backup, verified).isFalse();
      assertThat(verified.path("problems")).as("verify %s: %s", backup, verified).isNotEmpty();

      String target = unique("proof-never");
      Status refused =
          restore(
              home.name(),
              "from-" + backup,
              api.restoreOf(home.name(), backup, Map.of(source, target), null));
      assertThat(refused.phase()).as("restore from %s: %s", backup, refused).isEqualTo("Failed");
      assertThat(refused.toString().toLowerCase(java.util.Locale.ROOT))
          .as("the restore names the checksum")
          .containsAnyOf("checksum", "sha-256", "sha256", "corrupt", "truncated");
      assertThat(kube.namespaces().withName(target).get())
          .as("the mapped namespace of a refused restore")
          .isNull();
      assertThat(objects(scenario, source)).as("the source is untouched").hasSize(22);
    }
    BackupScenario.deleteNamespace(kube, source, NAMESPACE_GONE);
  }

  @Test
  void aRestoreOverExistingObjectsSkipsThemByDefault(TestNamespace home) {
    String source = unique("proof-skip");
    BackupScenario scenario =
        BackupScenario.create(
            kube, unique("skip"), List.of(source), BackupScenario.Sizes.small(), 8);
    backup(home.name(), "existing", source);
    ConfigMap changed =
        kube.configMaps()
            .inNamespace(source)
            .withName("config-0")
            .edit(
                cm -> {
                  cm.getData().put("index", "changed after the backup");
                  return cm;
                });
    Map<Key, Map<String, Object>> before = objects(scenario, source);

    Status skipped =
        restore(home.name(), "over", api.restoreOf(home.name(), "existing", Map.of(), null));

    assertThat(skipped.phase()).as("restore: %s", skipped).isIn("Completed", "Succeeded");
    assertSame(before, objects(scenario, source), "objects after a restore over them");
    assertThat(kube.configMaps().inNamespace(source).withName("config-0").get().getData())
        .containsEntry("index", "changed after the backup");
    assertThat(changed).isNotNull();
    List<JsonNode> results = api.results(home.name(), "over");
    assertThat(results)
        .filteredOn(r -> r.path("target").path("namespace").asString("").equals(source))
        .as("results of the scenario's objects")
        .hasSizeGreaterThanOrEqualTo(22)
        .allSatisfy(r -> assertThat(r.path("outcome").asString()).as("%s", r).isEqualTo("SKIPPED"));
    BackupScenario.deleteNamespace(kube, source, NAMESPACE_GONE);
  }

  /** The archive file of a Backup in the local location. */
  static Path archive(String namespace, String backup) {
    Path file =
        dir.resolve("backups")
            .resolve("backups")
            .resolve(CLUSTER)
            .resolve(namespace)
            .resolve(backup)
            .resolve("archive.zip");
    assertThat(file).as("the local archive of %s", backup).exists();
    return file;
  }
}
