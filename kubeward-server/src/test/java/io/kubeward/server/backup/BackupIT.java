package io.kubeward.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.backup.kube.BackupResources;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.EventStream;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Backups on the local control plane, created through the API by a user whose rights the cluster
 * decides (impersonated): the archive lands in the local location with the objects the user may
 * read, counted per kind in the status and the manifest; a Backup made with kubectl (no identity
 * stamp) is refused ({@code NotAttributed}) and nothing is read; Secrets the user may not read are
 * failures naming the kind, never read with Kubeward's rights; verification, download, progress
 * over SSE, and deletion that removes the archive.
 */
@LocalControlPlane
class BackupIT {

  private static final String CLUSTER = "local";
  private static final String C = "/api/v1/clusters/" + CLUSTER;
  private static final Duration WAIT = Duration.ofSeconds(90);
  @TempDir static Path dir;
  private static RunningServer server;
  private static Session admin;
  private static KubernetesClient kube;

  @BeforeAll
  static void start(ControlPlane plane) {
    kube = plane.newAdminClient();
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i * 7 + 1);
    }
    server =
        RunningServer.start(
            "--kubeconfig",
            plane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.backups.directory=" + dir.resolve("archives"),
            "--kubeward.backups.encryption.keys.it-key=" + Base64.getEncoder().encodeToString(key),
            "--kubeward.backups.controller.progress-interval=100ms");
    admin = server.admin();
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

  // ------------------------------------------------------------------ helpers

  /**
   * A Kubeward user whom the cluster lets administer {@code ns} (ClusterRole admin), nothing else.
   */
  private static Session namespaceAdmin(String user, String ns) {
    Session session = server.newUser(user, List.of());
    bind(ns, user + "-admin", "admin", "kubeward:" + user);
    return session;
  }

  private static void bind(String ns, String name, String clusterRole, String user) {
    kube.rbac()
        .roleBindings()
        .inNamespace(ns)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addNewSubject()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("User")
                .withName(user)
                .endSubject()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole")
                .withName(clusterRole)
                .endRoleRef()
                .build())
        .create();
  }

  /** A ClusterRole for Backups (not relying on aggregation) and reading the namespace itself. */
  private static void allowBackups(String ns, String user, boolean secrets) {
    String role = "it-backups-" + ns;
    var rules =
        new java.util.ArrayList<>(
            List.of(
                new PolicyRuleBuilder()
                    .withApiGroups("kubeward.io")
                    .withResources("backups", "backupschedules")
                    .withVerbs("get", "list", "watch", "create", "delete")
                    .build(),
                new PolicyRuleBuilder()
                    .withApiGroups("")
                    .withResources("namespaces")
                    .withResourceNames(ns)
                    .withVerbs("get")
                    .build()));
    kube.rbac()
        .clusterRoles()
        .resource(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(role)
                .endMetadata()
                .withRules(rules)
                .build())
        .createOr(r -> r.update());
    bind(ns, role, role, user);
    kube.rbac()
        .clusterRoleBindings()
        .resource(
            new io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(role + "-" + user.replace(':', '-'))
                .endMetadata()
                .addNewSubject()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("User")
                .withName(user)
                .endSubject()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole")
                .withName(role)
                .endRoleRef()
                .build())
        .createOr(r -> r.update());
  }

  private static void givenObjects(String ns) {
    for (String name : List.of("settings", "flags")) {
      kube.configMaps()
          .inNamespace(ns)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .withLabels(Map.of("app", "shop"))
                  .endMetadata()
                  .withData(Map.of("k", "v-" + name))
                  .build())
          .create();
    }
    kube.secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("db-password")
                .endMetadata()
                .withStringData(Map.of("password", "s3cr3t"))
                .build())
        .create();
    kube.apps()
        .deployments()
        .inNamespace(ns)
        .resource(Workloads.deployment("web", 1, Map.of()))
        .create();
  }

  private static String path(String ns, String name) {
    return C + "/namespaces/" + ns + "/backups/" + name;
  }

  private static JsonNode awaitFinished(Session who, String ns, String name) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Response r = who.get(path(ns, name));
              assertThat(r.status()).as(r.body()).isEqualTo(200);
              last[0] = r.json();
              assertThat(last[0].path("phase").asString())
                  .as(r.body())
                  .isIn("Completed", "PartiallyFailed", "Failed");
            });
    return last[0];
  }

  private static Path archiveFile(String ns, String name, String file) {
    return dir.resolve("archives")
        .resolve("backups")
        .resolve(CLUSTER)
        .resolve(ns)
        .resolve(name)
        .resolve(file);
  }

  // ------------------------------------------------------------------ tests

  @Test
  void aUserBacksUpTheirNamespaceThroughTheApiAndTheArchiveHoldsWhatTheyMayRead(
      TestNamespace namespace) throws Exception {
    String ns = namespace.name();
    String user = "bk" + Math.abs(ns.hashCode() % 10000);
    givenObjects(ns);
    Session ana = namespaceAdmin(user, ns);
    allowBackups(ns, "kubeward:" + user, false);

    Response created =
        ana.post(
            C + "/namespaces/" + ns + "/backups",
            Map.of(
                "name",
                "first",
                "spec",
                Map.of("scope", Map.of("namespaces", List.of(ns)), "ttl", "720h")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("actingFor").asString()).isEqualTo("kubeward:" + user);

    // progress over SSE: progress events, then the finished Backup
    try (EventStream stream = ana.stream(path(ns, "first") + "/progress")) {
      assertThat(stream.status()).isEqualTo(200);
      await().atMost(WAIT).until(stream::ended);
      assertThat(stream.lines()).contains("event:progress").contains("event:backup");
    }

    JsonNode b = awaitFinished(ana, ns, "first");
    assertThat(b.path("phase").asString()).as(b.toString()).isEqualTo("Completed");
    assertThat(b.path("countsByKind").path("ConfigMap").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(b.path("countsByKind").path("Deployment.apps").asInt()).isEqualTo(1);
    assertThat(b.path("countsByKind").path("Namespace").asInt()).isEqualTo(1);
    assertThat(b.path("countsByKind").has("Secret")).isFalse(); // not asked for
    assertThat(b.path("progress").path("done").asLong())
        .isEqualTo(b.path("progress").path("total").asLong());
    assertThat(b.path("expiresAt").isMissingNode()).isFalse();
    String sha = b.path("archive").path("sha256").asString();
    assertThat(sha).hasSize(64);

    // the archive, its checksum and the manifest copy in the local location
    assertThat(archiveFile(ns, "first", "archive.zip")).exists();
    assertThat(Files.readString(archiveFile(ns, "first", "archive.zip.sha256"))).startsWith(sha);
    String manifest = Files.readString(archiveFile(ns, "first", "manifest.json"));
    assertThat(manifest).contains("\"ConfigMap\"", "\"Deployment.apps\"", "settings", "flags");
    assertThat(Files.size(archiveFile(ns, "first", "archive.zip")))
        .isEqualTo(b.path("archive").path("size").asLong());

    // verify reads the whole archive
    Response verified = ana.post(path(ns, "first") + "/verify", Map.of());
    assertThat(verified.status()).as(verified.body()).isEqualTo(200);
    assertThat(verified.json().path("ok").asBoolean()).as(verified.body()).isTrue();
    assertThat(verified.json().path("sha256").asString()).isEqualTo(sha);

    // the creator downloads it; the list across namespaces shows it
    Response download = ana.get(path(ns, "first") + "/archive");
    assertThat(download.status()).as(download.body()).isEqualTo(200);
    assertThat(download.contentType()).startsWith("application/zip");
    Response all = admin.get(C + "/backups");
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.body()).contains("\"first\"");

    // deletion removes the archive's files (finalizer), then the object
    Response deleted = ana.delete(path(ns, "first"));
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
    await()
        .atMost(WAIT)
        .until(
            () ->
                !Files.exists(archiveFile(ns, "first", "archive.zip"))
                    && ana.get(path(ns, "first")).status() == 404);
    assertThat(archiveFile(ns, "first", "manifest.json")).doesNotExist();
  }

  @Test
  void aBackupMadeWithKubectlIsNotAttributedAndNothingIsRead(TestNamespace namespace) {
    String ns = namespace.name();
    givenObjects(ns);
    GenericKubernetesResource unstamped =
        BackupResources.newResource(
            BackupResources.KIND,
            ns,
            "sneaky",
            Map.of("scope", Map.of("namespaces", List.of(ns), "includeSecrets", true)),
            null,
            null);
    kube.genericKubernetesResources(BackupResources.CONTEXT)
        .inNamespace(ns)
        .resource(unstamped)
        .create();

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode b = admin.get(path(ns, "sneaky")).json();
              JsonNode ready = b.path("conditions").get(0);
              assertThat(ready).as(b.toString()).isNotNull();
              assertThat(ready.path("type").asString()).isEqualTo("Ready");
              assertThat(ready.path("status").asString()).isEqualTo("False");
              assertThat(ready.path("reason").asString()).isEqualTo("NotAttributed");
              assertThat(b.path("phase").asString()).isEqualTo("New");
              assertThat(b.path("actingFor").isNull() || b.path("actingFor").isMissingNode())
                  .isTrue();
            });
    assertThat(archiveFile(ns, "sneaky", "archive.zip")).doesNotExist();

    // a stamp copied from a Backup made through Kubeward does not fit another object
    Response made =
        admin.post(
            C + "/namespaces/" + ns + "/backups",
            Map.of("name", "real", "spec", Map.of("scope", Map.of("namespaces", List.of(ns)))));
    assertThat(made.status()).as(made.body()).isEqualTo(201);
    String stamp =
        kube.genericKubernetesResources(BackupResources.CONTEXT)
            .inNamespace(ns)
            .withName("real")
            .get()
            .getMetadata()
            .getAnnotations()
            .get("kubeward.io/acting-as");
    GenericKubernetesResource copied =
        BackupResources.newResource(
            BackupResources.KIND,
            ns,
            "copied",
            Map.of("scope", Map.of("namespaces", List.of(ns), "includeSecrets", true)),
            null,
            Map.of("kubeward.io/acting-as", stamp));
    kube.genericKubernetesResources(BackupResources.CONTEXT)
        .inNamespace(ns)
        .resource(copied)
        .create();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(admin.get(path(ns, "copied")).json().path("conditions").toString())
                    .contains("NotAttributed"));
    assertThat(awaitFinished(admin, ns, "real").path("phase").asString()).isEqualTo("Completed");
  }

  @Test
  void secretsTheUserMayNotReadAreFailuresNotReadWithKubewardsRights(TestNamespace namespace) {
    String ns = namespace.name();
    String user = "ns" + Math.abs(ns.hashCode() % 10000);
    givenObjects(ns);
    Session viewer = server.newUser(user, List.of());
    bind(ns, user + "-view", "view", "kubeward:" + user); // view: no Secrets
    allowBackups(ns, "kubeward:" + user, true);

    Response created =
        viewer.post(
            C + "/namespaces/" + ns + "/backups",
            Map.of(
                "name",
                "with-secrets",
                "spec",
                Map.of(
                    "scope",
                    Map.of(
                        "namespaces",
                        List.of(ns),
                        "resources",
                        List.of("configmaps", "secrets"),
                        "includeSecrets",
                        true))));
    assertThat(created.status()).as(created.body()).isEqualTo(201);

    JsonNode b = awaitFinished(viewer, ns, "with-secrets");
    assertThat(b.path("phase").asString()).as(b.toString()).isEqualTo("PartiallyFailed");
    assertThat(b.path("countsByKind").path("ConfigMap").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(b.path("countsByKind").has("Secret")).isFalse();
    assertThat(b.path("failureCount").asLong()).isGreaterThanOrEqualTo(1);
    JsonNode failure = b.path("failures").get(0);
    assertThat(failure.path("object").path("kind").asString()).isEqualTo("Secret");
    assertThat(failure.path("reason").asString()).contains("forbidden");
    assertThat(failure.path("reason").asString()).contains("kubeward:" + user);

    // another user may not download what this one could read
    Session other = server.newUser("other" + user, List.of());
    bind(ns, "other" + user + "-view", "view", "kubeward:other" + user);
    Response refused = other.get(path(ns, "with-secrets") + "/archive");
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.problemCode()).isEqualTo("backup.download-forbidden");
  }

  @Test
  void anInvalidSpecIsRefusedWithProblemsAndNothingIsWritten(TestNamespace namespace) {
    String ns = namespace.name();
    Response refused =
        admin.post(
            C + "/namespaces/" + ns + "/backups",
            Map.of("name", "bad", "spec", Map.of("ttl", "forever", "location", "nowhere")));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.problemCode()).isEqualTo("backup.invalid");
    assertThat(refused.body()).contains("ttl", "nowhere");
    assertThat(admin.get(path(ns, "bad")).status()).isEqualTo(404);
  }
}
