package io.kubeward.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.kubeward.testkit.controlplane.ContainerLog;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logs, exec and port-forward of KWOK pods go through the real apiserver to KWOK's kubelet. */
@LocalControlPlane
class KwokDebuggingIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void logsAreServedAndFollowedWhileLinesAreAppended(
      ControlPlane plane, KubernetesClient client, TestNamespace ns, @TempDir Path dir)
      throws Exception {
    runningPod(client, ns, "talker");
    ContainerLog current = ContainerLog.create(dir.resolve("current.log")).append("one", "two");
    ContainerLog previous = ContainerLog.create(dir.resolve("previous.log")).append("before crash");
    plane.debugging().logs(ns.name(), "talker", Map.of("app", current), Map.of("app", previous));
    plane.debugging().awaitLogsServed(ns.name(), "talker", "app", TIMEOUT);

    var pod = client.pods().inNamespace(ns.name()).withName("talker").inContainer("app");
    assertThat(pod.getLog()).isEqualTo("one\ntwo\n");
    assertThat(pod.terminated().getLog()).isEqualTo("before crash\n");

    var followed = new LineCollector();
    try (LogWatch watch = pod.watchLog(followed)) {
      await().atMost(TIMEOUT).until(() -> followed.lines().size() == 2);
      current.append("three");
      await().atMost(TIMEOUT).until(() -> followed.lines().size() == 3);
      assertThat(followed.lines()).containsExactly("one", "two", "three");
    }
  }

  /** The complete lines written to it so far. */
  private static final class LineCollector extends OutputStream {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        lines.add(pending.toString(StandardCharsets.UTF_8));
        pending.reset();
      } else {
        pending.write(b);
      }
    }

    synchronized List<String> lines() {
      return List.copyOf(lines);
    }
  }

  @Test
  void execRunsTheCommandInTheWorkFolderWithStdin(
      ControlPlane plane, KubernetesClient client, TestNamespace ns, @TempDir Path dir)
      throws Exception {
    runningPod(client, ns, "shell");
    Files.writeString(dir.resolve("motd"), "hello from kwok\n");
    plane.debugging().exec(ns.name(), "shell", dir, Map.of());

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> assertThat(exec(client, ns, "cat", "motd")).isEqualTo("hello from kwok\n"));
    assertThat(exec(client, ns, "sh", "-c", "echo $KWOK_POD")).isEqualTo(ns.name() + "/shell\n");
  }

  @Test
  void portForwardReachesTheLoopbackTarget(
      ControlPlane plane, KubernetesClient client, TestNamespace ns) throws Exception {
    runningPod(client, ns, "web");
    try (ServerSocket target = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> echoOnce(target));
      plane.debugging().portForward(ns.name(), "web", 8080, target.getLocalPort());

      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () -> {
                try (var forward =
                        client.pods().inNamespace(ns.name()).withName("web").portForward(8080);
                    Socket socket =
                        new Socket(InetAddress.getLoopbackAddress(), forward.getLocalPort())) {
                  socket.setSoTimeout(5000);
                  socket.getOutputStream().write("ping\n".getBytes(StandardCharsets.UTF_8));
                  var reply =
                      new BufferedReader(
                              new InputStreamReader(
                                  socket.getInputStream(), StandardCharsets.UTF_8))
                          .readLine();
                  assertThat(reply).isEqualTo("ping");
                }
              });
    }
  }

  private static void echoOnce(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        byte[] buffer = new byte[256];
        int n;
        while ((n = in.read(buffer)) > 0) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (Exception closed) {
        return;
      }
    }
  }

  private static String exec(KubernetesClient client, TestNamespace ns, String... command)
      throws Exception {
    var out = new ByteArrayOutputStream();
    try (ExecWatch watch =
        client
            .pods()
            .inNamespace(ns.name())
            .withName("shell")
            .inContainer("app")
            .writingOutput(out)
            .exec(command)) {
      watch.exitCode().get(30, TimeUnit.SECONDS);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void runningPod(KubernetesClient client, TestNamespace ns, String name) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("app")
            .withImage(Workloads.IMAGE)
            .endContainer()
            .endSpec()
            .build();
    client.pods().inNamespace(ns.name()).resource(pod).create();
    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              Pod current = client.pods().inNamespace(ns.name()).withName(name).get();
              return current != null && "Running".equals(current.getStatus().getPhase());
            });
  }
}
