package io.kubeward.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubeward.backup.kube.BackupResources;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A Kubeward that stopped while a Backup was {@code InProgress}: the next one finds it so, starts
 * over (attempt 2) and leaves exactly one archive with its checksum and manifest copy, no partial
 * file.
 */
@LocalControlPlane
class BackupRestartIT {

  private static final String CLUSTER = "local";
  private static final String C = "/api/v1/clusters/" + CLUSTER;
  private static final Duration WAIT = Duration.ofSeconds(90);
  @TempDir static Path dir;
  private static ControlPlane plane;
  private static KubernetesClient kube;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    plane = controlPlane;
    kube = controlPlane.newAdminClient();
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      kube.close();
    }
  }

  /** One data folder for both: the identity stamp's key derives from its credential key. */
  private static RunningServer server(String data, boolean controller) {
    return RunningServer.start(
        "--kubeconfig",
        plane.kubewardKubeconfig().toString(),
        "--kubeward.cluster-name=" + CLUSTER,
        "--kubeward.data-dir=" + dir.resolve(data),
        "--kubeward.backups.directory=" + dir.resolve("archives"),
        "--kubeward.backups.controller.enabled=" + controller);
  }

  @Test
  void aBackupFoundInProgressAfterARestartIsRedoneIntoOneArchive(TestNamespace namespace)
      throws Exception {
    String ns = namespace.name();
    for (int i = 0; i < 30; i++) {
      kube.configMaps()
          .inNamespace(ns)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("cm-" + i)
                  .endMetadata()
                  .withData(Map.of("i", Integer.toString(i)))
                  .build())
          .create();
    }
    String path = C + "/namespaces/" + ns + "/backups/interrupted";

    // a Kubeward without the Backup controller (its CRD applied here, as the controller would):
    // the Backup is created and stamped, then left as a stopped controller leaves it, InProgress
    kube.apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(
            new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder(
                    BackupResources.CRD.definition())
                .build())
        .forceConflicts()
        .serverSideApply();
    await()
        .atMost(WAIT)
        .until(
            () ->
                kube
                    .apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(BackupResources.CRD_NAME)
                    .get()
                    .getStatus()
                    .getConditions()
                    .stream()
                    .anyMatch(
                        c -> "Established".equals(c.getType()) && "True".equals(c.getStatus())));
    try (RunningServer first = server("data", false)) {
      Response created =
          first
              .admin()
              .post(
                  C + "/namespaces/" + ns + "/backups",
                  Map.of(
                      "name",
                      "interrupted",
                      "spec",
                      Map.of("scope", Map.of("namespaces", List.of(ns)))));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
    kube.genericKubernetesResources(BackupResources.CONTEXT)
        .inNamespace(ns)
        .withName("interrupted")
        .subresource("status")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"status\":{\"phase\":\"InProgress\",\"attempt\":1,"
                + "\"progress\":{\"done\":7,\"total\":31}}}");

    try (RunningServer second = server("data", true)) {
      // same data folder: the admin's password was changed by the first start
      RunningServer.Session admin = second.login("admin", RunningServer.CHANGED_ADMIN_PASSWORD);
      assertThat(admin.lastLogin().status()).as(admin.lastLogin().body()).isEqualTo(200);
      JsonNode[] last = new JsonNode[1];
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                last[0] = admin.get(path).json();
                assertThat(last[0].path("phase").asString())
                    .as(last[0].toString())
                    .isEqualTo("Completed");
              });
      JsonNode b = last[0];
      assertThat(b.path("attempt").asInt()).isEqualTo(2);
      assertThat(b.path("countsByKind").path("ConfigMap").asInt()).isEqualTo(31); // + root CA
      assertThat(b.path("progress").path("done").asLong())
          .isEqualTo(b.path("progress").path("total").asLong());
      Path folder =
          dir.resolve("archives/backups").resolve(CLUSTER).resolve(ns).resolve("interrupted");
      try (Stream<Path> files = Files.list(folder)) {
        assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
            .containsExactly("archive.zip", "archive.zip.sha256", "manifest.json");
      }
      Response verified = admin.post(path + "/verify", Map.of());
      assertThat(verified.json().path("ok").asBoolean()).as(verified.body()).isTrue();
    }
  }
}
