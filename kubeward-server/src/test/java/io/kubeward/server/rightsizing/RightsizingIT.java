package io.kubeward.server.rightsizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubeward.history.app.HistoryStore;
import io.kubeward.history.domain.HistoryTarget;
import io.kubeward.history.domain.UsageValues;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Right-sizing on the local control plane (issue 17's test bullet): a Deployment with two
 * containers, a synthetic usage series with known percentiles written into the built-in history
 * store, the recommendation computed from it; a one-click apply changes exactly that container's
 * requests (read back from the apiserver: the other container and every limit unchanged, a rollout
 * happens) and is reverted; a revert after someone else's edit is a conflict; a user the cluster's
 * RBAC does not let patch Deployments gets the cluster's refusal.
 */
@LocalControlPlane
class RightsizingIT {

  static final String CLUSTER = "local";
  static final String R = "/api/v1/clusters/" + CLUSTER + "/rightsizing";
  static final Duration DEADLINE = Duration.ofSeconds(60);
  static final long MI = 1024L * 1024;
  @TempDir static Path dir;
  static RunningServer server;
  static KubernetesClient kube;
  static Session admin;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    kube = controlPlane.newAdminClient();
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.rightsizing.window=1h");
    admin = server.admin();
    await()
        .atMost(DEADLINE)
        .until(() -> admin.get("/api/v1/clusters/" + CLUSTER + "/overview").completeOverview());
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

  static ResourceRequirements resources(
      String cpu, String memory, String cpuLimit, String memLimit) {
    return new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity(cpu))
        .addToRequests("memory", new Quantity(memory))
        .addToLimits("cpu", new Quantity(cpuLimit))
        .addToLimits("memory", new Quantity(memLimit))
        .build();
  }

  /** web: app (500m/512Mi, limits 1/1Gi) and sidecar (100m/64Mi, limits 200m/128Mi), 2 pods. */
  static void createWeb(String ns) {
    Deployment web = Workloads.deployment("web", 2, Map.of());
    List<Container> containers = web.getSpec().getTemplate().getSpec().getContainers();
    containers.getFirst().setResources(resources("500m", "512Mi", "1", "1Gi"));
    containers.add(
        new ContainerBuilder()
            .withName("sidecar")
            .withImage(Workloads.IMAGE)
            .withResources(resources("100m", "64Mi", "200m", "128Mi"))
            .build());
    kube.apps().deployments().inNamespace(ns).resource(web).create();
  }

  /**
   * 100 samples over the last 50 minutes: app uses i m CPU and i Mi memory (i = 1..100, so p90 CPU
   * is exactly 90 m and the memory peak 100 Mi), the sidecar a constant 5 m and 20 Mi.
   */
  static void writeUsage(String ns) {
    HistoryStore store = server.context().getBean(HistoryStore.class);
    Instant first = Instant.now().minus(Duration.ofMinutes(50));
    for (int i = 1; i <= 100; i++) {
      Map<HistoryTarget, UsageValues> samples = new HashMap<>();
      samples.put(
          HistoryTarget.container(ns, "Deployment", "web", "app"),
          new UsageValues((double) i, (double) i * MI, 2.0));
      samples.put(
          HistoryTarget.container(ns, "Deployment", "web", "sidecar"),
          new UsageValues(5.0, 20.0 * MI, 2.0));
      store.append(CLUSTER, first.plusSeconds(30L * (i - 1)), samples);
    }
  }

  static JsonNode row(String ns, String container) {
    Response list = admin.get(R + "/recommendations?namespace=" + ns);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    for (JsonNode row : list.json().path("items")) {
      if (row.path("workload").asString().equals("web")
          && row.path("container").asString().equals(container)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + container + " in " + list.body());
  }

  static Container container(String ns, String name) {
    return kube
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName("web")
        .get()
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  static Map<String, String> requests(String ns, String name) {
    Map<String, String> out = new HashMap<>();
    container(ns, name).getResources().getRequests().forEach((k, v) -> out.put(k, v.toString()));
    return out;
  }

  static Map<String, String> limits(String ns, String name) {
    Map<String, String> out = new HashMap<>();
    container(ns, name).getResources().getLimits().forEach((k, v) -> out.put(k, v.toString()));
    return out;
  }

  static Map<String, Object> applyApp(String ns) {
    return Map.of("namespace", ns, "kind", "Deployment", "name", "web", "container", "app");
  }

  @Test
  void recommendsFromKnownPercentilesAppliesExactlyOneContainerAndReverts(TestNamespace namespace) {
    String ns = namespace.name();
    createWeb(ns);
    writeUsage(ns);

    // the recommendation from the synthetic series, once the cache has both pods
    await()
        .atMost(DEADLINE)
        .untilAsserted(() -> assertThat(row(ns, "app").path("replicas").asInt()).isEqualTo(2));
    JsonNode app = row(ns, "app");
    assertThat(app.path("cpuUsage").asDouble()).isEqualTo(90.0);
    assertThat(app.path("cpuRecommended").asString()).isEqualTo("110m");
    assertThat(app.path("memoryUsage").asDouble()).isEqualTo(100.0 * MI);
    assertThat(app.path("memoryRecommended").asString()).isEqualTo("116Mi");
    assertThat(app.path("samples").asInt()).isEqualTo(100);
    assertThat(app.path("verdict").asString()).isEqualTo("over-provisioned");
    assertThat(app.path("wastedCpu").asLong()).isEqualTo((500 - 110) * 2);
    assertThat(app.path("current").path("cpuRequest").asString()).isEqualTo("500m");
    JsonNode sidecar = row(ns, "sidecar");
    assertThat(sidecar.path("cpuRecommended").asString()).isEqualTo("10m");
    assertThat(sidecar.path("memoryRecommended").asString()).isEqualTo("32Mi");
    long generation =
        kube.apps()
            .deployments()
            .inNamespace(ns)
            .withName("web")
            .get()
            .getMetadata()
            .getGeneration();

    // the YAML export is the same patch, for kubectl
    Response export = admin.post(R + "/export", applyApp(ns));
    assertThat(export.status()).as(export.body()).isEqualTo(200);
    assertThat(export.json().path("yaml").asString())
        .contains("name: app")
        .contains("cpu: 110m")
        .contains("memory: 116Mi")
        .doesNotContain("sidecar")
        .doesNotContain("limits");
    assertThat(export.json().path("command").asString())
        .startsWith("kubectl patch deployment web -n " + ns);

    // one click: exactly the app container's requests change
    Response applied = admin.post(R + "/apply", applyApp(ns));
    assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    assertThat(applied.json().path("auditId").asLong()).isPositive();
    assertThat(applied.json().path("before").path("cpuRequest").asString()).isEqualTo("500m");
    assertThat(applied.json().path("after").path("cpuRequest").asString()).isEqualTo("110m");
    long id = applied.json().path("id").asLong();
    assertThat(requests(ns, "app")).isEqualTo(Map.of("cpu", "110m", "memory", "116Mi"));
    assertThat(limits(ns, "app")).isEqualTo(Map.of("cpu", "1", "memory", "1Gi"));
    assertThat(requests(ns, "sidecar")).isEqualTo(Map.of("cpu", "100m", "memory", "64Mi"));
    assertThat(limits(ns, "sidecar")).isEqualTo(Map.of("cpu", "200m", "memory", "128Mi"));
    // a rollout happens: the new template gets its own ReplicaSet, whose pods carry the requests
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Deployment d = kube.apps().deployments().inNamespace(ns).withName("web").get();
              assertThat(d.getMetadata().getGeneration()).isGreaterThan(generation);
              assertThat(d.getStatus().getObservedGeneration())
                  .isEqualTo(d.getMetadata().getGeneration());
              assertThat(kube.apps().replicaSets().inNamespace(ns).list().getItems()).hasSize(2);
              assertThat(kube.pods().inNamespace(ns).list().getItems())
                  .anySatisfy(
                      p ->
                          assertThat(
                                  p.getSpec()
                                      .getContainers()
                                      .getFirst()
                                      .getResources()
                                      .getRequests()
                                      .get("cpu"))
                              .isEqualTo(new Quantity("110m")));
            });
    Response audit = admin.get("/api/v1/audit?limit=10&verb=rightsizing.apply&namespace=" + ns);
    assertThat(audit.json().path("items").get(0).path("diff").asString())
        .contains("-requests: cpu 500m, memory 512Mi")
        .contains("+requests: cpu 110m, memory 116Mi");

    // and reverted
    Response reverted = admin.post(R + "/changes/" + id + "/revert", Map.of());
    assertThat(reverted.status()).as(reverted.body()).isEqualTo(200);
    assertThat(reverted.json().path("revertedBy").asString()).isEqualTo("admin");
    assertThat(requests(ns, "app")).isEqualTo(Map.of("cpu", "500m", "memory", "512Mi"));
    assertThat(limits(ns, "app")).isEqualTo(Map.of("cpu", "1", "memory", "1Gi"));
    assertThat(requests(ns, "sidecar")).isEqualTo(Map.of("cpu", "100m", "memory", "64Mi"));
    Response twice = admin.post(R + "/changes/" + id + "/revert", Map.of());
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.problemCode()).isEqualTo("rightsizing.already-reverted");
  }

  @Test
  void aRevertAfterSomeoneElsesEditIsAConflictAndALimitIsNeverCrossedSilently(
      TestNamespace namespace) {
    String ns = namespace.name();
    createWeb(ns);

    // above the sidecar's limit: refused unless asked to raise it
    Map<String, Object> big =
        Map.of(
            "namespace",
            ns,
            "kind",
            "Deployment",
            "name",
            "web",
            "container",
            "sidecar",
            "cpu",
            "300m",
            "memory",
            "64Mi");
    Response refused = admin.post(R + "/apply", big);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.problemCode()).isEqualTo("rightsizing.exceeds-limit");
    assertThat(limits(ns, "sidecar")).isEqualTo(Map.of("cpu", "200m", "memory", "128Mi"));

    Map<String, Object> explicit =
        Map.of(
            "namespace",
            ns,
            "kind",
            "Deployment",
            "name",
            "web",
            "container",
            "app",
            "cpu",
            "250m",
            "memory",
            "256Mi");
    Response applied = admin.post(R + "/apply", explicit);
    assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    long id = applied.json().path("id").asLong();

    // someone else edits the container's requests
    kube.apps()
        .deployments()
        .inNamespace(ns)
        .withName("web")
        .patch(
            PatchContext.of(PatchType.STRATEGIC_MERGE),
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\","
                + "\"resources\":{\"requests\":{\"cpu\":\"300m\"}}}]}}}}");
    Response conflict = admin.post(R + "/changes/" + id + "/revert", Map.of());
    assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
    assertThat(conflict.problemCode()).isEqualTo("rightsizing.changed-since");
    assertThat(requests(ns, "app")).isEqualTo(Map.of("cpu", "300m", "memory", "256Mi"));
  }

  @Test
  void aUserWhomTheClusterDoesNotLetPatchDeploymentsGetsItsRefusal(TestNamespace namespace) {
    String ns = namespace.name();
    createWeb(ns);
    Session user =
        server.newUser(
            "sizer", List.of(Map.of("role", "operator", "cluster", CLUSTER, "namespace", ns)));
    String subject = "kubeward:sizer";
    kube.rbac().roleBindings().inNamespace(ns).list().getItems().stream()
        .filter(
            b ->
                b.getSubjects() != null
                    && b.getSubjects().stream().anyMatch(s -> subject.equals(s.getName())))
        .forEach(b -> kube.rbac().roleBindings().inNamespace(ns).resource(b).delete());
    kube.rbac()
        .roles()
        .inNamespace(ns)
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName("deployments-reader")
                .endMetadata()
                .withRules(
                    new PolicyRuleBuilder()
                        .withApiGroups("apps")
                        .withResources("deployments")
                        .withVerbs("get", "list", "watch")
                        .build())
                .build())
        .create();
    kube.rbac()
        .roleBindings()
        .inNamespace(ns)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("sizer")
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", "deployments-reader")
                .addNewSubject()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("User")
                .withName(subject)
                .endSubject()
                .build())
        .create();
    Map<String, Object> change =
        Map.of(
            "namespace",
            ns,
            "kind",
            "Deployment",
            "name",
            "web",
            "container",
            "app",
            "cpu",
            "250m",
            "memory",
            "256Mi");

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Response denied = user.post(R + "/apply", change);
              assertThat(denied.status()).as(denied.body()).isEqualTo(403);
              assertThat(denied.problemCode()).isEqualTo("resource.forbidden");
              assertThat(denied.json().path("detail").asString()).contains("patch");
            });
    assertThat(requests(ns, "app")).isEqualTo(Map.of("cpu", "500m", "memory", "512Mi"));
    assertThat(admin.get(R + "/changes").json().toString()).doesNotContain(ns);
  }
}
