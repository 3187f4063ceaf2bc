package io.kubeward.server.workload.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Workload operations through the REST API on the local control plane, read back from the apiserver
 * and cross-checked with kubectl 1.33: a rollback to revision N restores exactly that revision's
 * pod template, field by field as kubectl shows it; the cluster's own refusal for a user who may
 * not patch Deployments; audit records; a CronJob's manual Job that KWOK runs.
 */
@LocalControlPlane
class WorkloadOpsIT {

  private static final String CLUSTER = "local";
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static Session admin;
  private static Path kubeconfig;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    kube = controlPlane.newAdminClient();
    kubeconfig = controlPlane.kubeconfig();
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"));
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

  @Test
  void rollbackToRevisionNRestoresExactlyThatPodTemplateAsKubectlShowsIt(TestNamespace namespace)
      throws Exception {
    String ns = namespace.name();
    Deployment web = Workloads.deployment("web", 2, Map.of());
    web.getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .setEnv(List.of(new EnvVar("MODE", "one", null)));
    web.getSpec().getTemplate().getMetadata().setAnnotations(Map.of("team", "shop"));
    kube.apps().deployments().inNamespace(ns).resource(web).create();
    awaitRevision(ns, "web", 1);

    // revision 2 and 3 through Kubeward: set image, then image and a restart
    Response image2 =
        admin.post(
            ops(ns, "deployments/web/image"),
            Map.of("container", "app", "image", "registry.example/app:2"));
    assertThat(image2.status()).as(image2.body()).isEqualTo(200);
    assertThat(image2.json().path("workload").path("images").path("app").asString())
        .isEqualTo("registry.example/app:2");
    assertThat(image2.json().path("auditId").asLong()).isPositive();
    awaitRevision(ns, "web", 2);
    Response image3 =
        admin.post(
            ops(ns, "deployments/web/image"),
            Map.of("images", Map.of("app", "registry.example/app:3@sha256:" + "a".repeat(64))));
    assertThat(image3.status()).as(image3.body()).isEqualTo(200);
    awaitRevision(ns, "web", 3);

    // kubectl's view of revision 1, taken before the rollback renumbers it
    JsonNode kubectlRevision1 =
        JSON.readTree(
            kubectl(
                "rollout", "history", "deployment/web", "-n", ns, "--revision=1", "-o", "json"));
    String rs1 = replicaSetOfRevision(ns, "web", 1);
    JsonNode kubectlRs1 = JSON.readTree(kubectl("get", "rs", rs1, "-n", ns, "-o", "json"));

    // Kubeward's history agrees: 3 revisions, newest first, 3 current, 1 held by rs1
    Response history = admin.get(ops(ns, "deployments/web/revisions"));
    assertThat(history.status()).as(history.body()).isEqualTo(200);
    assertThat(history.json().size()).isEqualTo(3);
    assertThat(history.json().get(0).path("revision").asLong()).isEqualTo(3);
    assertThat(history.json().get(0).path("current").asBoolean()).isTrue();
    assertThat(history.json().get(2).path("source").asString()).isEqualTo("ReplicaSet/" + rs1);
    assertThat(history.json().get(2).path("images").get(0).asString()).isEqualTo(Workloads.IMAGE);

    // the diff of two revisions, and a dry run that changes nothing
    Response diff = admin.get(ops(ns, "deployments/web/revisions/diff?from=1&to=3"));
    assertThat(diff.status()).as(diff.body()).isEqualTo(200);
    assertThat(diff.json().path("unified").asString())
        .containsPattern("(?m)^-\\s+image: " + Pattern.quote(Workloads.IMAGE) + "$")
        .doesNotContain("pod-template-hash");
    Response dry =
        admin.post(ops(ns, "deployments/web/rollback"), Map.of("revision", 1, "dryRun", true));
    assertThat(dry.status()).as(dry.body()).isEqualTo(200);
    assertThat(dry.json().path("dryRun").asBoolean()).isTrue();
    assertThat(dry.json().path("diff").path("unified").asString())
        .containsPattern("(?m)^\\+\\s+image: " + Pattern.quote(Workloads.IMAGE) + "$");
    assertThat(deployment(ns, "web").getMetadata().getAnnotations())
        .containsEntry("deployment.kubernetes.io/revision", "3");

    // the rollback
    Response rollback = admin.post(ops(ns, "deployments/web/rollback"), Map.of("revision", 1));
    assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);
    long auditId = rollback.json().path("auditId").asLong();
    assertThat(auditId).isPositive();
    awaitRevision(ns, "web", 4);

    // field by field: the Deployment's template as kubectl shows it == revision 1 as kubectl showed
    JsonNode liveDeployment =
        JSON.readTree(kubectl("get", "deployment", "web", "-n", ns, "-o", "json"));
    JsonNode liveTemplate = liveDeployment.path("spec").path("template");
    // kubectl 1.33 prints revision 1 as its whole ReplicaSet; older ones print the template alone
    JsonNode revisionTemplate =
        withoutHashLabel(
            "ReplicaSet".equals(kubectlRevision1.path("kind").asString())
                ? kubectlRevision1.path("spec").path("template")
                : kubectlRevision1.has("template")
                    ? kubectlRevision1.path("template")
                    : kubectlRevision1);
    assertThat(revisionTemplate.path("spec").path("containers").get(0).path("image").asString())
        .isEqualTo(Workloads.IMAGE);
    assertThat(differences("template", revisionTemplate, liveTemplate)).isEmpty();
    JsonNode rsTemplate = withoutHashLabel(kubectlRs1.path("spec").path("template"));
    assertThat(differences("template", rsTemplate, liveTemplate)).isEmpty();
    assertThat(liveTemplate.path("spec").path("containers").get(0).path("image").asString())
        .isEqualTo(Workloads.IMAGE);
    // the controller reused revision 1's ReplicaSet, now revision 4, and it runs the pods
    assertThat(replicaSetOfRevision(ns, "web", 4)).isEqualTo(rs1);
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              ReplicaSet rs = kube.apps().replicaSets().inNamespace(ns).withName(rs1).get();
              assertThat(rs.getStatus().getReadyReplicas()).isEqualTo(2);
            });

    // one audit record for the rollback, its diff the template change
    JsonNode audit = auditItems("workload.rollback", ns);
    assertThat(audit.size()).isEqualTo(1);
    assertThat(audit.get(0).path("sequence").asLong()).isEqualTo(auditId);
    assertThat(audit.get(0).path("result").asString()).isEqualTo("success");
    assertThat(audit.get(0).path("name").asString()).isEqualTo("web");
    assertThat(audit.get(0).path("diff").asString())
        .containsPattern("(?m)^\\+\\s+image: " + Pattern.quote(Workloads.IMAGE) + "$");
    assertThat(auditItems("workload.image", ns).size()).isEqualTo(2);
  }

  @Test
  void aUserWhoMayNotPatchDeploymentsGetsTheClustersRefusalAndNothingChanges(
      TestNamespace namespace) {
    String ns = namespace.name();
    kube.apps()
        .deployments()
        .inNamespace(ns)
        .resource(Workloads.deployment("locked", 1, Map.of()))
        .create();
    Session user =
        server.newUser(
            "ops-reader", List.of(Map.of("role", "operator", "cluster", CLUSTER, "namespace", ns)));
    // Kubeward lets an operator try; the cluster's RBAC says no: only reads remain bound
    String subject = "kubeward:ops-reader";
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
                        .withResources("deployments", "replicasets")
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
                .withName("ops-reader")
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", "deployments-reader")
                .addNewSubject()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("User")
                .withName(subject)
                .endSubject()
                .build())
        .create();

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Response denied =
                  user.post(ops(ns, "deployments/locked/scale"), Map.of("replicas", 5));
              assertThat(denied.status()).as(denied.body()).isEqualTo(403);
              assertThat(denied.problemCode()).isEqualTo("resource.forbidden");
              assertThat(denied.json().path("detail").asString())
                  .contains("cannot patch resource \"deployments\"");
            });
    Response restart = user.post(ops(ns, "deployments/locked/restart"), Map.of());
    assertThat(restart.status()).as(restart.body()).isEqualTo(403);
    assertThat(restart.json().path("detail").asString()).contains("patch");

    Deployment after = deployment(ns, "locked");
    assertThat(after.getSpec().getReplicas()).isEqualTo(1);
    assertThat(after.getMetadata().getGeneration()).isEqualTo(1);
    JsonNode audit = auditItems("workload.scale", ns);
    assertThat(audit.size()).isPositive();
    assertThat(audit.get(0).path("result").asString()).isEqualTo("failure");
    assertThat(audit.get(0).path("user").asString()).isEqualTo("ops-reader");
    assertThat(audit.get(0).path("error").asString()).contains("resource.forbidden");
  }

  @Test
  void scaleRestartPauseAndDeleteWithACascadeAreWhatTheApiserverThenHolds(TestNamespace namespace) {
    String ns = namespace.name();
    kube.apps()
        .deployments()
        .inNamespace(ns)
        .resource(Workloads.deployment("api", 1, Map.of()))
        .create();
    kube.autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(ns)
        .resource(
            new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withName("api")
                .endMetadata()
                .withNewSpec()
                .withNewScaleTargetRef("apps/v1", "Deployment", "api")
                .withMinReplicas(1)
                .withMaxReplicas(4)
                .endSpec()
                .build())
        .create();
    awaitRevision(ns, "api", 1);

    // out of bounds: refused before the cluster is asked
    Response tooMany = admin.post(ops(ns, "deployments/api/scale"), Map.of("replicas", 10_001));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.problemCode()).isEqualTo("workload.invalid");
    assertThat(tooMany.json().path("detail").asString()).contains("10000", "Nothing was changed");
    Response tooManyZh =
        admin.send(
            "POST",
            ops(ns, "deployments/api/scale"),
            Map.of("replicas", -1),
            Map.of("Accept-Language", "zh-CN"));
    assertThat(tooManyZh.json().path("title").asString()).isEqualTo("工作负载操作无效");
    assertThat(tooManyZh.json().path("detail").asString()).contains("未做任何更改");
    Response badImage =
        admin.post(
            ops(ns, "deployments/api/image"), Map.of("container", "app", "image", "Bad Image"));
    assertThat(badImage.status()).isEqualTo(400);
    Response noSuchContainer =
        admin.post(ops(ns, "deployments/api/image"), Map.of("container", "db", "image", "db:1"));
    assertThat(noSuchContainer.status()).isEqualTo(400);
    assertThat(noSuchContainer.json().path("detail").asString()).contains("db");

    // scale: the answer warns about the HPA once the cache has it
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Response scaled = admin.post(ops(ns, "deployments/api/scale"), Map.of("replicas", 3));
              assertThat(scaled.status()).as(scaled.body()).isEqualTo(200);
              assertThat(scaled.json().path("workload").path("replicas").asInt()).isEqualTo(3);
              assertThat(scaled.json().path("warnings").get(0).path("code").asString())
                  .isEqualTo("hpa-managed");
            });
    assertThat(deployment(ns, "api").getSpec().getReplicas()).isEqualTo(3);

    Response restarted = admin.post(ops(ns, "deployments/api/restart"), Map.of());
    assertThat(restarted.status()).as(restarted.body()).isEqualTo(200);
    assertThat(
            deployment(ns, "api")
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get("kubectl.kubernetes.io/restartedAt"))
        .isEqualTo(restarted.json().path("workload").path("restartedAt").asString())
        .isNotBlank();

    assertThat(admin.post(ops(ns, "deployments/api/pause"), Map.of()).status()).isEqualTo(200);
    assertThat(deployment(ns, "api").getSpec().getPaused()).isTrue();
    Response refused = admin.post(ops(ns, "deployments/api/rollback"), Map.of("revision", 1));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("detail").asString()).contains("resume");
    assertThat(admin.post(ops(ns, "deployments/api/resume"), Map.of()).status()).isEqualTo(200);
    // false is the default, which the apiserver does not store
    assertThat(deployment(ns, "api").getSpec().getPaused()).isNotEqualTo(Boolean.TRUE);
    assertThat(admin.post(ops(ns, "daemonsets/api/scale"), Map.of("replicas", 1)).problemCode())
        .isEqualTo("workload.unsupported");

    // delete, orphaning the ReplicaSets: they stay, without an owner
    Response deleted = admin.delete(ops(ns, "deployments/api?cascade=orphan"));
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    assertThat(deleted.json().path("auditId").asLong()).isPositive();
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              assertThat(kube.apps().deployments().inNamespace(ns).withName("api").get()).isNull();
              List<ReplicaSet> left = kube.apps().replicaSets().inNamespace(ns).list().getItems();
              assertThat(left).isNotEmpty();
              assertThat(left)
                  .allSatisfy(rs -> assertThat(rs.getMetadata().getOwnerReferences()).isEmpty());
            });
    assertThat(auditItems("delete", ns).get(0).path("diff").asString()).contains("orphan");
  }

  @Test
  void aTriggeredCronJobRunsAJobAndSuspendIsKept(TestNamespace namespace) {
    String ns = namespace.name();
    kube.batch()
        .v1()
        .cronjobs()
        .inNamespace(ns)
        .resource(
            new CronJobBuilder()
                .withNewMetadata()
                .withName("report")
                .endMetadata()
                .withNewSpec()
                .withSchedule("0 0 1 1 *")
                .withSuspend(true)
                .withNewJobTemplate()
                .withNewMetadata()
                .addToLabels("team", "shop")
                .endMetadata()
                .withNewSpec()
                .withNewTemplate()
                .withNewSpec()
                .withRestartPolicy("Never")
                .addNewContainer()
                .withName("report")
                .withImage("registry.example/report:1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .endJobTemplate()
                .endSpec()
                .build())
        .create();

    Response first = admin.post(ops(ns, "cronjobs/report/trigger"), Map.of());
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().path("job").path("name").asString()).isEqualTo("report-manual-1");
    Response second = admin.post(ops(ns, "cronjobs/report/trigger"), Map.of());
    assertThat(second.json().path("job").path("name").asString()).isEqualTo("report-manual-2");

    Job job = kube.batch().v1().jobs().inNamespace(ns).withName("report-manual-1").get();
    assertThat(job.getMetadata().getAnnotations())
        .containsEntry("cronjob.kubernetes.io/instantiate", "manual");
    assertThat(job.getMetadata().getLabels()).containsEntry("team", "shop");
    assertThat(job.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            owner -> {
              assertThat(owner.getKind()).isEqualTo("CronJob");
              assertThat(owner.getName()).isEqualTo("report");
              assertThat(owner.getController()).isTrue();
            });
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(
                        kube.batch()
                            .v1()
                            .jobs()
                            .inNamespace(ns)
                            .withName("report-manual-1")
                            .get()
                            .getStatus()
                            .getSucceeded())
                    .isEqualTo(1));

    Response resumed = admin.post(ops(ns, "cronjobs/report/resume"), Map.of());
    assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
    assertThat(resumed.json().path("workload").path("suspended").asBoolean()).isFalse();
    assertThat(
            kube.batch()
                .v1()
                .cronjobs()
                .inNamespace(ns)
                .withName("report")
                .get()
                .getSpec()
                .getSuspend())
        .isFalse();
    assertThat(admin.post(ops(ns, "cronjobs/report/suspend"), Map.of()).status()).isEqualTo(200);
    assertThat(
            kube.batch()
                .v1()
                .cronjobs()
                .inNamespace(ns)
                .withName("report")
                .get()
                .getSpec()
                .getSuspend())
        .isTrue();
    assertThat(auditItems("cronjob.trigger", ns).size()).isEqualTo(2);
  }

  @Test
  void aStatefulSetRollsBackToItsControllerRevisionAsKubectlWould(TestNamespace namespace)
      throws Exception {
    String ns = namespace.name();
    kube.apps()
        .statefulSets()
        .inNamespace(ns)
        .resource(
            new StatefulSetBuilder()
                .withNewMetadata()
                .withName("db")
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withServiceName("db")
                .withNewSelector()
                .addToMatchLabels("app", "db")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "db")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("db")
                .withImage("registry.example/db:1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    awaitControllerRevisions(ns, 1);
    Response image =
        admin.post(
            ops(ns, "statefulsets/db/image"),
            Map.of("container", "db", "image", "registry.example/db:2"));
    assertThat(image.status()).as(image.body()).isEqualTo(200);
    awaitControllerRevisions(ns, 2);

    Response history = admin.get(ops(ns, "statefulsets/db/revisions"));
    assertThat(history.status()).as(history.body()).isEqualTo(200);
    assertThat(history.json().get(0).path("revision").asLong()).isEqualTo(2);
    assertThat(history.json().get(0).path("current").asBoolean()).isTrue();
    String revision1 =
        history.json().get(1).path("source").asString().substring("ControllerRevision/".length());
    JsonNode kubectlRevision1 =
        JSON.readTree(kubectl("get", "controllerrevision", revision1, "-n", ns, "-o", "json"));

    Response rollback = admin.post(ops(ns, "statefulsets/db/rollback"), Map.of("revision", 1));
    assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);
    assertThat(rollback.json().path("workload").path("images").path("db").asString())
        .isEqualTo("registry.example/db:1");

    JsonNode stored = kubectlRevision1.path("data").path("spec").path("template").deepCopy();
    ((tools.jackson.databind.node.ObjectNode) stored).remove("$patch");
    JsonNode live =
        JSON.readTree(kubectl("get", "statefulset", "db", "-n", ns, "-o", "json"))
            .path("spec")
            .path("template");
    assertThat(differences("template", stored, live)).isEmpty();
    assertThat(auditItems("workload.rollback", ns).get(0).path("kind").asString())
        .isEqualTo("StatefulSet");
  }

  // --- helpers

  private static String ops(String ns, String rest) {
    return "/api/v1/clusters/" + CLUSTER + "/namespaces/" + ns + "/workloads/" + rest;
  }

  private static Deployment deployment(String ns, String name) {
    return kube.apps().deployments().inNamespace(ns).withName(name).get();
  }

  private static JsonNode auditItems(String verb, String ns) {
    Response page = admin.get("/api/v1/audit?limit=100&verb=" + verb + "&namespace=" + ns);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.json().get("items");
  }

  /** Waits until the Deployment is at {@code revision} and its ReplicaSet for it exists. */
  private static void awaitRevision(String ns, String name, int revision) {
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Deployment d = deployment(ns, name);
              assertThat(d.getMetadata().getAnnotations())
                  .containsEntry("deployment.kubernetes.io/revision", String.valueOf(revision));
              assertThat(d.getStatus().getObservedGeneration())
                  .isEqualTo(d.getMetadata().getGeneration());
              assertThat(replicaSetOfRevision(ns, name, revision)).isNotNull();
            });
  }

  private static String replicaSetOfRevision(String ns, String deployment, int revision) {
    return kube
        .apps()
        .replicaSets()
        .inNamespace(ns)
        .withLabel("app", deployment)
        .list()
        .getItems()
        .stream()
        .filter(
            rs ->
                String.valueOf(revision)
                    .equals(
                        rs.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision")))
        .map(rs -> rs.getMetadata().getName())
        .findFirst()
        .orElse(null);
  }

  private static JsonNode withoutHashLabel(JsonNode template) {
    JsonNode copy = template.deepCopy();
    if (copy.path("metadata").path("labels") instanceof tools.jackson.databind.node.ObjectNode l) {
      l.remove("pod-template-hash");
    }
    return copy;
  }

  /** Every path where the two JSON trees differ (missing on one side, or another value). */
  static List<String> differences(String path, JsonNode expected, JsonNode actual) {
    List<String> found = new ArrayList<>();
    if (expected.isObject() && actual.isObject()) {
      Set<String> names = new TreeSet<>(expected.propertyNames());
      names.addAll(actual.propertyNames());
      for (String name : names) {
        found.addAll(differences(path + "." + name, expected.path(name), actual.path(name)));
      }
    } else if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        found.add(path + ": " + expected.size() + " items vs " + actual.size());
      } else {
        for (int i = 0; i < expected.size(); i++) {
          found.addAll(differences(path + "[" + i + "]", expected.get(i), actual.get(i)));
        }
      }
    } else if (absent(expected) && absent(actual)) {
      // null and missing are the same field to the apiserver (creationTimestamp: null)
    } else if (!expected.equals(actual)) {
      found.add(path + ": " + expected + " vs " + actual);
    }
    return found;
  }

  private static void awaitControllerRevisions(String ns, int count) {
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(
                        kube.apps()
                            .controllerRevisions()
                            .inNamespace(ns)
                            .withLabel("app", "db")
                            .list()
                            .getItems())
                    .hasSize(count));
  }

  private static boolean absent(JsonNode node) {
    return node.isMissingNode() || node.isNull();
  }

  private static String kubectl(String... args) {
    return new io.kubeward.testkit.Kubectl(kubeconfig, dir).run(args);
  }
}
