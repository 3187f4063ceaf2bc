package io.kubeward.server.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.Conflicts;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What-if answers checked against the real kube-scheduler: KWOK nodes with varied capacity, taints,
 * labels and zones; the API is asked first, then the pods are really created (scale, drain, new
 * requests) and the placement kube-scheduler made — or the pods it left Pending as Unschedulable —
 * must equal the prediction. The nodes carry a taint of this run that only this test's pods
 * tolerate, and the pods select a label of this run, so other ITs neither land here nor count.
 */
@LocalControlPlane
class WhatIfIT {

  private static final String CLUSTER = "local";
  private static final String RUN_LABEL = "capacity-it/run";
  private static final String RUN_TAINT = "capacity-it/run";
  private static final String POOL_LABEL = "kubeward.io/pool";

  @TempDir static Path dir;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static Session admin;
  private static String run;
  private static String spreadRun;
  private static final List<String> nodes = new ArrayList<>();

  /**
   * Node names of this run: one-CPU nodes in zones a, b, b, a big gpu-tainted one, a big cordoned
   * one.
   */
  private static String n(String suffix) {
    return "capit-" + run + "-" + suffix;
  }

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    run = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    kube = controlPlane.newAdminClient();
    createNode(n("1"), "za", "1", false);
    createNode(n("2"), "zb", "1", false);
    createNode(n("5"), "zb", "1", false);
    createNode(
        n("3"),
        "zc",
        "4",
        false,
        new TaintBuilder().withKey("dedicated").withValue("gpu").withEffect("NoSchedule").build());
    createNode(n("6"), "zc", "4", true);
    spreadRun = run + "s";
    createNode(spreadRun, n("s1"), "za", "4", false);
    createNode(spreadRun, n("s2"), "za", "4", false);
    createNode(spreadRun, n("s5"), "za", "4", false);
    createNode(spreadRun, n("s3"), "zb", "4", false);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                nodes.stream()
                    .allMatch(
                        name -> {
                          Node node = kube.nodes().withName(name).get();
                          return node != null
                              && node.getStatus().getConditions() != null
                              && node.getStatus().getConditions().stream()
                                  .anyMatch(
                                      c ->
                                          "Ready".equals(c.getType())
                                              && "True".equals(c.getStatus()));
                        }));
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.security.login.max-failures-per-address=1000");
    admin = server.admin();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                pool("capit-" + run).path("nodeNames").size() == 5
                    && pool("capit-" + spreadRun).path("nodeNames").size() == 4);
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      nodes.forEach(name -> kube.nodes().withName(name).delete());
      kube.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void predictionsEqualWhatKubeSchedulerDoes(TestNamespace namespace) {
    String ns = namespace.name();
    kube.apps().deployments().inNamespace(ns).resource(web(ns, "600m", 0)).create();

    // 1. capacity of the pool: 11 CPUs allocatable, 10 % headroom
    JsonNode pool = pool();
    assertThat(pool.path("cpu").path("allocatable").asLong()).isEqualTo(11_000);
    assertThat(pool.path("cpu").path("headroom").asLong()).isEqualTo(1_100);

    // 2. four more replicas: one per one-CPU node, the fourth fits nowhere
    JsonNode replicas = whatIf(ns, "question=replicas&kind=Deployment&name=web&replicas=4");
    assertThat(replicas.path("fitting").asInt()).isEqualTo(3);
    Set<String> predicted = new HashSet<>();
    String unfitExplanation = null;
    for (JsonNode p : replicas.path("placements")) {
      if (p.path("node").isNull() || p.path("node").isMissingNode()) {
        unfitExplanation = p.path("explanation").asString();
        // other ITs' nodes add their own reasons (node affinity, cordons, their taints)
        Map<String, Integer> reasons = reasons(p);
        assertThat(reasons)
            .containsEntry("insufficient-cpu", 3)
            .containsEntry("untolerated-taint dedicated=gpu:NoSchedule", 1);
        assertThat(reasons.get("node-unschedulable")).isGreaterThanOrEqualTo(1);
      } else {
        predicted.add(p.path("node").asString());
      }
    }
    assertThat(predicted).containsExactlyInAnyOrder(n("1"), n("2"), n("5"));
    assertThat(unfitExplanation).contains("3 nodes: insufficient cpu").contains("dedicated=gpu");

    scale(ns, 4);
    await()
        .atMost(Duration.ofMinutes(3))
        .untilAsserted(
            () -> {
              List<Pod> pods = pods(ns);
              assertThat(pods).hasSize(4);
              assertThat(scheduledNodes(pods)).containsExactlyInAnyOrderElementsOf(predicted);
              assertThat(pods.stream().filter(WhatIfIT::unschedulable).count()).isEqualTo(1);
            });

    // 3. drain the node of one of two replicas: its pod goes to the one free one-CPU node
    scale(ns, 2);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(pods(ns)).hasSize(2).allMatch(p -> p.getSpec().getNodeName() != null);
              assertThat(pool().path("cpu").path("requested").asLong()).isEqualTo(1_200);
            });
    List<String> occupied = scheduledNodes(pods(ns));
    String drained = occupied.getFirst();
    Set<String> free = new HashSet<>(Set.of(n("1"), n("2"), n("5")));
    free.removeAll(occupied);
    JsonNode drain = whatIf(ns, "question=drain&node=" + drained);
    assertThat(drain.path("drained").get(0).asString()).isEqualTo(drained);
    assertThat(drain.path("pods").asInt()).isEqualTo(1);
    String predictedTarget = drain.path("placements").get(0).path("node").asString();
    assertThat(predictedTarget).isEqualTo(free.iterator().next());

    Conflicts.retry(
        () ->
            kube.nodes()
                .withName(drained)
                .edit(
                    node -> {
                      node.getSpec().setUnschedulable(true);
                      return node;
                    }));
    pods(ns).stream()
        .filter(p -> drained.equals(p.getSpec().getNodeName()))
        .forEach(p -> kube.pods().inNamespace(ns).withName(p.getMetadata().getName()).delete());
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(scheduledNodes(pods(ns)))
                    .containsExactlyInAnyOrder(occupied.get(1), predictedTarget));

    // 4. other requests: 1500m fits only the big untainted node once it is uncordoned
    Conflicts.retry(
        () ->
            kube.nodes()
                .withName(n("6"))
                .edit(
                    node -> {
                      node.getSpec().setUnschedulable(false);
                      return node;
                    }));
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode requests = whatIf(ns, "question=requests&name=web&cpu=1500m");
              assertThat(requests.path("pods").asInt()).isEqualTo(2);
              assertThat(requests.path("fitting").asInt()).isEqualTo(2);
              assertThat(requests.path("placements"))
                  .allMatch(p -> n("6").equals(p.path("node").asString()));
            });
    Conflicts.retry(
        () ->
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
                          .getResources()
                          .getRequests()
                          .put("cpu", new Quantity("1500m"));
                      return d;
                    }));
    await()
        .atMost(Duration.ofMinutes(3))
        .untilAsserted(
            () -> {
              List<Pod> pods = pods(ns);
              assertThat(pods).hasSize(2);
              assertThat(pods)
                  .allMatch(
                      p ->
                          "1500m"
                              .equals(
                                  p.getSpec()
                                      .getContainers()
                                      .getFirst()
                                      .getResources()
                                      .getRequests()
                                      .get("cpu")
                                      .toString()));
              assertThat(scheduledNodes(pods)).containsOnly(n("6"));
            });
  }

  @Test
  void zoneSpreadAndAntiAffinityLeaveTheSamePodPendingForTheSameReasons(TestNamespace namespace) {
    String ns = namespace.name();
    Deployment api = web(ns, "api", spreadRun, "100m", 0);
    var selector =
        new io.fabric8.kubernetes.api.model.LabelSelectorBuilder()
            .addToMatchLabels("app", "api")
            .build();
    var podSpec = api.getSpec().getTemplate().getSpec();
    podSpec.setTopologySpreadConstraints(
        List.of(
            new io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder()
                .withMaxSkew(1)
                .withTopologyKey("topology.kubernetes.io/zone")
                .withWhenUnsatisfiable("DoNotSchedule")
                .withLabelSelector(selector)
                .build()));
    podSpec.setAffinity(
        new io.fabric8.kubernetes.api.model.AffinityBuilder()
            .withNewPodAntiAffinity()
            .addNewRequiredDuringSchedulingIgnoredDuringExecution()
            .withTopologyKey("kubernetes.io/hostname")
            .withLabelSelector(selector)
            .endRequiredDuringSchedulingIgnoredDuringExecution()
            .endPodAntiAffinity()
            .build());
    kube.apps().deployments().inNamespace(ns).resource(api).create();

    // zone a has three nodes, zone b one: skew 1 allows two in a and one in b; the fourth pod is
    // kept out of a by the spread and out of b's only node by the anti-affinity
    JsonNode answer = whatIf(ns, "question=replicas&kind=Deployment&name=api&replicas=4");
    assertThat(answer.path("fitting").asInt()).isEqualTo(3);
    Map<String, Integer> predictedZones = new HashMap<>();
    Map<String, Integer> reasons = Map.of();
    for (JsonNode p : answer.path("placements")) {
      if (p.path("node").isString()) {
        predictedZones.merge(zoneOf(p.path("node").asString()), 1, Integer::sum);
      } else {
        reasons = reasons(p);
      }
    }
    assertThat(predictedZones).isEqualTo(Map.of("za-" + spreadRun, 2, "zb-" + spreadRun, 1));
    assertThat(reasons)
        .containsEntry("topology-spread topology.kubernetes.io/zone", 3)
        .containsEntry("pod-anti-affinity kubernetes.io/hostname", 1);

    kube.apps().deployments().inNamespace(ns).withName("api").scale(4);
    int spread = reasons.get("topology-spread topology.kubernetes.io/zone");
    int anti = reasons.get("pod-anti-affinity kubernetes.io/hostname");
    await()
        .atMost(Duration.ofMinutes(3))
        .untilAsserted(
            () -> {
              List<Pod> pods = pods(ns, "api");
              assertThat(pods).hasSize(4);
              Map<String, Integer> zones = new HashMap<>();
              for (String node : scheduledNodes(pods)) {
                zones.merge(zoneOf(node), 1, Integer::sum);
              }
              assertThat(zones).isEqualTo(predictedZones);
              Pod pending = pods.stream().filter(WhatIfIT::unschedulable).findFirst().orElse(null);
              assertThat(pending).as("a pod kube-scheduler found unschedulable").isNotNull();
              String message =
                  pending.getStatus().getConditions().stream()
                      .filter(c -> "PodScheduled".equals(c.getType()))
                      .findFirst()
                      .orElseThrow()
                      .getMessage();
              assertThat(message)
                  .contains(spread + " node(s) didn't match pod topology spread constraints")
                  .contains(anti + " node(s) didn't match pod anti-affinity rules");
            });
    // draining zone b (its one node) leaves the evicted pod nowhere to go: zone b still counts for
    // the spread (nodeTaintsPolicy Ignore), so zone a would be two ahead
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(pool("capit-" + spreadRun).path("pods").path("requested").asLong())
                    .isEqualTo(3));
    JsonNode drain = whatIf(ns, "question=drain&zone=zb-" + spreadRun);
    assertThat(drain.path("drained")).hasSize(1);
    assertThat(drain.path("pods").asInt()).isEqualTo(1);
    assertThat(drain.path("fitting").asInt()).isZero();
    Map<String, Integer> drainReasons = reasons(drain.path("placements").get(0));
    // (cordoned nodes of the other test count too)
    assertThat(drainReasons).containsEntry("topology-spread topology.kubernetes.io/zone", 3);
    assertThat(drainReasons.get("node-unschedulable")).isGreaterThanOrEqualTo(1);
    String zoneB = drain.path("drained").get(0).asString();
    Conflicts.retry(
        () ->
            kube.nodes()
                .withName(zoneB)
                .edit(
                    node -> {
                      node.getSpec().setUnschedulable(true);
                      return node;
                    }));
    pods(ns, "api").stream()
        .filter(p -> zoneB.equals(p.getSpec().getNodeName()))
        .forEach(p -> kube.pods().inNamespace(ns).withName(p.getMetadata().getName()).delete());
    int drainSpread = drainReasons.get("topology-spread topology.kubernetes.io/zone");
    await()
        .atMost(Duration.ofMinutes(3))
        .untilAsserted(
            () -> {
              List<Pod> pods = pods(ns, "api");
              assertThat(pods).hasSize(4);
              assertThat(scheduledNodes(pods)).hasSize(2).doesNotContain(zoneB);
              List<Pod> pending = pods.stream().filter(WhatIfIT::unschedulable).toList();
              assertThat(pending).hasSize(2);
              for (Pod p : pending) {
                String message =
                    p.getStatus().getConditions().stream()
                        .filter(c -> "PodScheduled".equals(c.getType()))
                        .findFirst()
                        .orElseThrow()
                        .getMessage();
                assertThat(message)
                    .contains(drainSpread + " node(s) didn't match pod topology spread constraints")
                    .contains("were unschedulable");
              }
            });
  }

  private static String zoneOf(String node) {
    return kube.nodes()
        .withName(node)
        .get()
        .getMetadata()
        .getLabels()
        .get("topology.kubernetes.io/zone");
  }

  @Test
  void boundsAndBadInputAreProblemsInTheCallersLanguage(TestNamespace namespace) {
    var tooMany =
        admin.get(
            "/api/v1/clusters/"
                + CLUSTER
                + "/capacity/what-if?question=replicas&namespace="
                + namespace.name()
                + "&name=web&replicas=100000");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.problemCode()).isEqualTo("capacity.out-of-range");
    assertThat(tooMany.body())
        .contains("replicas 100000")
        .contains("500")
        .doesNotContain("Exception");
    var zh =
        admin.send(
            "GET",
            "/api/v1/clusters/" + CLUSTER + "/capacity/what-if?question=drain&node=a&zone=b",
            null,
            Map.of("Accept-Language", "zh-CN"));
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.problemCode()).isEqualTo("capacity.drain-target");
    assertThat(zh.body()).contains("恰好指定一个");
    var badCpu =
        admin.get(
            "/api/v1/clusters/"
                + CLUSTER
                + "/capacity/what-if?question=requests&namespace="
                + namespace.name()
                + "&name=web&cpu=lots");
    assertThat(badCpu.status()).isEqualTo(400);
    assertThat(badCpu.problemCode()).isEqualTo("capacity.invalid-quantity");
    var noWorkload =
        admin.get(
            "/api/v1/clusters/"
                + CLUSTER
                + "/capacity/what-if?question=replicas&namespace="
                + namespace.name()
                + "&name=missing&replicas=1");
    assertThat(noWorkload.status()).isEqualTo(404);
  }

  // ---------------------------------------------------------------- helpers

  private static JsonNode pool() {
    return pool("capit-" + run);
  }

  private static JsonNode pool(String name) {
    JsonNode report = admin.get("/api/v1/clusters/" + CLUSTER + "/capacity?forecast=false").json();
    for (JsonNode p : report.path("pools")) {
      if (name.equals(p.path("name").asString())) {
        return p;
      }
    }
    return report.path("none");
  }

  private static JsonNode whatIf(String ns, String query) {
    var response =
        admin.get(
            "/api/v1/clusters/" + CLUSTER + "/capacity/what-if?namespace=" + ns + "&" + query);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static Map<String, Integer> reasons(JsonNode placement) {
    Map<String, Integer> out = new HashMap<>();
    for (JsonNode r : placement.path("reasons")) {
      String detail = r.path("detail").asString();
      String key = r.path("code").asString() + (detail.isEmpty() ? "" : " " + detail);
      out.merge(key, r.path("nodes").asInt(), Integer::sum);
    }
    return out;
  }

  private static void scale(String ns, int replicas) {
    kube.apps().deployments().inNamespace(ns).withName("web").scale(replicas);
  }

  private static List<Pod> pods(String ns) {
    return pods(ns, "web");
  }

  private static List<Pod> pods(String ns, String app) {
    return kube.pods().inNamespace(ns).withLabel("app", app).list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .toList();
  }

  private static List<String> scheduledNodes(List<Pod> pods) {
    return pods.stream().map(p -> p.getSpec().getNodeName()).filter(n -> n != null).toList();
  }

  private static boolean unschedulable(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return false;
    }
    for (PodCondition c : pod.getStatus().getConditions()) {
      if ("PodScheduled".equals(c.getType())
          && "False".equals(c.getStatus())
          && "Unschedulable".equals(c.getReason())) {
        return true;
      }
    }
    return false;
  }

  private static Deployment web(String ns, String cpu, int replicas) {
    return web(ns, "web", run, cpu, replicas);
  }

  private static Deployment web(String ns, String name, String run, String cpu, int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(ns)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .withTerminationGracePeriodSeconds(0L)
        .addToNodeSelector(RUN_LABEL, run)
        .addToTolerations(
            new TolerationBuilder()
                .withKey(RUN_TAINT)
                .withOperator("Equal")
                .withValue(run)
                .withEffect("NoSchedule")
                .build())
        .addNewContainer()
        .withName("app")
        .withImage("example/web:1")
        .withNewResources()
        .addToRequests("cpu", new Quantity(cpu))
        .addToRequests("memory", new Quantity("64Mi"))
        .endResources()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static void createNode(
      String name, String zone, String cpu, boolean cordoned, Taint... extra) {
    createNode(run, name, zone, cpu, cordoned, extra);
  }

  private static void createNode(
      String run, String name, String zone, String cpu, boolean cordoned, Taint... extra) {
    List<Taint> taints = new ArrayList<>();
    taints.add(
        new TaintBuilder().withKey(RUN_TAINT).withValue(run).withEffect("NoSchedule").build());
    taints.addAll(List.of(extra));
    Map<String, Quantity> capacity =
        Map.of(
            "cpu", new Quantity(cpu),
            "memory", new Quantity("8Gi"),
            "pods", new Quantity("110"),
            "ephemeral-storage", new Quantity("100Gi"));
    Node node =
        new NodeBuilder()
            .withNewMetadata()
            .withName(name)
            .addToLabels("kubernetes.io/hostname", name)
            .addToLabels("kubernetes.io/os", "linux")
            .addToLabels("type", "kwok")
            .addToLabels("topology.kubernetes.io/zone", zone + "-" + run)
            .addToLabels(RUN_LABEL, run)
            .addToLabels(POOL_LABEL, "capit-" + run)
            .addToAnnotations(ControlPlane.KWOK_NODE_ANNOTATION, "fake")
            .addToAnnotations("node.alpha.kubernetes.io/ttl", "0")
            .endMetadata()
            .withNewSpec()
            .withUnschedulable(cordoned ? Boolean.TRUE : null)
            .withTaints(taints)
            .endSpec()
            .withNewStatus()
            .withCapacity(capacity)
            .withAllocatable(capacity)
            .endStatus()
            .build();
    kube.nodes().resource(node).create();
    nodes.add(name);
  }
}
