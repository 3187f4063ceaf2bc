package io.kubeward.server.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.runtime.kube.ControllerRuntime;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.controlplane.Component;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.ControlPlaneOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Events kept beyond the apiserver's TTL, on a control plane of its own whose apiserver deletes
 * events after {@value #TTL_SECONDS} s ({@code --event-ttl}): an event the apiserver has deleted is
 * still in Kubeward's search and timeline, counted once however often it was updated; a
 * Deployment's timeline has its ReplicaSet's and pods' events; a user without events access in the
 * namespace sees none; only the replica leading the cluster's controllers writes.
 */
class EventRetentionIT {

  static final int TTL_SECONDS = 20;
  static final String CLUSTER = "ttl";

  static ControlPlane plane;
  static KubernetesClient kube;
  static RunningServer server;
  static Session admin;

  @BeforeAll
  static void start() {
    plane =
        ControlPlane.start(
            ControlPlaneOptions.builder()
                .extraArgs(Component.KUBE_APISERVER, "--event-ttl=" + TTL_SECONDS + "s")
                .build());
    kube = plane.newAdminClient();
    server = replica();
    admin = server.admin();
    await("Kubeward leads the cluster's controllers")
        .atMost(Duration.ofSeconds(60))
        .until(() -> runtime(server).leading(CLUSTER));
  }

  static RunningServer replica() {
    return RunningServer.start(
        "--kubeconfig",
        plane.kubewardKubeconfig().toString(),
        "--kubeward.cluster-name=" + CLUSTER,
        "--kubeward.probe.interval=1s",
        "--kubeward.events.flush-interval=500ms",
        "--kubeward.history.enabled=false");
  }

  static ControllerRuntime runtime(RunningServer s) {
    return s.context().getBean(ControllerRuntime.class);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (kube != null) {
      kube.close();
    }
    if (plane != null) {
      plane.close();
    }
  }

  static String namespace(String prefix) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    kube.namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }

  static Event event(String ns, String name, String pod, String reason, String message, int count) {
    String now = Instant.now().toString();
    return new EventBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name)
        .endMetadata()
        .withNewInvolvedObject()
        .withApiVersion("v1")
        .withKind("Pod")
        .withNamespace(ns)
        .withName(pod)
        .withUid("uid-" + pod)
        .endInvolvedObject()
        .withType("Warning")
        .withReason(reason)
        .withMessage(message)
        .withCount(count)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withNewSource()
        .withComponent("kubeward-it")
        .endSource()
        .build();
  }

  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static JsonNode search(RunningServer.Client client, String query) {
    RunningServer.Response response =
        client.get("/api/v1/clusters/" + CLUSTER + "/events?" + query);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().path("items");
  }

  static JsonNode timeline(RunningServer.Client client, String kind, String ns, String name) {
    RunningServer.Response response =
        client.get(
            "/api/v1/clusters/"
                + CLUSTER
                + "/events/timeline?kind="
                + kind
                + "&namespace="
                + ns
                + "&name="
                + name);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  @Test
  void anEventTheApiserverDeletedIsStillSearchableAndInTheTimelineCountedOnce() {
    String ns = namespace("ttl");
    String reason = "KubewardTtl";
    kube.v1()
        .events()
        .inNamespace(ns)
        .resource(event(ns, "ghost.1", "ghost", reason, "gone soon", 1))
        .create();
    await("stored")
        .atMost(Duration.ofSeconds(30))
        .until(() -> search(admin, "namespace=" + ns + "&reason=" + reason).size() == 1);
    // the same Event updated with a growing count stays one row
    for (int count = 2; count <= 5; count++) {
      Event current = kube.v1().events().inNamespace(ns).withName("ghost.1").get();
      current.setCount(count);
      current.setLastTimestamp(Instant.now().toString());
      kube.v1().events().inNamespace(ns).resource(current).update();
    }
    await("counted")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                search(admin, "namespace=" + ns + "&reason=" + reason)
                        .path(0)
                        .path("count")
                        .asLong()
                    == 5);

    await("the apiserver deleted the event (--event-ttl)")
        .atMost(Duration.ofSeconds(TTL_SECONDS * 6L))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> kube.v1().events().inNamespace(ns).withName("ghost.1").get() == null);

    JsonNode found = search(admin, "namespace=" + ns + "&text=" + q("GONE SOON"));
    assertThat(found).hasSize(1);
    assertThat(found.path(0).path("count").asLong()).isEqualTo(5);
    assertThat(found.path(0).path("type").asString()).isEqualTo("Warning");
    assertThat(found.path(0).path("objectName").asString()).isEqualTo("ghost");
    assertThat(found.path(0).path("source").asString()).isEqualTo("kubeward-it");
    JsonNode events = timeline(admin, "Pod", ns, "ghost").path("events");
    assertThat(events).hasSize(1);
    assertThat(events.path(0).path("reason").asString()).isEqualTo(reason);
    assertThat(events.path(0).path("id").isNumber()).isTrue();

    RunningServer.Response csv =
        admin.get("/api/v1/clusters/" + CLUSTER + "/events/export?format=csv&namespace=" + ns);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).startsWith("lastSeen,firstSeen,count").contains(",5,Warning," + ns);
  }

  @Test
  void aDeploymentsTimelineHasItsReplicaSetsAndPodsEventsAndOthersSeeNoneWithoutAccess() {
    String ns = namespace("tl");
    String other = namespace("tl-other");
    kube.apps()
        .deployments()
        .inNamespace(ns)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withNewSelector()
                .addToMatchLabels("app", "web")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "web")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("web")
                .withImage("nginx")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    await("the Deployment's, its ReplicaSet's and its pods' events")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              Set<String> kinds = new HashSet<>();
              timeline(admin, "Deployment", ns, "web")
                  .path("events")
                  .forEach(e -> kinds.add(e.path("objectKind").asString()));
              return kinds.containsAll(List.of("Deployment", "ReplicaSet", "Pod"));
            });
    JsonNode answer = timeline(admin, "Deployment", ns, "web");
    List<String> relations = new ArrayList<>();
    answer.path("objects").forEach(o -> relations.add(o.path("relation").asString()));
    assertThat(relations).startsWith("self").contains("owned", "pod");
    List<Instant> times = new ArrayList<>();
    answer.path("events").forEach(e -> times.add(Instant.parse(e.path("lastSeen").asString())));
    assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));

    Session outsider =
        server.newUser(
            "ev-outsider",
            List.of(Map.of("role", "viewer", "cluster", CLUSTER, "namespace", other)));
    Session insider =
        server.newUser(
            "ev-insider", List.of(Map.of("role", "viewer", "cluster", CLUSTER, "namespace", ns)));
    assertThat(timeline(outsider, "Deployment", ns, "web").path("events")).isEmpty();
    assertThat(search(outsider, "namespace=" + ns)).isEmpty();
    assertThat(search(outsider, "kind=ReplicaSet")).isEmpty();
    assertThat(timeline(insider, "Deployment", ns, "web").path("events")).isNotEmpty();
    assertThat(search(insider, "namespace=" + ns)).isNotEmpty();
  }

  @Test
  void onlyTheReplicaLeadingTheClusterWritesEvents() {
    RunningServer second = replica(); // a database of its own
    try {
      Session secondAdmin = second.admin();
      await("the second replica knows the leader")
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  second.admin().get("/api/v1/clusters/" + CLUSTER + "/controllers").status()
                      == 200);
      assertThat(runtime(server).leading(CLUSTER)).isTrue();
      assertThat(runtime(second).leading(CLUSTER)).isFalse();
      String ns = namespace("leader");
      kube.v1()
          .events()
          .inNamespace(ns)
          .resource(event(ns, "one.1", "one", "KubewardLeader", "only the leader", 1))
          .create();
      await("the leader stores it")
          .atMost(Duration.ofSeconds(30))
          .until(() -> search(admin, "namespace=" + ns).size() == 1);
      await("the other replica stores nothing")
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(() -> search(secondAdmin, "namespace=" + ns).isEmpty());
      assertThat(search(secondAdmin, "")).isEmpty();
    } finally {
      second.close();
    }
  }
}
