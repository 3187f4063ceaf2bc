package io.kubeward.testkit.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A control plane must not outlive the JVM that started it: stopped JVMs stop their components;
 * components of a JVM killed outright are reaped by the next start.
 */
class NoOrphansIT {

  private Process child;

  @AfterEach
  void killChild() {
    if (child != null) {
      child.destroyForcibly();
    }
  }

  @Test
  void terminatedJvmStopsEveryComponentAndRemovesItsFolder() throws Exception {
    Started started = startChildControlPlane();

    child.destroy(); // SIGTERM, as Ctrl-C or a CI timeout would send

    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertAllDead(started.components());
    assertThat(started.workDir()).doesNotExist();
  }

  @Test
  void componentsOfAKilledJvmAreReapedByTheNextStart() throws Exception {
    Started started = startChildControlPlane();

    child.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(started.components()).anyMatch(ProcessHandle::isAlive);

    Path next = WorkDir.create();
    try {
      assertAllDead(started.components());
      assertThat(started.workDir()).doesNotExist();
    } finally {
      WorkDir.delete(next);
    }
  }

  private record Started(Path workDir, List<ProcessHandle> components) {}

  private Started startChildControlPlane() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-D" + Binaries.PROPERTY + "=" + Binaries.locate(),
                ControlPlaneMain.class.getName(),
                "--nodes",
                "1")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
      // skip log lines
    }
    assertThat(line).as("child control plane printed READY").isNotNull();
    Path workDir = Path.of(line.substring(line.indexOf("workdir=") + "workdir=".length()));
    List<ProcessHandle> components = child.toHandle().children().toList();
    assertThat(components)
        .hasSize((int) Arrays.stream(Component.values()).filter(Component::required).count());
    assertThat(Files.isDirectory(workDir)).isTrue();
    return new Started(workDir, components);
  }

  private static void assertAllDead(List<ProcessHandle> components) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(components).noneMatch(ProcessHandle::isAlive));
  }
}
