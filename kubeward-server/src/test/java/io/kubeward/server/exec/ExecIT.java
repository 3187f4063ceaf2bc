package io.kubeward.server.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exec through Kubeward's WebSocket to KWOK's emulated kubelet, through the real apiserver, with
 * the caller's identity (KWOK runs the command on this machine in a test folder: harmless commands
 * only). Output and stdin, resize, the apiserver's refusal of a viewer, the audit records of start
 * and end, the cluster switch, the per-user limit and the end of a session with its user's.
 */
@LocalControlPlane
class ExecIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String CLUSTER = "/api/v1/clusters/local";
  static RunningServer server;
  static String adminToken;

  @BeforeAll
  static void start(ControlPlane plane) {
    server =
        RunningServer.start(
            "--kubeconfig",
            plane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=local",
            "--kubeward.probe.interval=1s",
            "--kubeward.exec.max-sessions-per-user=2",
            "--kubeward.stream.revalidate-interval=1s");
    adminToken = server.admin().createToken("exec-it", 1);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String ws(String namespace, String pod, String query) {
    return server
        .url(CLUSTER + "/namespaces/" + namespace + "/pods/" + pod + "/exec?" + query)
        .replaceFirst("^http", "ws");
  }

  private static String command(String... argv) {
    StringBuilder q = new StringBuilder();
    for (String a : argv) {
      q.append(q.isEmpty() ? "" : "&")
          .append("command=")
          .append(URLEncoder.encode(a, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return q.toString();
  }

  private static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }

  static void runningPod(KubernetesClient client, TestNamespace ns, String name) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("app")
            .withImage("registry.example/app:1")
            .endContainer()
            .endSpec()
            .build();
    client.pods().inNamespace(ns.name()).resource(pod).create();
    await()
        .atMost(DEADLINE)
        .until(
            () -> {
              Pod current = client.pods().inNamespace(ns.name()).withName(name).get();
              return current != null && "Running".equals(current.getStatus().getPhase());
            });
  }

  /** A pod whose exec KWOK runs in {@code dir}, once it answers. */
  private static void execReady(
      ControlPlane plane, KubernetesClient client, TestNamespace ns, String pod, Path dir)
      throws Exception {
    runningPod(client, ns, pod);
    Files.writeString(dir.resolve("motd"), "hello from kwok\n");
    plane.debugging().exec(ns.name(), pod, dir, Map.of());
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              WsProbe probe =
                  WsProbe.open(ws(ns.name(), pod, command("cat", "motd")), bearer(adminToken));
              assertThat(probe.awaitClose()).isEqualTo(1000);
              assertThat(probe.text(1)).isEqualTo("hello from kwok\n");
            });
  }

  @Test
  void anExecRunsWithStdinAcceptsAResizeAndIsAuditedFromStartToEnd(
      ControlPlane plane, KubernetesClient client, TestNamespace ns, @TempDir Path dir)
      throws Exception {
    execReady(plane, client, ns, "shell", dir);

    WsProbe probe =
        WsProbe.open(
            ws(ns.name(), "shell", command("sh", "-c", "read x; echo got $x; pwd; exit 3")),
            bearer(adminToken));
    await()
        .atMost(DEADLINE)
        .until(() -> probe.statuses().stream().anyMatch(s -> s.contains("\"open\"")));
    probe.send(4, "{\"cols\":120,\"rows\":40}".getBytes(StandardCharsets.UTF_8));
    probe.send(0, "hello\n".getBytes(StandardCharsets.UTF_8));
    probe.send(5, new byte[0]);

    assertThat(probe.awaitClose()).isEqualTo(1000);
    assertThat(probe.text(1)).isEqualTo("got hello\n" + dir.toAbsolutePath() + "\n");
    assertThat(probe.statuses()).anyMatch(s -> s.contains("\"type\":\"exit\"") && s.contains("3"));

    String audit = server.getAsAdmin("/api/v1/audit?namespace=" + ns.name()).body();
    assertThat(audit).contains("\"verb\":\"exec\"", "\"verb\":\"exec.end\"", "read x");
    assertThat(audit).contains("exitCode: 3", "started: ", "ended: ");
  }

  @Test
  void aViewerWithoutPodsExecIsRefusedByTheApiserver(
      ControlPlane plane, KubernetesClient client, TestNamespace ns, @TempDir Path dir)
      throws Exception {
    execReady(plane, client, ns, "guarded", dir);
    RunningServer.Session viewer =
        server.newUser(
            "exec-viewer-" + ns.name().substring(ns.name().length() - 4),
            List.of(Map.of("role", "viewer", "cluster", "local", "namespace", ns.name())));
    String token = viewer.createToken("viewer", 1);

    WsProbe probe = WsProbe.open(ws(ns.name(), "guarded", command("pwd")), bearer(token));
    assertThat(probe.awaitClose()).isEqualTo(4403);
    assertThat(probe.statuses().getFirst()).contains("resource.forbidden", "pods/exec");
    // the start record of the refused exec: a failure, with the apiserver's refusal as its error
    String refused =
        server.getAsAdmin("/api/v1/audit?verb=exec&result=failure&namespace=" + ns.name()).body();
    assertThat(refused)
        .contains(
            "\"verb\":\"exec\"",
            "\"name\":\"guarded\"",
            "\"result\":\"failure\"",
            "resource.forbidden",
            "pods/exec");
  }

  @Test
  void aDisabledClusterRefusesUntilEnabledAgain(
      ControlPlane plane, KubernetesClient client, TestNamespace ns, @TempDir Path dir)
      throws Exception {
    execReady(plane, client, ns, "switch", dir);
    server.admin().put(CLUSTER + "/exec-settings", Map.of("enabled", false));
    try {
      WsProbe probe = WsProbe.open(ws(ns.name(), "switch", command("pwd")), bearer(adminToken));
      assertThat(probe.awaitClose()).isEqualTo(4403);
      assertThat(probe.statuses().getFirst()).contains("exec.disabled");
    } finally {
      server.admin().put(CLUSTER + "/exec-settings", Map.of("enabled", true));
    }
    WsProbe again = WsProbe.open(ws(ns.name(), "switch", command("pwd")), bearer(adminToken));
    assertThat(again.awaitClose()).isEqualTo(1000);
  }

  @Test
  void sessionsAreLimitedPerUserAndEndWithTheUsersSession(
      ControlPlane plane, KubernetesClient client, TestNamespace ns, @TempDir Path dir)
      throws Exception {
    execReady(plane, client, ns, "limits", dir);
    String operatorName = "exec-op-" + ns.name().substring(ns.name().length() - 4);
    RunningServer.Session operator =
        server.newUser(
            operatorName,
            List.of(Map.of("role", "operator", "cluster", "local", "namespace", ns.name())));
    String token = operator.createToken("op", 1);
    // two sessions that wait for input (the limit is 2), a third is refused with 429
    WsProbe one = WsProbe.open(ws(ns.name(), "limits", command("cat")), bearer(token));
    WsProbe two = WsProbe.open(ws(ns.name(), "limits", command("cat")), bearer(token));
    await().atMost(DEADLINE).until(() -> two.statuses().stream().anyMatch(s -> s.contains("open")));
    WsProbe three = WsProbe.open(ws(ns.name(), "limits", command("cat")), bearer(token));
    assertThat(three.awaitClose()).isEqualTo(4429);
    assertThat(three.statuses().getFirst()).contains("exec.too-many");

    // the administrator disables the user: their sessions end at once
    assertThat(server.admin().post("/api/v1/users/" + operatorName + "/disable", Map.of()).status())
        .isLessThan(300);
    assertThat(one.awaitClose()).isEqualTo(1000);
    assertThat(two.awaitClose()).isEqualTo(1000);
    assertThat(one.statuses()).anyMatch(s -> s.contains("signed-out"));
  }
}
