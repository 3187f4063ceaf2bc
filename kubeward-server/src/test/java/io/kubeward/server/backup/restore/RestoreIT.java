package io.kubeward.server.backup.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.backup.domain.ArchiveRef;
import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.backup.domain.archive.ArchiveHeader;
import io.kubeward.backup.domain.archive.ArchiveWriter;
import io.kubeward.backup.kube.restore.RestoreResources;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Restores (ADR 0042) on the local control plane, through the REST API: an archive of a namespace
 * (written with the archive format's own writer into the local storage location) → the namespace
 * deleted → preview → restore → the objects are back; into another namespace; over existing objects
 * (skipped by default, overwritten on request); a corrupted archive is refused before anything is
 * restored; a person who may not create the objects sees it in the preview and gets per-object
 * failures (Kubeward's rights are never lent); results are paged.
 */
@LocalControlPlane
class RestoreIT {

  private static final String CLUSTER = "local";
  private static final String C = "/api/v1/clusters/" + CLUSTER;
  private static final Duration WAIT = Duration.ofSeconds(120);
  @TempDir static Path dir;
  private static RunningServer server;
  private static Session admin;
  private static KubernetesClient kube;
  private static Path backups;

  @BeforeAll
  static void start(ControlPlane plane) {
    kube = plane.newAdminClient();
    backups = dir.resolve("backups");
    server =
        RunningServer.start(
            "--kubeconfig",
            plane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.backups.directory=" + backups,
            "--kubeward.backups.restore.progress-interval=200ms");
    admin = server.admin();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              var crd =
                  kube.apiextensions()
                      .v1()
                      .customResourceDefinitions()
                      .withName(RestoreResources.CRD_NAME)
                      .get();
              return crd != null
                  && crd.getStatus() != null
                  && crd.getStatus().getConditions().stream()
                      .anyMatch(
                          c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
            });
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

  // ------------------------------------------------------------------ given

  /** A namespace with a ConfigMap, RBAC, a Deployment, a Service and a PVC. */
  private static String givenApp() {
    String ns = "rst-" + UUID.randomUUID().toString().substring(0, 8);
    kube.namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
    kube.configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .withLabels(Map.of("app", "web"))
                .endMetadata()
                .withData(Map.of("greeting", "hello"))
                .build())
        .create();
    kube.serviceAccounts()
        .inNamespace(ns)
        .resource(
            new ServiceAccountBuilder().withNewMetadata().withName("web").endMetadata().build())
        .create();
    kube.rbac()
        .roles()
        .inNamespace(ns)
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName("reader")
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("configmaps")
                .withVerbs("get")
                .endRule()
                .build())
        .create();
    kube.rbac()
        .roleBindings()
        .inNamespace(ns)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("web-reads")
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", "reader")
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName("web")
                .withNamespace(ns)
                .endSubject()
                .build())
        .create();
    kube.apps()
        .deployments()
        .inNamespace(ns)
        .resource(Workloads.deployment("web", 1, Map.of()))
        .create();
    kube.services()
        .inNamespace(ns)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withType("NodePort")
                .withSelector(Map.of("app", "web"))
                .addNewPort()
                .withPort(80)
                .endPort()
                .endSpec()
                .build())
        .create();
    return ns;
  }

  /**
   * Writes an archive of the namespace (as a backup would) under {@code
   * backups/local/<ns>/<name>/}.
   */
  @SuppressWarnings("unchecked")
  private static String archiveOf(String ns, String name) throws Exception {
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(kube.namespaces().withName(ns).get());
    objects.addAll(kube.configMaps().inNamespace(ns).withLabel("app", "web").list().getItems());
    objects.add(kube.serviceAccounts().inNamespace(ns).withName("web").get());
    objects.add(kube.rbac().roles().inNamespace(ns).withName("reader").get());
    objects.add(kube.rbac().roleBindings().inNamespace(ns).withName("web-reads").get());
    objects.add(kube.apps().deployments().inNamespace(ns).withName("web").get());
    objects.add(kube.services().inNamespace(ns).withName("web").get());
    ArchiveRef ref = new ArchiveRef("local", CLUSTER, ns, name);
    Path zip = backups.resolve(ref.key(ArchiveRef.ARCHIVE));
    Files.createDirectories(zip.getParent());
    String sha;
    try (OutputStream out = Files.newOutputStream(zip);
        ArchiveWriter writer = new ArchiveWriter(out, null)) {
      for (HasMetadata o : objects) {
        Map<String, Object> map = kube.getKubernetesSerialization().convertValue(o, Map.class);
        writer.add(
            new ObjectRef(
                o.getApiVersion(),
                o.getKind(),
                o.getMetadata().getNamespace(),
                o.getMetadata().getName()),
            new LinkedHashMap<>(map));
      }
      writer.finish(new ArchiveHeader(CLUSTER, "v1", ns, name, Instant.now(), null));
      sha = writer.sha256();
    }
    Files.writeString(
        backups.resolve(ref.key(ArchiveRef.CHECKSUM)),
        sha + "  archive.zip\n",
        StandardCharsets.US_ASCII);
    return ref.key(ArchiveRef.ARCHIVE);
  }

  private static void deleteNamespace(String ns) {
    kube.namespaces().withName(ns).delete();
    await().atMost(WAIT).until(() -> kube.namespaces().withName(ns).get() == null);
  }

  private static Map<String, Object> spec(String key, Map<String, Object> more) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("source", Map.of("location", "local", "archiveKey", key));
    spec.putAll(more);
    return spec;
  }

  private static JsonNode preview(Session who, Map<String, Object> spec) {
    RunningServer.Response r = who.post(C + "/restores/preview", Map.of("spec", spec));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  /** Starts a Restore in namespace {@code home} and waits until it is finished. */
  private static JsonNode restore(Session who, String home, String name, Map<String, Object> spec) {
    RunningServer.Response created =
        who.post(C + "/namespaces/" + home + "/restores", Map.of("name", name, "spec", spec));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String path = C + "/namespaces/" + home + "/restores/" + name;
    await()
        .atMost(WAIT)
        .until(
            () -> {
              String phase = admin.get(path).json().path("status").path("phase").asString("");
              return List.of("Completed", "PartiallyFailed", "Failed").contains(phase);
            });
    return admin.get(path).json();
  }

  private static int count(JsonNode preview, String verdict) {
    return preview.path("counts").path(verdict).asInt(0);
  }

  /**
   * A Backup object whose status names the archive (as the backup controller records it). Until the
   * backup part's CRD is installed, a minimal test CRD stands in for it.
   */
  @SuppressWarnings("unchecked")
  private static void givenBackup(String ns, String name, String key) throws Exception {
    String crdName = "backups.kubeward.io";
    if (kube.apiextensions().v1().customResourceDefinitions().withName(crdName).get() == null) {
      kube.apiextensions()
          .v1()
          .customResourceDefinitions()
          .resource(
              new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder()
                  .withNewMetadata()
                  .withName(crdName)
                  .endMetadata()
                  .withNewSpec()
                  .withGroup("kubeward.io")
                  .withScope("Namespaced")
                  .withNewNames()
                  .withKind("Backup")
                  .withPlural("backups")
                  .withSingular("backup")
                  .endNames()
                  .addNewVersion()
                  .withName("v1alpha1")
                  .withServed(true)
                  .withStorage(true)
                  .withNewSchema()
                  .withNewOpenAPIV3Schema()
                  .withType("object")
                  .withXKubernetesPreserveUnknownFields(true)
                  .endOpenAPIV3Schema()
                  .endSchema()
                  .endVersion()
                  .endSpec()
                  .build())
          .create();
      await()
          .atMost(WAIT)
          .until(
              () -> {
                try {
                  kube.genericKubernetesResources(
                          io.kubeward.backup.kube.restore.BackupArchiveLocator.BACKUPS)
                      .inNamespace(ns)
                      .list();
                  return true;
                } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                  return false;
                }
              });
    }
    Map<String, Object> status = Map.of("archive", Map.of("location", "local", "key", key));
    var backup = new io.fabric8.kubernetes.api.model.GenericKubernetesResource();
    backup.setApiVersion("kubeward.io/v1alpha1");
    backup.setKind("Backup");
    backup.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName(name)
            .withNamespace(ns)
            .build());
    backup.setAdditionalProperty("spec", Map.of());
    backup.setAdditionalProperty("status", status);
    var ops =
        kube.genericKubernetesResources(
                io.kubeward.backup.kube.restore.BackupArchiveLocator.BACKUPS)
            .inNamespace(ns);
    var created = ops.resource(backup).create();
    if (created.getAdditionalProperties().get("status") == null) {
      created.setAdditionalProperty("status", status);
      ops.resource(created).updateStatus();
    }
  }

  // ------------------------------------------------------------------ tests

  @Test
  void aDeletedNamespaceIsPreviewedThenRestoredWithItsObjects() throws Exception {
    String ns = givenApp();
    String key = archiveOf(ns, "b1");
    String clusterIp =
        kube.services().inNamespace(ns).withName("web").get().getSpec().getClusterIP();
    deleteNamespace(ns);

    JsonNode preview = preview(admin, spec(key, Map.of()));
    assertThat(preview.path("selected").asInt()).isEqualTo(7);
    assertThat(count(preview, "CREATE")).as(preview.toString()).isEqualTo(7);
    assertThat(kube.namespaces().withName(ns).get()).isNull(); // a preview writes nothing

    JsonNode done = restore(admin, "default", "r-" + ns, spec(key, Map.of()));

    assertThat(done.path("status").path("phase").asString())
        .as(done.toString())
        .isEqualTo("Completed");
    assertThat(done.path("status").path("counts").path("created").asInt()).isEqualTo(7);
    assertThat(kube.configMaps().inNamespace(ns).withName("settings").get().getData())
        .containsEntry("greeting", "hello");
    assertThat(kube.apps().deployments().inNamespace(ns).withName("web").get()).isNotNull();
    assertThat(kube.rbac().roleBindings().inNamespace(ns).withName("web-reads").get()).isNotNull();
    var service = kube.services().inNamespace(ns).withName("web").get();
    assertThat(service.getSpec().getClusterIP()).isNotBlank();
    assertThat(service.getSpec().getPorts().getFirst().getNodePort()).isNotNull();
    assertThat(clusterIp).isNotBlank();

    // results, paged and filtered
    String results = C + "/namespaces/default/restores/r-" + ns + "/results";
    JsonNode page = admin.get(results + "?size=3&page=1").json();
    assertThat(page.path("total").asLong()).isEqualTo(7);
    assertThat(page.path("items").size()).isEqualTo(3);
    assertThat(admin.get(results + "?outcome=created&size=100").json().path("total").asLong())
        .isEqualTo(7);
    assertThat(admin.get(results + "?outcome=FAILED").json().path("total").asLong()).isZero();
    assertThat(admin.get(results + "?outcome=nonsense").status()).isEqualTo(400);
  }

  @Test
  void restoresIntoAnotherNamespace() throws Exception {
    String ns = givenApp();
    String key = archiveOf(ns, "b2");
    String copy = ns + "-copy";

    JsonNode done =
        restore(
            admin, "default", "r-" + copy, spec(key, Map.of("namespaceMapping", Map.of(ns, copy))));

    assertThat(done.path("status").path("phase").asString())
        .as(done.toString())
        .isEqualTo("Completed");
    assertThat(kube.namespaces().withName(copy).get()).isNotNull();
    assertThat(kube.configMaps().inNamespace(copy).withName("settings").get()).isNotNull();
    assertThat(
            kube.rbac()
                .roleBindings()
                .inNamespace(copy)
                .withName("web-reads")
                .get()
                .getSubjects()
                .getFirst()
                .getNamespace())
        .isEqualTo(copy);
    assertThat(kube.configMaps().inNamespace(ns).withName("settings").get()).isNotNull();
  }

  @Test
  void existingObjectsAreSkippedByDefaultAndOverwrittenOnRequest() throws Exception {
    String ns = givenApp();
    String key = archiveOf(ns, "b3");
    kube.configMaps()
        .inNamespace(ns)
        .withName("settings")
        .edit(cm -> new ConfigMapBuilder(cm).withData(Map.of("greeting", "changed")).build());

    JsonNode preview = preview(admin, spec(key, Map.of()));
    assertThat(count(preview, "EXISTS_SKIP")).as(preview.toString()).isEqualTo(7);
    JsonNode skipped = restore(admin, "default", "r-skip-" + ns, spec(key, Map.of()));
    assertThat(skipped.path("status").path("counts").path("skipped").asInt()).isEqualTo(7);
    assertThat(kube.configMaps().inNamespace(ns).withName("settings").get().getData())
        .containsEntry("greeting", "changed");

    JsonNode overwrite =
        restore(
            admin,
            "default",
            "r-over-" + ns,
            spec(key, Map.of("existing", "Overwrite", "includedResources", List.of("configmaps"))));
    assertThat(overwrite.path("status").path("counts").path("updated").asInt())
        .as(overwrite.toString())
        .isEqualTo(1);
    assertThat(kube.configMaps().inNamespace(ns).withName("settings").get().getData())
        .containsEntry("greeting", "hello");
  }

  @Test
  void aCorruptedArchiveIsRefusedBeforeAnythingIsRestored() throws Exception {
    String ns = givenApp();
    String key = archiveOf(ns, "b4");
    deleteNamespace(ns);
    Path zip = backups.resolve(key);
    byte[] bytes = Files.readAllBytes(zip);
    bytes[bytes.length / 3] ^= 0x5a;
    Files.write(zip, bytes);

    RunningServer.Response refused =
        admin.send(
            "POST",
            C + "/restores/preview",
            Map.of("spec", spec(key, Map.of())),
            Map.of("Accept-Language", "zh-CN"));
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.problemCode()).isEqualTo("restore.archive-corrupted");
    assertThat(refused.json().path("title").asString()).contains("校验和");

    JsonNode failed = restore(admin, "default", "r-bad-" + ns, spec(key, Map.of()));
    assertThat(failed.path("status").path("phase").asString()).isEqualTo("Failed");
    assertThat(failed.path("status").path("conditions").toString()).contains("ArchiveCorrupted");
    assertThat(kube.namespaces().withName(ns).get()).isNull();

    Files.write(zip, java.util.Arrays.copyOf(Files.readAllBytes(zip), bytes.length / 2));
    RunningServer.Response truncated =
        admin.post(C + "/restores/preview", Map.of("spec", spec(key, Map.of())));
    assertThat(truncated.problemCode()).isEqualTo("restore.archive-corrupted");
  }

  @Test
  void aPersonWhoMayNotCreateTheObjectsSeesItInThePreviewAndGetsPerObjectFailures()
      throws Exception {
    String ns = givenApp();
    String key = archiveOf(ns, "b5");
    String home = "rst-home-" + UUID.randomUUID().toString().substring(0, 6);
    kube.namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(home).endMetadata().build())
        .create();
    String target = ns + "-x";
    kube.namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(target).endMetadata().build())
        .create();
    Session operator =
        server.newUser(
            "restorer-" + home.substring(9),
            List.of(Map.of("role", "operator", "cluster", CLUSTER, "namespace", home)));

    // a raw archive key is for administrators
    RunningServer.Response keyRefused =
        operator.post(C + "/restores/preview", Map.of("spec", spec(key, Map.of())));
    assertThat(keyRefused.status()).as(keyRefused.body()).isEqualTo(400);
    assertThat(keyRefused.body()).contains("administrators");

    givenBackup(home, "b5", key);
    String user = "kubeward:restorer-" + home.substring(9);
    kube.rbac()
        .roles()
        .inNamespace(home)
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName("restorer")
                .endMetadata()
                .addNewRule()
                .withApiGroups("kubeward.io")
                .withResources("restores", "backups")
                .withVerbs("get", "list", "watch", "create", "delete")
                .endRule()
                .build())
        .create();
    kube.rbac()
        .roleBindings()
        .inNamespace(home)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("restorer")
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", "restorer")
                .addNewSubject()
                .withKind("User")
                .withApiGroup("rbac.authorization.k8s.io")
                .withName(user)
                .endSubject()
                .build())
        .create();
    Map<String, Object> spec =
        Map.of(
            "source", Map.of("namespace", home, "backup", "b5"),
            "namespaceMapping", Map.of(ns, target));

    JsonNode preview = preview(operator, spec);
    assertThat(count(preview, "CANNOT_RESTORE")).as(preview.toString()).isEqualTo(7);
    assertThat(preview.toString()).contains("you may not create ConfigMap in namespace " + target);

    JsonNode done = restore(operator, home, "r-mine", spec);
    assertThat(done.path("status").path("phase").asString())
        .as(done.toString())
        .isEqualTo("PartiallyFailed");
    assertThat(done.path("status").path("actingAs").asString()).isEqualTo(user);
    JsonNode failed =
        operator.get(C + "/namespaces/" + home + "/restores/r-mine/results?outcome=FAILED").json();
    assertThat(failed.path("total").asLong()).isEqualTo(7);
    assertThat(failed.toString()).contains("forbidden");
    assertThat(kube.configMaps().inNamespace(target).withName("settings").get()).isNull();
    assertThat(kube.rbac().roleBindings().inNamespace(target).withName("web-reads").get()).isNull();

    // a Restore made without Kubeward (no stamp) is not acted on at all
    var unstamped =
        RestoreResources.newResource(home, "r-unstamped", new LinkedHashMap<>(spec), Map.of());
    kube.genericKubernetesResources(RestoreResources.CONTEXT)
        .inNamespace(home)
        .resource(unstamped)
        .create();
    await()
        .atMost(WAIT)
        .until(
            () ->
                admin
                    .get(C + "/namespaces/" + home + "/restores/r-unstamped")
                    .json()
                    .path("status")
                    .path("conditions")
                    .toString()
                    .contains("NotAttributed"));
    assertThat(kube.configMaps().inNamespace(target).withName("settings").get()).isNull();
  }
}
