package io.kubeward.server.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubeward.server.RunningServer;
import java.io.IOException;
import java.net.ServerSocket;
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
 * The exec and port-forward WebSockets through the real HTTP edge and security filters, against a
 * cluster that does not answer (no control plane needed): authentication by bearer token and by
 * session cookie with the Origin check, refusals as problem frames in the caller's language with
 * close code 4000 + status, the switch. The sessions themselves are in {@code ExecIT}.
 */
class ExecSocketTest {

  @TempDir static Path dir;
  static RunningServer server;
  static String adminToken;

  @BeforeAll
  static void start() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path kubeconfig =
        Files.writeString(
            dir.resolve("kubeconfig"),
            """
            apiVersion: v1
            kind: Config
            clusters:
            - name: offline
              cluster:
                server: https://127.0.0.1:%d
                insecure-skip-tls-verify: true
            users:
            - name: admin
              user:
                token: not-a-real-token
            contexts:
            - name: offline
              context: {cluster: offline, user: admin}
            current-context: offline
            """
                .formatted(closedPort));
    server = RunningServer.start("--kubeconfig", kubeconfig.toString());
    adminToken = server.admin().createToken("exec-test", 1);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String ws(String path) {
    return server.url(path).replaceFirst("^http", "ws");
  }

  private static final String EXEC = "/api/v1/clusters/offline/namespaces/team/pods/web/exec";

  @Test
  void aDisabledClusterRefusesExecWithABilingualProblemFrame() throws Exception {
    assertThat(
            server
                .admin()
                .put("/api/v1/clusters/offline/exec-settings", Map.of("enabled", false))
                .status())
        .isEqualTo(200);
    try {
      WsProbe en =
          WsProbe.open(
              ws(EXEC + "?shell=/bin/sh"), Map.of("Authorization", "Bearer " + adminToken));
      assertThat(en.awaitClose()).isEqualTo(4403);
      assertThat(en.statuses().getFirst())
          .contains("\"type\":\"problem\"", "\"code\":\"exec.disabled\"", "disabled exec");

      WsProbe zh =
          WsProbe.open(
              ws(EXEC),
              Map.of("Authorization", "Bearer " + adminToken, "Accept-Language", "zh-CN"));
      assertThat(zh.awaitClose()).isEqualTo(4403);
      assertThat(zh.statuses().getFirst()).contains("禁用");

      WsProbe forward =
          WsProbe.open(
              ws("/api/v1/clusters/offline/namespaces/team/pods/web/portforward?port=8080"),
              Map.of("Authorization", "Bearer " + adminToken));
      assertThat(forward.awaitClose()).isEqualTo(4403);
    } finally {
      server.admin().put("/api/v1/clusters/offline/exec-settings", Map.of("enabled", true));
    }
    assertThat(server.getAsAdmin("/api/v1/audit?verb=exec").body()).contains("exec.disabled");
  }

  @Test
  void badRequestsAreProblemFramesAndNeverReachTheCluster() throws Exception {
    WsProbe shell =
        WsProbe.open(
            ws(EXEC + "?shell=/usr/bin/python3"), Map.of("Authorization", "Bearer " + adminToken));
    assertThat(shell.awaitClose()).isEqualTo(4400);
    assertThat(shell.statuses().getFirst()).contains("exec.invalid", "shell");

    WsProbe noPort =
        WsProbe.open(
            ws("/api/v1/clusters/offline/namespaces/team/pods/web/portforward"),
            Map.of("Authorization", "Bearer " + adminToken));
    assertThat(noPort.awaitClose()).isEqualTo(4400);
    assertThat(noPort.statuses().getFirst()).contains("port");
  }

  @Test
  void anUnreachableClusterIsAProblemFrame() throws Exception {
    WsProbe probe =
        WsProbe.open(ws(EXEC + "?command=pwd"), Map.of("Authorization", "Bearer " + adminToken));
    assertThat(probe.awaitClose()).isEqualTo(4503);
    assertThat(probe.statuses().getFirst()).contains("cluster.unreachable");
  }

  @Test
  void aConsoleSessionNeedsItsOwnOrigin() throws Exception {
    String cookie = "KUBEWARD_SESSION=" + server.admin().cookie("KUBEWARD_SESSION");
    WsProbe noOrigin = WsProbe.open(ws(EXEC), Map.of("Cookie", cookie));
    assertThat(noOrigin.handshakeStatus).isEqualTo(403);

    WsProbe foreign =
        WsProbe.open(ws(EXEC), Map.of("Cookie", cookie, "Origin", "http://evil.example"));
    assertThat(foreign.handshakeStatus).isEqualTo(403);

    String own = server.url("").replaceAll("/$", "");
    WsProbe same =
        WsProbe.open(ws(EXEC + "?shell=/bin/fish"), Map.of("Cookie", cookie, "Origin", own));
    assertThat(same.handshakeStatus).isZero();
    assertThat(same.awaitClose()).isEqualTo(4400); // opened, then the request's own problem
  }

  @Test
  void anonymousAndNonCanonicalHandshakesAreRefusedByTheHttpEdge() {
    assertThat(WsProbe.open(ws(EXEC), Map.of()).handshakeStatus).isEqualTo(401);
    assertThat(
            WsProbe.open(
                    ws("/api/v1/clusters/offline/namespaces/team/pods/%77eb/exec"),
                    Map.of("Authorization", "Bearer " + adminToken))
                .handshakeStatus)
        .isEqualTo(400);
  }

  @Test
  void onlyAdministratorsTurnTheSwitch() {
    // no grants: creating bindings in the offline cluster would wait for it
    var user = server.newUser("exec-user", List.of());
    assertThat(
            user.put("/api/v1/clusters/offline/exec-settings", Map.of("enabled", false)).status())
        .isEqualTo(403);
    assertThat(
            server
                .admin()
                .get("/api/v1/clusters/offline/exec-settings")
                .json()
                .get("enabled")
                .asBoolean())
        .isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                server
                    .getAsAdmin("/api/v1/audit?verb=exec.configure")
                    .body()
                    .contains("exec-user"));
  }
}
