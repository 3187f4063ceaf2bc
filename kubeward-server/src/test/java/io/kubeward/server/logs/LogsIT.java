package io.kubeward.server.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.EventStream;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ContainerLog;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Container logs through Kubeward on the local control plane: KWOK's kubelets serve each pod's log
 * from a file the test appends to (ADR 0023), so every stream is a real {@code pods/log} request
 * through the apiserver, made as the caller (ADR 0013, ADR 0024).
 */
@LocalControlPlane
class LogsIT {

  private static final String CLUSTER = "local";
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  @TempDir static Path dir;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static ControlPlane plane;
  private static Session admin;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    plane = controlPlane;
    kube = controlPlane.newAdminClient();
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.security.login.max-failures-per-address=1000",
            "--kubeward.logs.max-streams-per-user=2",
            "--kubeward.stream.revalidate-interval=1s",
            "--kubeward.stream.heartbeat=2s");
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

  private static String ns(TestNamespace namespace) {
    return "/api/v1/clusters/" + CLUSTER + "/namespaces/" + namespace.name();
  }

  private static void runningPod(TestNamespace ns, String name, Map<String, String> labels) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withLabels(labels)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("app")
            .withImage(Workloads.IMAGE)
            .endContainer()
            .endSpec()
            .build();
    kube.pods().inNamespace(ns.name()).resource(pod).create();
    await()
        .atMost(DEADLINE)
        .until(
            () -> {
              Pod current = kube.pods().inNamespace(ns.name()).withName(name).get();
              return current != null && "Running".equals(current.getStatus().getPhase());
            });
  }

  /** A running pod whose container "app" logs {@code log} (and {@code previous}, if any). */
  private static void talker(
      TestNamespace ns,
      String name,
      Map<String, String> labels,
      ContainerLog log,
      ContainerLog previous) {
    plane
        .debugging()
        .logs(
            ns.name(),
            name,
            Map.of("app", log),
            previous == null ? Map.of() : Map.of("app", previous));
    runningPod(ns, name, labels);
    plane.debugging().awaitLogsServed(ns.name(), name, "app", DEADLINE);
  }

  /**
   * A stream the test closed frees its slot when the server next writes to it (at the latest the 2
   * s heartbeat): an answer of 429 meanwhile is waited out. Only for the tests that are not about
   * the limit.
   */
  private static Response get(Session who, String path) {
    AtomicReference<Response> last = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              last.set(who.get(path));
              return last.get().status() != 429;
            });
    return last.get();
  }

  private static EventStream open(Session who, String path) {
    AtomicReference<EventStream> last = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              EventStream stream = who.stream(path);
              if (stream.status() == 429) {
                stream.close();
                return false;
              }
              last.set(stream);
              return true;
            });
    return last.get();
  }

  /** The events of a stream so far: name and JSON data. */
  private record Event(String name, JsonNode data) {}

  private static List<Event> events(EventStream stream) {
    List<Event> events = new ArrayList<>();
    String name = null;
    for (String line : stream.lines()) {
      if (line.startsWith("event:")) {
        name = line.substring(6).trim();
      } else if (line.startsWith("data:") && name != null) {
        events.add(new Event(name, JSON.readTree(line.substring(5))));
        name = null;
      }
    }
    return events;
  }

  /** The text of the lines received so far, "pod: text" for a multi-pod tail. */
  private static List<String> texts(EventStream stream, boolean withPod) {
    List<String> texts = new ArrayList<>();
    for (Event event : events(stream)) {
      if (event.name().equals("lines")) {
        for (JsonNode line : event.data().get("lines")) {
          texts.add(
              (withPod ? event.data().get("pod").asString() + ": " : "")
                  + line.get("text").asString());
        }
      }
    }
    return texts;
  }

  private static List<String> named(EventStream stream, String name) {
    return events(stream).stream()
        .filter(e -> e.name().equals(name))
        .map(e -> e.data().toString())
        .toList();
  }

  @Test
  void aFollowedLogReceivesAppendedLinesInOrder(TestNamespace namespace) {
    ContainerLog log = ContainerLog.create(dir.resolve(namespace.name() + "-talker.log"));
    log.append("one", "two");
    talker(namespace, "talker", Map.of(), log, null);

    try (EventStream stream = open(admin, ns(namespace) + "/pods/talker/logs/stream?follow=true")) {
      assertThat(stream.status()).isEqualTo(200);
      await().atMost(DEADLINE).until(() -> texts(stream, false).size() == 2);
      for (int i = 3; i <= 40; i++) {
        log.append("line " + i);
      }
      await().atMost(DEADLINE).until(() -> texts(stream, false).size() == 40);
      List<String> expected = new ArrayList<>(List.of("one", "two"));
      for (int i = 3; i <= 40; i++) {
        expected.add("line " + i);
      }
      assertThat(texts(stream, false)).containsExactlyElementsOf(expected);
      assertThat(named(stream, "joined")).singleElement().asString().contains("\"app\"");
    }
  }

  @Test
  void previousTailSinceAndTimestampsAsTheApiserverServesThem(TestNamespace namespace) {
    Instant now = Instant.now();
    ContainerLog log = ContainerLog.create(dir.resolve(namespace.name() + "-app.log"));
    log.append(now.minus(Duration.ofHours(3)), "stdout", "long ago");
    log.append(now.minus(Duration.ofMinutes(2)), "stdout", "recent");
    log.append(now, "stderr", "now");
    ContainerLog previous = ContainerLog.create(dir.resolve(namespace.name() + "-prev.log"));
    previous.append("before the crash");
    talker(namespace, "app-1", Map.of(), log, previous);
    String logs = ns(namespace) + "/pods/app-1/logs";

    Response all = get(admin, logs + "?container=app");
    assertThat(all.status()).as(all.body()).isEqualTo(200);
    assertThat(all.body()).isEqualTo("long ago\nrecent\nnow\n");
    assertThat(all.raw().headers().firstValue("Content-Disposition").orElse(""))
        .contains("app-1-app.log");
    assertThat(get(admin, logs + "?previous=true").body()).isEqualTo("before the crash\n");
    assertThat(get(admin, logs + "?tailLines=1").body()).isEqualTo("now\n");
    assertThat(get(admin, logs + "?since=1h").body()).isEqualTo("recent\nnow\n");
    assertThat(get(admin, logs + "?timestamps=true&tailLines=1").body())
        .matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z now\\n");

    try (EventStream stream =
        open(admin, ns(namespace) + "/pods/app-1/logs/stream?follow=false&timestamps=true")) {
      await().atMost(DEADLINE).until(() -> !named(stream, "finished").isEmpty());
      JsonNode first =
          events(stream).stream()
              .filter(e -> e.name().equals("lines"))
              .findFirst()
              .orElseThrow()
              .data();
      assertThat(first.at("/lines/0/text").asString()).isEqualTo("long ago");
      assertThat(first.at("/lines/0/timestamp").asString())
          .startsWith(now.toString().substring(0, 4));
    }

    Response invalid = get(admin, logs + "?tailLines=1000000");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.problemCode()).isEqualTo("logs.invalid-option");
    Response noContainer = get(admin, logs + "?container=nope");
    assertThat(noContainer.status()).as(noContainer.body()).isEqualTo(404);
    assertThat(noContainer.problemCode()).isEqualTo("logs.container-not-found");
    Response noPod = get(admin, ns(namespace) + "/pods/ghost/logs");
    assertThat(noPod.status()).isEqualTo(404);
    assertThat(noPod.problemCode()).isEqualTo("resource.not-found");
  }

  @Test
  void aSelectorTailSeesPodsJoinAndLeave(TestNamespace namespace) {
    Map<String, String> web = Map.of("app", "web");
    ContainerLog first = ContainerLog.create(dir.resolve(namespace.name() + "-web-1.log"));
    first.append("hello from web-1");
    talker(namespace, "web-1", web, first, null);

    try (EventStream stream =
        open(admin, ns(namespace) + "/logs/stream?selector=app%3Dweb&follow=true")) {
      assertThat(stream.status()).isEqualTo(200);
      await().atMost(DEADLINE).until(() -> texts(stream, true).contains("web-1: hello from web-1"));

      ContainerLog second = ContainerLog.create(dir.resolve(namespace.name() + "-web-2.log"));
      second.append("hello from web-2");
      talker(namespace, "web-2", web, second, null);
      await().atMost(DEADLINE).until(() -> texts(stream, true).contains("web-2: hello from web-2"));
      assertThat(named(stream, "joined"))
          .anySatisfy(j -> assertThat(j).contains("web-2", "\"initial\":false"));

      second.append("more from web-2");
      await().atMost(DEADLINE).until(() -> texts(stream, true).contains("web-2: more from web-2"));

      kube.pods().inNamespace(namespace.name()).withName("web-1").delete();
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(named(stream, "left"))
                      .anySatisfy(l -> assertThat(l).contains("web-1", "deleted")));
    }
  }

  @Test
  void aUserWithoutPodsLogIsRefusedByTheCluster(TestNamespace namespace) {
    ContainerLog log = ContainerLog.create(dir.resolve(namespace.name() + "-secret.log"));
    log.append("not for you");
    talker(namespace, "secret", Map.of("app", "secret"), log, null);
    Session nolog = server.newUser("nolog-" + namespace.name().hashCode() % 1000, List.of());
    String user = "kubeward:nolog-" + namespace.name().hashCode() % 1000;
    kube.rbac()
        .roles()
        .inNamespace(namespace.name())
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName("pods-without-log")
                .endMetadata()
                .withRules(
                    new PolicyRuleBuilder()
                        .withApiGroups("")
                        .withResources("pods")
                        .withVerbs("get", "list", "watch")
                        .build())
                .build())
        .create();
    kube.rbac()
        .roleBindings()
        .inNamespace(namespace.name())
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("pods-without-log")
                .endMetadata()
                .addNewSubject()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("User")
                .withName(user)
                .endSubject()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("Role")
                .withName("pods-without-log")
                .endRoleRef()
                .build())
        .create();

    Response refused = nolog.get(ns(namespace) + "/pods/secret/logs");
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(refused.problemCode()).isEqualTo("resource.forbidden");
    assertThat(refused.json().get("detail").asString()).contains("pods/log", user);
    try (EventStream stream = nolog.stream(ns(namespace) + "/pods/secret/logs/stream")) {
      assertThat(stream.status()).isEqualTo(403);
      await().atMost(Duration.ofSeconds(5)).until(stream::ended);
      assertThat(String.join("\n", stream.lines())).contains("resource.forbidden", "pods/log");
    }
    // the tail lists the pod from the cache, then the cluster refuses its log
    try (EventStream tail =
        nolog.stream(ns(namespace) + "/logs/stream?selector=app%3Dsecret&follow=false")) {
      assertThat(tail.status()).isEqualTo(200);
      await().atMost(DEADLINE).until(() -> !named(tail, "finished").isEmpty());
      assertThat(named(tail, "ended"))
          .singleElement()
          .asString()
          .contains("resource.forbidden", "pods/log");
      assertThat(texts(tail, true)).isEmpty();
    }
  }

  @Test
  void logStreamsAreLimitedPerUserAndEndWithTheSession(TestNamespace namespace) {
    String name = "streamer-" + Math.abs(namespace.name().hashCode() % 1000);
    Session user =
        server.newUser(
            name, List.of(Map.of("role", "viewer", "cluster", CLUSTER, "namespace", "*")));
    String tail = ns(namespace) + "/logs/stream?selector=app%3Dnothing&follow=true";
    EventStream one = user.stream(tail);
    EventStream two = user.stream(tail);
    assertThat(one.status()).isEqualTo(200);
    assertThat(two.status()).isEqualTo(200);

    try (EventStream third = user.stream(tail)) {
      assertThat(third.status()).isEqualTo(429);
      assertThat(third.raw().headers().firstValue("Retry-After")).isPresent();
      await().atMost(Duration.ofSeconds(5)).until(third::ended);
      assertThat(String.join("\n", third.lines())).contains("stream.too-many", "logs");
    }
    two.close();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              try (EventStream again = user.stream(tail)) {
                assertThat(again.status()).isEqualTo(200);
              }
            });

    Response reset =
        admin.post(
            "/api/v1/users/" + name + "/password", Map.of("password", name + "-reset-pass-1"));
    assertThat(reset.status()).isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(one.ended()).isTrue();
              assertThat(one.lines()).contains("event:closed");
            });
  }
}
