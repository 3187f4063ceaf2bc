package io.kubeward.server.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.audit.app.AuditLog;
import io.kubeward.audit.app.AuditQuery;
import io.kubeward.audit.domain.AuditEntry;
import io.kubeward.audit.domain.AuditRecord;
import io.kubeward.server.RunningServer;
import io.kubeward.testkit.Conflicts;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.FakeNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Node maintenance end to end against the local control plane, through the REST API: rolling
 * maintenance with concurrency 1 (sampled continuously), a Kubeward restart in the middle, cancel,
 * two maintenances sharing the lock, a one-node drain with its SSE watch, and validation.
 */
@LocalControlPlane
class MaintenanceIT {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String POOL = "maintenance-it/pool";
  static final String MARKER = "kubeward.io/cordoned-by";
  static final Duration DEADLINE = Duration.ofMinutes(3);

  static ControlPlane plane;
  static RunningServer server;
  static RunningServer.Client api;
  static String token;
  static final List<String> addedNodes = new ArrayList<>();

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    plane = controlPlane;
    startServer();
  }

  static void startServer() {
    server =
        RunningServer.start(
            "--kubeconfig",
            plane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=local",
            "--kubeward.probe.interval=1s",
            "--kubeward.maintenance.poll=300ms",
            "--kubeward.maintenance.lock-retry=500ms",
            "--kubeward.maintenance.drain-poll=500ms",
            "--kubeward.controllers.lease-duration=4s",
            "--kubeward.controllers.renew-deadline=3s",
            "--kubeward.controllers.retry-period=500ms",
            "--kubeward.drain.backoff-base=500ms",
            "--kubeward.drain.backoff-max=1s");
    token = server.admin().createToken("maintenance-it", 1);
    api = server.bearer(token, Map.of());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Other test classes of the JVM share the plane and count its nodes: remove ours. */
  @AfterEach
  void removeNodes(KubernetesClient kube) {
    for (String node : addedNodes) {
      kube.nodes().withName(node).delete();
    }
    await("test nodes removed")
        .atMost(DEADLINE)
        .until(() -> addedNodes.stream().allMatch(n -> kube.nodes().withName(n).get() == null));
    addedNodes.clear();
  }

  // ---- helpers ---------------------------------------------------------------------------------

  static List<String> pool(String name, int size) {
    List<FakeNode> nodes =
        IntStream.rangeClosed(1, size)
            .mapToObj(i -> FakeNode.inZone(name + "-" + i, "zone-m").withLabel(POOL, name))
            .toList();
    plane.addNodes(nodes);
    List<String> names = nodes.stream().map(FakeNode::name).toList();
    addedNodes.addAll(names);
    // Kubeward judges a maintenance from its cache: wait until the new nodes are in it.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> names.stream().allMatch(n -> api.get(path("/nodes/" + n)).status() == 200));
    return names;
  }

  static void deployment(KubernetesClient kube, String namespace, String pool, int replicas) {
    kube.apps()
        .deployments()
        .inNamespace(namespace)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("app-" + pool)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .addToMatchLabels("app", pool)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", pool)
                .endMetadata()
                .withNewSpec()
                .addToNodeSelector(POOL, pool)
                .addNewToleration()
                .withOperator("Exists")
                .withKey("kwok.x-k8s.io/node")
                .endToleration()
                .addNewContainer()
                .withName("app")
                .withImage("registry.example/app:1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    await("deployment app-" + pool + " ready")
        .atMost(DEADLINE)
        .until(
            () -> {
              var d =
                  kube.apps().deployments().inNamespace(namespace).withName("app-" + pool).get();
              return d.getStatus() != null
                  && d.getStatus().getReadyReplicas() != null
                  && d.getStatus().getReadyReplicas() == replicas;
            });
  }

  static String path(String rest) {
    return "/api/v1/clusters/local" + rest;
  }

  static JsonNode maintenance(String name) {
    RunningServer.Response r = api.get(path("/maintenances/" + name));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  static String phase(String name) {
    return maintenance(name).path("phase").asString();
  }

  static String step(String name, String node) {
    for (JsonNode n : maintenance(name).path("nodes")) {
      if (n.path("name").asString().equals(node)) {
        return n.path("step").asString();
      }
    }
    return null;
  }

  static JsonNode nodeEntry(String name, String node) {
    for (JsonNode n : maintenance(name).path("nodes")) {
      if (n.path("name").asString().equals(node)) {
        return n;
      }
    }
    throw new AssertionError("no node " + node + " in " + name);
  }

  static void awaitStep(String name, String node, String step) {
    await(name + ": " + node + " in step " + step)
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> step.equals(step(name, node)));
  }

  static void awaitPhase(String name, String phase) {
    await(name + " in phase " + phase)
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> phase.equals(phase(name)));
  }

  static boolean cordoned(KubernetesClient kube, String node) {
    Node n = kube.nodes().withName(node).get();
    return Boolean.TRUE.equals(n.getSpec().getUnschedulable());
  }

  static void annotate(KubernetesClient kube, String node, String key) {
    Conflicts.retry(
        () ->
            kube.nodes()
                .withName(node)
                .edit(
                    n -> {
                      n.getMetadata().getAnnotations().put(key, "true");
                      return n;
                    }));
  }

  /** Counts the cordoned nodes among {@code nodes} continuously and keeps the maximum. */
  static final class CordonSampler implements AutoCloseable {
    final AtomicInteger max = new AtomicInteger();
    final AtomicInteger samples = new AtomicInteger();
    final AtomicBoolean running = new AtomicBoolean(true);
    final Thread thread;

    CordonSampler(KubernetesClient kube, List<String> nodes) {
      thread =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    while (running.get()) {
                      int count =
                          (int)
                              kube.nodes().list().getItems().stream()
                                  .filter(n -> nodes.contains(n.getMetadata().getName()))
                                  .filter(n -> Boolean.TRUE.equals(n.getSpec().getUnschedulable()))
                                  .count();
                      max.accumulateAndGet(count, Math::max);
                      samples.incrementAndGet();
                    }
                  });
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join();
    }
  }

  // ---- tests -----------------------------------------------------------------------------------

  @Test
  void rollingMaintenanceKeepsConcurrencyAndResumesAfterARestart(
      KubernetesClient kube, TestNamespace ns) throws Exception {
    List<String> nodes = pool("mnt-roll", 3);
    deployment(kube, ns.name(), "mnt-roll", 3);
    String done = "test.kubeward.io/roll-done";
    try (CordonSampler sampler = new CordonSampler(kube, nodes)) {
      RunningServer.Response created =
          api.post(
              path("/maintenances"),
              Map.of(
                  "name",
                  "roll",
                  "nodeSelector",
                  Map.of("matchLabels", Map.of(POOL, "mnt-roll")),
                  "concurrency",
                  1,
                  "action",
                  Map.of("type", "WaitForAnnotation", "annotation", done)));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      assertThat(created.raw().headers().firstValue("Location"))
          .hasValue("/api/v1/clusters/local/maintenances/roll");

      awaitStep("roll", nodes.get(0), "Action");
      assertThat(cordoned(kube, nodes.get(0))).isTrue();
      assertThat(step("roll", nodes.get(1))).isIn("Pending", "WaitingForWindow");
      annotate(kube, nodes.get(0), done);

      awaitStep("roll", nodes.get(1), "Action");
      JsonNode before = nodeEntry("roll", nodes.get(1));
      assertThat(step("roll", nodes.get(0))).isEqualTo("Done");

      // Kubeward stops in the middle; a new one takes over from the recorded step
      server.close();
      startServer();
      JsonNode after = nodeEntry("roll", nodes.get(1));
      assertThat(after.path("step").asString()).isEqualTo("Action");
      assertThat(after.path("drain").path("startedAt"))
          .isEqualTo(before.path("drain").path("startedAt"));
      annotate(kube, nodes.get(1), done);

      awaitStep("roll", nodes.get(2), "Action");
      annotate(kube, nodes.get(2), done);
      awaitPhase("roll", "Succeeded");
      sampler.close();
      assertThat(sampler.samples.get()).isPositive();
      assertThat(sampler.max.get()).as("cordoned pool nodes at once").isEqualTo(1);
    }
    for (String node : nodes) {
      Node n = kube.nodes().withName(node).get();
      assertThat(n.getSpec().getUnschedulable()).as(node).isNotEqualTo(Boolean.TRUE);
      assertThat(n.getMetadata().getAnnotations()).doesNotContainKey(MARKER);
      assertThat(step("roll", node)).isEqualTo("Done");
    }
    List<String> nodeReasons =
        kube.v1().events().inNamespace("default").list().getItems().stream()
            .filter(e -> nodes.get(0).equals(e.getInvolvedObject().getName()))
            .map(io.fabric8.kubernetes.api.model.Event::getReason)
            .toList();
    assertThat(nodeReasons).contains("NodeCordoned", "NodeDrained", "NodeUncordoned");
    List<String> maintenanceReasons =
        kube.v1().events().inNamespace("default").list().getItems().stream()
            .filter(e -> "NodeMaintenance".equals(e.getInvolvedObject().getKind()))
            .filter(e -> "roll".equals(e.getInvolvedObject().getName()))
            .map(io.fabric8.kubernetes.api.model.Event::getReason)
            .toList();
    assertThat(maintenanceReasons).contains("Started", "Succeeded");
    JsonNode finished = maintenance("roll");
    assertThat(finished.path("conditions").toString()).contains("Completed", "Succeeded");
    assertThat(finished.path("createdBy").asString()).isEqualTo("admin");
  }

  @Test
  void cancelSkipsNodesNotStartedAndUncordonsTheOneInProgress(KubernetesClient kube)
      throws Exception {
    List<String> nodes = pool("mnt-cancel", 3);
    RunningServer.Response created =
        api.post(
            path("/maintenances"),
            Map.of(
                "name",
                "cancel-me",
                "nodes",
                nodes,
                "action",
                Map.of("type", "WaitForAnnotation", "annotation", "test.kubeward.io/never")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    awaitStep("cancel-me", nodes.get(0), "Action");
    assertThat(cordoned(kube, nodes.get(0))).isTrue();

    RunningServer.Response cancelled = api.post(path("/maintenances/cancel-me/cancel"), null);
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    awaitPhase("cancel-me", "Cancelled");

    JsonNode first = nodeEntry("cancel-me", nodes.get(0));
    assertThat(first.path("step").asString()).isEqualTo("Skipped");
    assertThat(first.path("message").asString()).contains("made schedulable again");
    assertThat(cordoned(kube, nodes.get(0))).isFalse();
    for (String node : nodes.subList(1, 3)) {
      assertThat(step("cancel-me", node)).isEqualTo("Skipped");
      assertThat(cordoned(kube, node)).isFalse();
      assertThat(kube.nodes().withName(node).get().getMetadata().getAnnotations())
          .doesNotContainKey(MARKER);
    }
    assertThat(
            server.context().getBean(AuditLog.class).find(AuditQuery.latest(50)).stream()
                .map(AuditRecord::entry)
                .filter(e -> "cancel-me".equals(e.name()))
                .map(AuditEntry::verb))
        .contains("maintenance.create", "maintenance.cancel");

    RunningServer.Session viewer =
        server.newUser(
            "maintenance-viewer",
            List.of(Map.of("role", "viewer", "cluster", "*", "namespace", "*")));
    assertThat(viewer.get(path("/maintenances/cancel-me")).status()).isEqualTo(200);
    RunningServer.Response denied =
        viewer.post(path("/maintenances"), Map.of("name", "by-viewer", "nodes", nodes));
    assertThat(denied.status()).isEqualTo(403);
    assertThat(api.get(path("/maintenances/by-viewer")).status()).isEqualTo(404);

    RunningServer.Response again = api.post(path("/maintenances/cancel-me/resume"), null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.problemCode()).isEqualTo("maintenance.finished");
  }

  @Test
  void twoMaintenancesAtOnceTakeTurnsOnTheLock(KubernetesClient kube) throws Exception {
    List<String> first = pool("mnt-lock-a", 2);
    List<String> second = pool("mnt-lock-b", 2);
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    AtomicBoolean sawWaiting = new AtomicBoolean();
    try (CordonSampler sampler = new CordonSampler(kube, all)) {
      for (var entry : Map.of("lock-a", first, "lock-b", second).entrySet()) {
        RunningServer.Response created =
            api.post(
                path("/maintenances"),
                Map.of(
                    "name", entry.getKey(),
                    "nodes", entry.getValue(),
                    "action", Map.of("type", "Wait", "duration", "1s")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
      }
      await("both maintenances finished")
          .atMost(DEADLINE)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                String a = phase("lock-a");
                String b = phase("lock-b");
                if (a.equals("WaitingForLock") || b.equals("WaitingForLock")) {
                  sawWaiting.set(true);
                }
                return a.equals("Succeeded") && b.equals("Succeeded");
              });
      sampler.close();
      assertThat(sampler.max.get()).as("cordoned nodes across both").isEqualTo(1);
    }
    assertThat(sawWaiting).as("one maintenance waited for the lock").isTrue();
    for (String node : all) {
      assertThat(cordoned(kube, node)).as(node).isFalse();
    }
  }

  @Test
  void drainEndpointCreatesAOneNodeMaintenanceWatchedPodByPod(
      KubernetesClient kube, TestNamespace ns) throws Exception {
    List<String> nodes = pool("mnt-drain", 2);
    deployment(kube, ns.name(), "mnt-drain", 4);
    // the node with most of the app's pods (the scheduler may spread them unevenly)
    Map<String, List<String>> podsByNode =
        kube.pods().inNamespace(ns.name()).list().getItems().stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    p -> p.getSpec().getNodeName(),
                    java.util.stream.Collectors.mapping(
                        p -> p.getMetadata().getName(), java.util.stream.Collectors.toList())));
    String node =
        nodes.stream()
            .max(java.util.Comparator.comparing(n -> podsByNode.getOrDefault(n, List.of()).size()))
            .orElseThrow();
    List<String> podsOnNode = podsByNode.get(node);
    assertThat(podsOnNode).isNotEmpty();
    // a budget that allows no disruption holds the drain until the test removes it
    kube.policy()
        .v1()
        .podDisruptionBudget()
        .inNamespace(ns.name())
        .resource(
            new io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder()
                .withNewMetadata()
                .withName("hold")
                .endMetadata()
                .withNewSpec()
                .withNewMinAvailable(4)
                .withNewSelector()
                .addToMatchLabels("app", "mnt-drain")
                .endSelector()
                .endSpec()
                .build())
        .create();

    RunningServer.Response created = api.post(path("/nodes/" + node + "/drain"), Map.of());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String name = created.json().path("name").asString();
    assertThat(created.raw().headers().firstValue("Location"))
        .hasValue("/api/v1/clusters/local/maintenances/" + name);
    assertThat(created.json().path("spec").path("uncordon").asBoolean()).isFalse();
    assertThat(created.json().path("spec").path("action").path("type").asString())
        .isEqualTo("None");

    List<JsonNode> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.CompletableFuture<Void> watched =
        java.util.concurrent.CompletableFuture.runAsync(
            () -> {
              try {
                watch(name, events);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    try {
      await("the watch shows the drain blocked by the budget")
          .atMost(DEADLINE)
          .pollInterval(Duration.ofMillis(100))
          .failFast("the watch ended", () -> watched.isDone())
          .until(
              () ->
                  events.stream()
                      .anyMatch(
                          e ->
                              e.path("nodes")
                                  .path(0)
                                  .path("drain")
                                  .path("pods")
                                  .toString()
                                  .contains("BLOCKED")));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          "no blocked drain seen; maintenance: " + maintenance(name) + "; events: " + events, e);
    }
    kube.policy().v1().podDisruptionBudget().inNamespace(ns.name()).withName("hold").delete();

    watched.get(DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    JsonNode last = events.getLast();
    assertThat(last.path("phase").asString()).isEqualTo("Succeeded");
    JsonNode drain = last.path("nodes").path(0).path("drain");
    assertThat(drain.path("state").asString()).isEqualTo("SUCCEEDED");
    List<String> gone = new ArrayList<>();
    for (JsonNode pod : drain.path("pods")) {
      if (pod.path("state").asString().equals("GONE")) {
        gone.add(pod.path("name").asString());
      }
    }
    assertThat(gone).containsAll(podsOnNode);
    assertThat(
            events.stream()
                .filter(e -> e.path("nodes").path(0).path("step").asString().equals("Draining"))
                .map(e -> e.path("nodes").path(0).path("drain").path("pods").toString()))
        .as("progress events while the budget held the pods")
        .anyMatch(pods -> pods.contains("BLOCKED"));
    assertThat(events.stream().map(e -> e.path("nodes").path(0).path("step").asString()))
        .contains("Draining", "Done");
    assertThat(cordoned(kube, node)).as("drain leaves the node cordoned").isTrue();
    Conflicts.retry(
        () ->
            kube.nodes()
                .withName(node)
                .edit(
                    n -> {
                      n.getSpec().setUnschedulable(null);
                      return n;
                    }));
  }

  /** Reads the SSE watch until the server ends it, adding the maintenance events' data. */
  static void watch(String name, List<JsonNode> events) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url(path("/maintenances/" + name + "/watch"))))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream")
            .timeout(DEADLINE)
            .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String event = null;
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.startsWith("event:")) {
            event = line.substring(6).trim();
          } else if (line.startsWith("data:") && "maintenance".equals(event)) {
            events.add(JSON.readTree(line.substring(5).trim()));
          }
        }
      }
    }
    assertThat(events).isNotEmpty();
  }

  /** An SSE event as received: its name and data. */
  record Sse(String event, String data) {}

  /** Reads the SSE watch until the server ends it, keeping every named event. */
  static void sse(String name, List<Sse> events) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.url(path("/maintenances/" + name + "/watch"))))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream")
            .timeout(DEADLINE)
            .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String event = null;
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.startsWith("event:")) {
            event = line.substring(6).trim();
          } else if (line.startsWith("data:")) {
            events.add(new Sse(event, line.substring(5).trim()));
          }
        }
      }
    }
  }

  static java.util.concurrent.CompletableFuture<Void> follow(String name, List<Sse> events) {
    return java.util.concurrent.CompletableFuture.runAsync(
        () -> {
          try {
            sse(name, events);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  static io.fabric8.kubernetes.client.dsl.Resource<
          io.fabric8.kubernetes.api.model.GenericKubernetesResource>
      nodeMaintenance(KubernetesClient kube, String name) {
    return kube.genericKubernetesResources("kubeward.io/v1alpha1", "NodeMaintenance")
        .withName(name);
  }

  static String lockHolder(KubernetesClient kube) {
    var lease =
        kube.leases().inNamespace("kubeward-system").withName("kubeward-node-maintenance").get();
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }

  static List<io.fabric8.kubernetes.api.model.Event> nodeEvents(
      KubernetesClient kube, String node) {
    return kube.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> node.equals(e.getInvolvedObject().getName()))
        .filter(e -> "Node".equals(e.getInvolvedObject().getKind()))
        .toList();
  }

  @Test
  void deletingARunningMaintenanceWithKubectlUncordonsWhatItCordonedAndReleasesTheLock(
      KubernetesClient kube) throws Exception {
    List<String> nodes = pool("mnt-delete", 2);
    RunningServer.Response created =
        api.post(
            path("/maintenances"),
            Map.of(
                "name",
                "delete-me",
                "nodes",
                nodes,
                "action",
                Map.of("type", "WaitForAnnotation", "annotation", "test.kubeward.io/never")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    awaitStep("delete-me", nodes.get(0), "Action");
    assertThat(cordoned(kube, nodes.get(0))).isTrue();
    assertThat(kube.nodes().withName(nodes.get(0)).get().getMetadata().getAnnotations())
        .containsEntry(MARKER, "delete-me");
    assertThat(lockHolder(kube)).isEqualTo("delete-me");
    assertThat(nodeMaintenance(kube, "delete-me").get().getMetadata().getFinalizers())
        .containsExactly("kubeward.io/maintenance-cleanup");
    List<Sse> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    var followed = follow("delete-me", events);
    await("the stream shows the maintenance")
        .atMost(DEADLINE)
        .until(() -> events.stream().anyMatch(e -> "maintenance".equals(e.event())));

    nodeMaintenance(kube, "delete-me").delete(); // as kubectl delete nodemaintenance delete-me

    await("the maintenance is gone")
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> nodeMaintenance(kube, "delete-me").get() == null);
    for (String node : nodes) {
      assertThat(cordoned(kube, node)).as(node).isFalse();
      assertThat(kube.nodes().withName(node).get().getMetadata().getAnnotations())
          .as(node)
          .doesNotContainKey(MARKER);
    }
    assertThat(lockHolder(kube)).isNullOrEmpty();
    assertThat(nodeEvents(kube, nodes.get(0)))
        .anyMatch(
            e ->
                "NodeUncordoned".equals(e.getReason())
                    && e.getMessage().contains("delete-me")
                    && e.getMessage().contains("deleted during Action"));
    followed.get(DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    assertThat(events.getLast().event())
        .as("the stream ends with the deletion")
        .isEqualTo("deleted");
    assertThat(api.get(path("/maintenances/delete-me")).status()).isEqualTo(404);
  }

  @Test
  void deletingAFinishedDrainKeepsItsNodeCordonedButRemovesTheMarker(KubernetesClient kube) {
    String node = pool("mnt-drained", 1).get(0);
    RunningServer.Response created = api.post(path("/nodes/" + node + "/drain"), Map.of());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String name = created.json().path("name").asString();
    awaitPhase(name, "Succeeded");
    assertThat(cordoned(kube, node)).isTrue();

    nodeMaintenance(kube, name).delete();

    await("the drain's maintenance is gone")
        .atMost(DEADLINE)
        .until(() -> nodeMaintenance(kube, name).get() == null);
    assertThat(cordoned(kube, node)).as("a drain leaves its node cordoned").isTrue();
    assertThat(kube.nodes().withName(node).get().getMetadata().getAnnotations())
        .doesNotContainKey(MARKER);
    assertThat(nodeEvents(kube, node))
        .anyMatch(e -> "NodeLeftCordoned".equals(e.getReason()) && e.getMessage().contains(name));
  }

  @Test
  void theWatchOfAMaintenanceSurvivesAnApiserverRestart(KubernetesClient kube) throws Exception {
    String node = pool("mnt-watch", 1).get(0);
    String done = "test.kubeward.io/watch-done";
    RunningServer.Response created =
        api.post(
            path("/maintenances"),
            Map.of(
                "name", "watch-me",
                "nodes", List.of(node),
                "action", Map.of("type", "WaitForAnnotation", "annotation", done)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    awaitStep("watch-me", node, "Action");
    List<Sse> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    var followed = follow("watch-me", events);
    await("the stream shows the Action step")
        .atMost(DEADLINE)
        .until(() -> events.stream().anyMatch(e -> e.data().contains("\"step\":\"Action\"")));
    long restartsBefore = io.kubeward.runtime.kube.ResilientWatch.totalRestarts();

    plane.restartComponent(io.kubeward.testkit.controlplane.Component.KUBE_APISERVER);
    await("the apiserver answers again")
        .atMost(DEADLINE)
        .ignoreExceptions()
        .until(() -> kube.nodes().withName(node).get() != null);
    annotate(kube, node, done);

    followed.get(DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    assertThat(events.getLast().event()).isEqualTo("maintenance");
    assertThat(events.getLast().data()).contains("\"phase\":\"Succeeded\"");
    System.out.println(
        "MaintenanceIT: resilient watch restarts during the apiserver restart: "
            + (io.kubeward.runtime.kube.ResilientWatch.totalRestarts() - restartsBefore));
  }

  @Test
  void theControllersOfAClusterReportLeadershipAndCrdsAndAnAdminCanCheckTheCrdsAgain() {
    await("this replica leads the cluster's controllers")
        .atMost(DEADLINE)
        .until(() -> api.get(path("/controllers")).json().path("leading").asBoolean());
    JsonNode state = api.get(path("/controllers")).json();
    // other features run controllers too (alert rules): find maintenance's by name
    JsonNode crd = named(state.path("crds"), "crd", "nodemaintenances.kubeward.io");
    assertThat(crd.path("state").asString()).isEqualTo("Available");
    assertThat(crd.path("installedRevision").asInt()).isEqualTo(1);
    JsonNode maintenance = named(state.path("controllers"), "name", "maintenance");
    assertThat(maintenance.path("running").asBoolean()).isTrue();
    assertThat(maintenance.has("queueDepth")).isTrue();

    RunningServer.Response check = api.post(path("/controllers/crds/check"), null);
    assertThat(check.status()).as(check.body()).isEqualTo(202);
    await("the CRD is checked again")
        .atMost(DEADLINE)
        .until(
            () ->
                "Available"
                    .equals(
                        named(
                                api.get(path("/controllers")).json().path("crds"),
                                "crd",
                                "nodemaintenances.kubeward.io")
                            .path("state")
                            .asString()));
    assertThat(
            server.context().getBean(AuditLog.class).find(AuditQuery.latest(20)).stream()
                .map(AuditRecord::entry)
                .map(AuditEntry::verb))
        .contains("controllers.crds-check");
    RunningServer.Session viewer =
        server.newUser(
            "controllers-viewer",
            List.of(Map.of("role", "viewer", "cluster", "*", "namespace", "*")));
    assertThat(viewer.get(path("/controllers")).status()).isEqualTo(200);
    assertThat(viewer.post(path("/controllers/crds/check"), null).status()).isEqualTo(403);
  }

  @Test
  void invalidRequestsAnswer400AndCreateNothing(KubernetesClient kube) {
    List<String> nodes = pool("mnt-invalid", 1);
    int before = api.get(path("/maintenances")).json().path("items").size();
    record Case(Map<String, Object> body, String field) {}
    List<Case> cases =
        List.of(
            new Case(Map.of("name", "bad-1", "concurrency", 1), "nodes"),
            new Case(Map.of("name", "bad-2", "nodes", nodes, "concurrency", 0), "concurrency"),
            new Case(
                Map.of(
                    "name",
                    "bad-3",
                    "nodeSelector",
                    Map.of(
                        "matchExpressions",
                        List.of(Map.of("key", "a", "operator", "Near", "values", List.of("x"))))),
                "nodeSelector"),
            new Case(
                Map.of(
                    "name",
                    "bad-4",
                    "nodes",
                    nodes,
                    "windows",
                    List.of(Map.of("start", "02:00", "end", "05:00", "timeZone", "Mars/Olympus"))),
                "windows[0]"),
            new Case(
                Map.of("name", "bad-5", "nodes", nodes, "action", Map.of("type", "Reboot")),
                "action.type"),
            new Case(
                Map.of(
                    "name",
                    "bad-6",
                    "nodeSelector",
                    Map.of("matchLabels", Map.of(POOL, "no-such-pool"))),
                "nodeSelector"));
    for (Case c : cases) {
      RunningServer.Response r = api.post(path("/maintenances"), c.body());
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.problemCode())
          .isEqualTo(
              c.field().equals("concurrency") ? "maintenance.out-of-range" : "maintenance.invalid");
      assertThat(r.json().path("field").asString()).isEqualTo(c.field());
    }
    RunningServer.Response unknownNode =
        api.send(
            "POST",
            path("/maintenances"),
            Map.of("name", "bad-7", "nodes", List.of("no-such-node")),
            Map.of("Accept-Language", "zh-CN"));
    assertThat(unknownNode.status()).isEqualTo(400);
    assertThat(unknownNode.problemCode()).isEqualTo("maintenance.node-not-found");
    assertThat(unknownNode.json().path("title").asString()).isEqualTo("节点不存在");
    assertThat(api.get(path("/maintenances")).json().path("items").size()).isEqualTo(before);

    RunningServer.Response preview =
        api.post(path("/maintenances/preview"), Map.of("nodes", nodes, "concurrency", 1));
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().path("batches").get(0).get(0).asString()).isEqualTo(nodes.get(0));
    assertThat(preview.json().path("drains").path(nodes.get(0)).path("verdict").asString())
        .isEqualTo("CAN_DRAIN_NOW");
  }

  @Test
  void withoutRightsOnTheCrdTheMaintenanceEndpointsAnswer503(
      KubernetesClient kube, TestNamespace ns) throws Exception {
    kube.serviceAccounts()
        .inNamespace(ns.name())
        .resource(
            new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
                .withNewMetadata()
                .withName("no-crd-rights")
                .endMetadata()
                .build())
        .create();
    String saToken =
        kube.serviceAccounts()
            .inNamespace(ns.name())
            .withName("no-crd-rights")
            .tokenRequest(
                new io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(3600L)
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();
    java.nio.file.Path kubeconfig = java.nio.file.Files.createTempFile("no-crd-rights", ".yaml");
    java.nio.file.Files.writeString(
        kubeconfig,
        java.nio.file.Files.readString(plane.kubeconfig())
            .replaceAll("token: .*", "token: " + saToken));
    try (RunningServer restricted =
        RunningServer.start(
            "--kubeconfig",
            kubeconfig.toString(),
            "--kubeward.cluster-name=restricted",
            "--kubeward.probe.interval=1s")) {
      RunningServer.Client admin =
          restricted.bearer(restricted.admin().createToken("restricted", 1), Map.of());
      RunningServer.Response list =
          admin.send(
              "GET",
              "/api/v1/clusters/restricted/maintenances",
              null,
              Map.of("Accept-Language", "zh-CN"));
      assertThat(list.status()).as(list.body()).isEqualTo(503);
      assertThat(list.contentType()).startsWith("application/problem+json");
      assertThat(list.problemCode()).isEqualTo("maintenance.crd-missing");
      assertThat(list.json().path("title").asString()).isEqualTo("节点维护不可用");
      RunningServer.Response drain =
          admin.post("/api/v1/clusters/restricted/nodes/any/drain", Map.of());
      assertThat(drain.status()).isEqualTo(503);
      assertThat(drain.json().path("detail").asString()).contains("nodemaintenances.kubeward.io");
    } finally {
      java.nio.file.Files.deleteIfExists(kubeconfig);
    }
  }

  @Test
  void aJobActionRunsPinnedToTheNodeAndTheNodeComesBack(KubernetesClient kube) {
    String node = pool("mnt-job", 1).get(0);
    RunningServer.Response created =
        api.post(
            path("/maintenances"),
            Map.of(
                "name", "job-action",
                "nodes", List.of(node),
                "action",
                    Map.of(
                        "type",
                        "Job",
                        "job",
                        Map.of(
                            "image",
                            "registry.example/upgrade:1",
                            "command",
                            List.of("/upgrade")))));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    awaitPhase("job-action", "Succeeded");

    var jobs =
        kube.batch().v1().jobs().inNamespace("kubeward-system").list().getItems().stream()
            .filter(j -> node.equals(j.getSpec().getTemplate().getSpec().getNodeName()))
            .toList();
    assertThat(jobs).hasSize(1);
    var job = jobs.get(0);
    assertThat(job.getMetadata().getName()).startsWith("nm-job-action-" + node);
    assertThat(job.getSpec().getTemplate().getSpec().getTolerations())
        .anyMatch(t -> "node.kubernetes.io/unschedulable".equals(t.getKey()));
    assertThat(job.getStatus().getSucceeded()).isEqualTo(1);
    assertThat(cordoned(kube, node)).isFalse();
    assertThat(step("job-action", node)).isEqualTo("Done");
  }

  /** The element of {@code items} whose {@code field} is {@code value}. */
  private static JsonNode named(JsonNode items, String field, String value) {
    for (JsonNode item : items) {
      if (value.equals(item.path(field).asString())) {
        return item;
      }
    }
    throw new AssertionError("no " + field + " " + value + " in " + items);
  }
}
