package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.KubewardServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code kubeward port-forward} end to end: the CLI in this JVM listens on a free loopback port,
 * each TCP connection becomes a WebSocket tunnel through Kubeward and the real apiserver to KWOK's
 * port-forward, which leads to a loopback echo server; the bytes come back, and the tunnel is
 * audited.
 */
@LocalControlPlane
class PortForwardCliIT {

  private static final String PASSWORD = "pf-it-admin-password";
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @TempDir static Path dir;
  private static ConfigurableApplicationContext server;
  private static String url;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    server =
        KubewardServer.start(
            "--kubeconfig=" + controlPlane.kubewardKubeconfig(),
            "--kubeward.cluster-name=local",
            "--server.address=127.0.0.1",
            "--server.port=0",
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.security.admin-password=" + PASSWORD);
    url = "http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static int login() {
    CliContext context =
        new CliContext(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(new StringWriter(), true),
            new BufferedReader(new StringReader(PASSWORD + "\n")),
            Map.of("LANG", "en_US.UTF-8"),
            dir.resolve("home/.config/kubeward/cli.json"),
            null,
            Clock.systemUTC());
    return KubewardCli.run(
        new String[] {"login", "--server", url, "--user", "admin", "--password-stdin"}, context);
  }

  @Test
  void bytesGoThroughKubewardToThePodsPortAndBack(
      ControlPlane plane, KubernetesClient client, TestNamespace ns) throws Exception {
    assertThat(login()).isZero();
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("web")
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
            () ->
                "Running"
                    .equals(
                        client
                            .pods()
                            .inNamespace(ns.name())
                            .withName("web")
                            .get()
                            .getStatus()
                            .getPhase()));
    try (ServerSocket echo = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> echo(echo));
      plane.debugging().portForward(ns.name(), "web", 8080, echo.getLocalPort());

      PipedWriter outWriter = new PipedWriter();
      BufferedReader printed = new BufferedReader(new PipedReader(outWriter, 4096));
      CliContext context =
          new CliContext(
              new PrintWriter(outWriter, true),
              new PrintWriter(System.err, true),
              new BufferedReader(new StringReader("")),
              Map.of("LANG", "en_US.UTF-8"),
              dir.resolve("home/.config/kubeward/cli.json"),
              null,
              Clock.systemUTC());
      Thread cli =
          Thread.ofVirtual()
              .start(
                  () ->
                      KubewardCli.run(
                          new String[] {
                            "port-forward", "web", ":8080", "-n", ns.name(), "--cluster", "local"
                          },
                          context));
      Matcher listening =
          Pattern.compile("Forwarding from 127\\.0\\.0\\.1:(\\d+) -> 8080")
              .matcher(printed.readLine());
      assertThat(listening.find()).isTrue();
      int local = Integer.parseInt(listening.group(1));

      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () -> {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), local)) {
                  socket.setSoTimeout(10_000);
                  byte[] payload = new byte[70_000]; // more than one frame, every byte value
                  for (int i = 0; i < payload.length; i++) {
                    payload[i] = (byte) i;
                  }
                  socket.getOutputStream().write(payload);
                  socket.getOutputStream().flush();
                  byte[] back = socket.getInputStream().readNBytes(payload.length);
                  assertThat(back).isEqualTo(payload);
                }
              });
      cli.interrupt();
    }
    assertThat(audit(ns.name())).contains("\"verb\":\"port-forward\"", "port: 8080");
  }

  private static String audit(String namespace) throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    String token =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(dir.resolve("home/.config/kubeward/cli.json").toFile())
            .get("token")
            .asText();
    return http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url + "/api/v1/audit?namespace=" + namespace))
                .header("Authorization", "Bearer " + token)
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static void echo(ServerSocket server) {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread.ofVirtual()
            .start(
                () -> {
                  try (socket) {
                    InputStream in = socket.getInputStream();
                    OutputStream out = socket.getOutputStream();
                    byte[] buffer = new byte[8192];
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                      out.write(buffer, 0, n);
                      out.flush();
                    }
                  } catch (Exception gone) {
                    // the client went away
                  }
                });
      } catch (Exception closed) {
        return;
      }
    }
  }
}
