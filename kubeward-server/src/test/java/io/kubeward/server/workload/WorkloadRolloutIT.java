package io.kubeward.server.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.EventStream;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Workload pages and rollout tracking through the REST API, on workloads of the local control plane
 * (KWOK runs their pods): a Deployment rollout that completes, followed live; one stuck on an image
 * that cannot be pulled, with the reason on the new pod; a StatefulSet that rolls out and then is
 * stuck after {@code kubeward.workloads.stuck-after} without progress; and a user who may not list
 * Deployments there.
 */
@LocalControlPlane
class WorkloadRolloutIT {

  private static final String CLUSTER = "local";
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static Session admin;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    kube = controlPlane.newAdminClient();
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.workloads.stuck-after=5s",
            "--kubeward.security.login.max-failures-per-address=1000");
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

  private static String path(String namespace, String plural, String name, String suffix) {
    return "/api/v1/clusters/"
        + CLUSTER
        + "/namespaces/"
        + namespace
        + "/workloads/"
        + plural
        + "/"
        + name
        + suffix;
  }

  /** The testkit's Deployment (2 pods, container {@code app}) with this image, deadline 8 s. */
  private static Deployment deployment(String name, String image) {
    Deployment deployment = Workloads.deployment(name, 2, Map.of());
    deployment.getSpec().setProgressDeadlineSeconds(8);
    deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().setImage(image);
    return deployment;
  }

  private static JsonNode rollout(String namespace, String plural, String name) {
    RunningServer.Response response = admin.get(path(namespace, plural, name, "/rollout"));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  @Test
  void aDeploymentRolloutCompletesAndThePageShowsWhatBelongsToIt(TestNamespace namespace) {
    String ns = namespace.name();
    kube.apps().deployments().inNamespace(ns).resource(deployment("web", "example/web:1")).create();
    kube.services()
        .inNamespace(ns)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .addToSelector("app", "web")
                .addNewPort()
                .withPort(80)
                .withTargetPort(new IntOrString(8080))
                .endPort()
                .endSpec()
                .build())
        .create();
    kube.services()
        .inNamespace(ns)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("other")
                .endMetadata()
                .withNewSpec()
                .addToSelector("app", "other")
                .addNewPort()
                .withPort(80)
                .endPort()
                .endSpec()
                .build())
        .create();
    kube.network()
        .v1()
        .ingresses()
        .inNamespace(ns)
        .resource(
            new IngressBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .addNewRule()
                .withHost("shop.example")
                .withNewHttp()
                .addNewPath()
                .withPath("/")
                .withPathType("Prefix")
                .withNewBackend()
                .withNewService()
                .withName("web")
                .withNewPort()
                .withNumber(80)
                .endPort()
                .endService()
                .endBackend()
                .endPath()
                .endHttp()
                .endRule()
                .endSpec()
                .build())
        .create();
    kube.policy()
        .v1()
        .podDisruptionBudget()
        .inNamespace(ns)
        .resource(
            new PodDisruptionBudgetBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withMinAvailable(new IntOrString(1))
                .withNewSelector()
                .addToMatchLabels("app", "web")
                .endSelector()
                .endSpec()
                .build())
        .create();
    kube.autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(ns)
        .resource(
            new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withNewScaleTargetRef()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName("web")
                .endScaleTargetRef()
                .withMinReplicas(2)
                .withMaxReplicas(4)
                .endSpec()
                .build())
        .create();

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode status = rollout(ns, "deployments", "web");
              assertThat(status.get("phase").asString()).isEqualTo("COMPLETE");
              assertThat(status.get("reason").asString()).isEqualTo("Complete");
              assertThat(status.get("revision").asString()).isEqualTo("1");
              assertThat(status.get("available").asInt()).isEqualTo(2);
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode detail = admin.get(path(ns, "deployments", "web", "")).json();
              assertThat(detail.get("kind").asString()).isEqualTo("DEPLOYMENT");
              assertThat(detail.get("desired").asInt()).isEqualTo(2);
              assertThat(detail.get("images").get(0).get("container").asString()).isEqualTo("app");
              assertThat(detail.get("images").get(0).get("image").asString())
                  .isEqualTo("example/web:1");
              assertThat(names(detail.get("services"))).containsExactly("web");
              assertThat(names(detail.get("ingresses"))).containsExactly("web");
              assertThat(detail.get("ingresses").get(0).get("summary").asString())
                  .contains("shop.example/", "web:80");
              assertThat(names(detail.get("disruptionBudgets"))).containsExactly("web");
              assertThat(names(detail.get("autoscalers"))).containsExactly("web");
              assertThat(detail.get("owned")).hasSize(1);
              assertThat(detail.get("owned").get(0).get("kind").asString()).isEqualTo("ReplicaSet");
              assertThat(detail.get("owned").get(0).get("current").asBoolean()).isTrue();
              assertThat(detail.get("pods")).hasSize(2);
              assertThat(detail.get("pods").get(0).get("current").asBoolean()).isTrue();
              assertThat(detail.get("rollout").get("phase").asString()).isEqualTo("COMPLETE");
            });

    // A new image: once the cache shows the new revision, followed live until the rollout settles.
    kube.apps()
        .deployments()
        .inNamespace(ns)
        .withName("web")
        .edit(
            d -> {
              d.getSpec()
                  .getTemplate()
                  .getSpec()
                  .getContainers()
                  .getFirst()
                  .setImage("example/web:2");
              return d;
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              JsonNode status = rollout(ns, "deployments", "web");
              return "2".equals(status.get("revision").asString())
                  || !"COMPLETE".equals(status.get("phase").asString());
            });
    try (EventStream stream = admin.stream(path(ns, "deployments", "web", "/rollout/stream"))) {
      assertThat(stream.status()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(60)).until(stream::ended);
      List<JsonNode> events = rolloutEvents(stream.lines());
      assertThat(events).isNotEmpty();
      JsonNode last = events.getLast();
      assertThat(last.get("phase").asString()).isEqualTo("COMPLETE");
      assertThat(last.get("revision").asString()).isEqualTo("2");
      assertThat(last.get("updated").asInt()).isEqualTo(2);
    }
    JsonNode detail = admin.get(path(ns, "deployments", "web", "")).json();
    assertThat(detail.get("images").get(0).get("image").asString()).isEqualTo("example/web:2");
    assertThat(detail.get("owned")).hasSize(2);
    assertThat(detail.get("owned").get(0).get("revision").asString()).isEqualTo("2");
    assertThat(detail.get("owned").get(0).get("current").asBoolean()).isTrue();
  }

  @Test
  void aRolloutOnAnImageThatCannotBePulledIsStuckAndSaysWhy(TestNamespace namespace) {
    String ns = namespace.name();
    kube.apps().deployments().inNamespace(ns).resource(deployment("api", "example/api:1")).create();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "COMPLETE".equals(rollout(ns, "deployments", "api").get("phase").asString()));

    kube.apps()
        .deployments()
        .inNamespace(ns)
        .withName("api")
        .edit(
            d -> {
              d.getSpec()
                  .getTemplate()
                  .getMetadata()
                  .getLabels()
                  .put(ControlPlane.SIMULATE_LABEL, "ImagePullBackOff");
              d.getSpec()
                  .getTemplate()
                  .getSpec()
                  .getContainers()
                  .getFirst()
                  .setImage("example/api:missing");
              return d;
            });

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode status = rollout(ns, "deployments", "api");
              assertThat(status.get("phase").asString()).isEqualTo("STUCK");
              assertThat(status.get("reason").asString()).isEqualTo("ProgressDeadlineExceeded");
              assertThat(status.get("revision").asString()).isEqualTo("2");
              assertThat(status.get("message").asString()).contains("progress");
              JsonNode pod = status.get("notReady").get(0);
              assertThat(pod.get("problem").asString()).isEqualTo("ImagePullBackOff");
              assertThat(pod.get("reason").asString()).isEqualTo("ImagePullBackOff");
              assertThat(pod.get("name").asString()).startsWith("api-");
            });
    // the old pods keep serving: they are not in the list
    JsonNode detail = admin.get(path(ns, "deployments", "api", "")).json();
    long oldReady = 0;
    for (JsonNode pod : detail.get("pods")) {
      if (!pod.get("current").asBoolean()) {
        assertThat(pod.get("ready").asString()).isEqualTo("1/1");
        oldReady++;
      }
    }
    assertThat(oldReady).isEqualTo(2);
  }

  @Test
  void aStatefulSetRollsOutAndIsStuckWithoutProgress(TestNamespace namespace) {
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
                .withReplicas(2)
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
                .withImage("example/db:1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              JsonNode status = rollout(ns, "statefulsets", "db");
              assertThat(status.get("phase").asString()).isEqualTo("COMPLETE");
              assertThat(status.get("ready").asInt()).isEqualTo(2);
            });

    kube.apps()
        .statefulSets()
        .inNamespace(ns)
        .withName("db")
        .edit(
            s -> {
              s.getSpec()
                  .getTemplate()
                  .getMetadata()
                  .getLabels()
                  .put(ControlPlane.SIMULATE_LABEL, "ImagePullBackOff");
              s.getSpec()
                  .getTemplate()
                  .getSpec()
                  .getContainers()
                  .getFirst()
                  .setImage("example/db:missing");
              return s;
            });
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode status = rollout(ns, "statefulsets", "db");
              assertThat(status.get("phase").asString()).isEqualTo("STUCK");
              assertThat(status.get("reason").asString()).isEqualTo("NoProgress");
              JsonNode pod = status.get("notReady").get(0);
              assertThat(pod.get("name").asString()).isEqualTo("db-1");
              assertThat(pod.get("problem").asString()).isEqualTo("ImagePullBackOff");
            });
    JsonNode detail = admin.get(path(ns, "statefulsets", "db", "")).json();
    assertThat(detail.get("images").get(0).get("image").asString()).isEqualTo("example/db:missing");
    assertThat(detail.get("pods")).hasSize(2);
  }

  @Test
  void aDaemonSetRollsOutToEveryNodeAndItsPodsBelongToTheCurrentGeneration(
      TestNamespace namespace) {
    String ns = namespace.name();
    kube.apps()
        .daemonSets()
        .inNamespace(ns)
        .resource(
            new io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder()
                .withNewMetadata()
                .withName("agent")
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .addToMatchLabels("app", "agent")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "agent")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("agent")
                .withImage("example/agent:1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    kube.apps()
        .daemonSets()
        .inNamespace(ns)
        .withName("agent")
        .edit(
            d -> {
              d.getSpec()
                  .getTemplate()
                  .getSpec()
                  .getContainers()
                  .getFirst()
                  .setImage("example/agent:2");
              return d;
            });
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () -> {
              JsonNode status = rollout(ns, "daemonsets", "agent");
              assertThat(status.get("phase").asString()).isEqualTo("COMPLETE");
              assertThat(status.get("revision").asString()).isEqualTo("2");
              assertThat(status.get("desired").asInt()).isPositive();
              JsonNode detail = admin.get(path(ns, "daemonsets", "agent", "")).json();
              assertThat(detail.get("pods")).hasSize(status.get("desired").asInt());
              for (JsonNode pod : detail.get("pods")) {
                assertThat(pod.get("current").asBoolean()).as(pod.toString()).isTrue();
                assertThat(pod.get("revision").asString()).isEqualTo("2");
              }
            });
  }

  @Test
  void aJobCompletesAndACronJobShowsItsScheduleButHasNoRollout(TestNamespace namespace) {
    String ns = namespace.name();
    kube.batch()
        .v1()
        .jobs()
        .inNamespace(ns)
        .resource(
            new io.fabric8.kubernetes.api.model.batch.v1.JobBuilder()
                .withNewMetadata()
                .withName("report")
                .endMetadata()
                .withNewSpec()
                .withCompletions(2)
                .withNewTemplate()
                .withNewSpec()
                .withRestartPolicy("Never")
                .addNewContainer()
                .withName("report")
                .withImage("example/report:1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              JsonNode status = rollout(ns, "jobs", "report");
              assertThat(status.get("phase").asString()).isEqualTo("COMPLETE");
              JsonNode detail = admin.get(path(ns, "jobs", "report", "")).json();
              assertThat(detail.get("job").get("succeeded").asInt()).isEqualTo(2);
              assertThat(detail.get("job").get("completions").asInt()).isEqualTo(2);
              assertThat(detail.get("conditions").get(0).get("type").asString())
                  .isEqualTo("Complete");
              assertThat(detail.get("images").get(0).get("image").asString())
                  .isEqualTo("example/report:1");
            });

    kube.batch()
        .v1()
        .cronjobs()
        .inNamespace(ns)
        .resource(
            new io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder()
                .withNewMetadata()
                .withName("nightly")
                .endMetadata()
                .withNewSpec()
                .withSchedule("0 3 * * *")
                .withSuspend(true)
                .withNewJobTemplate()
                .withNewSpec()
                .withNewTemplate()
                .withNewSpec()
                .withRestartPolicy("Never")
                .addNewContainer()
                .withName("backup")
                .withImage("example/backup:1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .endJobTemplate()
                .endSpec()
                .build())
        .create();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              RunningServer.Response response = admin.get(path(ns, "cronjobs", "nightly", ""));
              assertThat(response.status()).as(response.body()).isEqualTo(200);
              JsonNode detail = response.json();
              assertThat(detail.get("cronJob").get("schedule").asString()).isEqualTo("0 3 * * *");
              assertThat(detail.get("cronJob").get("suspended").asBoolean()).isTrue();
              assertThat(detail.path("rollout").isMissingNode() || detail.path("rollout").isNull())
                  .isTrue();
              assertThat(detail.get("images").get(0).get("image").asString())
                  .isEqualTo("example/backup:1");
            });
    RunningServer.Response noRollout = admin.get(path(ns, "cronjobs", "nightly", "/rollout"));
    assertThat(noRollout.status()).isEqualTo(400);
    assertThat(noRollout.problemCode()).isEqualTo("workload.no-rollout");
  }

  @Test
  void aUserWhoMayNotListTheKindThereIsRefusedAndUnknownThingsAreNotFound(TestNamespace namespace) {
    String ns = namespace.name();
    kube.apps()
        .deployments()
        .inNamespace(ns)
        .resource(deployment("private", "example/p:1"))
        .create();
    Session stranger =
        server.newUser(
            "stranger-" + Integer.toString(ns.hashCode() & 0xffff, 36),
            List.of(Map.of("role", "viewer", "cluster", CLUSTER, "namespace", "kube-public")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> admin.get(path(ns, "deployments", "private", "")).status() == 200);
    RunningServer.Response refused = stranger.get(path(ns, "deployments", "private", ""));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(stranger.get(path(ns, "deployments", "private", "/rollout")).status())
        .isEqualTo(403);

    RunningServer.Response missing = admin.get(path(ns, "deployments", "nothing", ""));
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.problemCode()).isEqualTo("workload.not-found");
    assertThat(admin.get(path(ns, "gadgets", "x", "")).problemCode())
        .isEqualTo("workload.unknown-kind");
  }

  private static List<String> names(JsonNode items) {
    List<String> names = new ArrayList<>();
    items.forEach(item -> names.add(item.get("name").asString()));
    return names;
  }

  /** The data of each {@code event: rollout} of an SSE stream. */
  private static List<JsonNode> rolloutEvents(List<String> lines) {
    List<JsonNode> events = new ArrayList<>();
    String event = null;
    for (String line : lines) {
      if (line.startsWith("event:")) {
        event = line.substring(6).trim();
      } else if (line.startsWith("data:") && "rollout".equals(event)) {
        events.add(JSON.readTree(line.substring(5).trim()));
      } else if (line.isEmpty()) {
        event = null;
      }
    }
    return events;
  }
}
