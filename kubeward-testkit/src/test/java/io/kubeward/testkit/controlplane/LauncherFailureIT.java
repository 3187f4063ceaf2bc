package io.kubeward.testkit.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A launcher that fails must say which component failed, quote its log, and leave nothing running.
 * Uses the real binaries, with one replaced by a misbehaving script where needed.
 */
class LauncherFailureIT {

  @TempDir Path binDir;
  private Set<Long> descendantsBefore;
  private Set<Path> workFoldersBefore;

  @BeforeEach
  void linkRealBinaries() throws IOException {
    descendantsBefore =
        ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    workFoldersBefore = workFolders();
    Path realBinaries = Binaries.locate();
    for (Component component : Component.values()) {
      Files.createSymbolicLink(
          binDir.resolve(component.binary()), realBinaries.resolve(component.binary()));
    }
  }

  @Test
  void portAlreadyTakenIsReportedByTheComponentThatCannotBindIt() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ControlPlaneOptions options = options().port(Component.ETCD, taken.getLocalPort()).build();

      assertThatThrownBy(() -> ControlPlane.start(options))
          .isInstanceOf(ControlPlaneException.class)
          .hasMessageStartingWith("etcd exited early")
          .hasMessageContaining("address already in use");
    }
    assertNothingLeftRunning();
  }

  @Test
  void binaryThatExitsEarlyIsNamedWithTheEndOfItsLog() throws IOException {
    replaceWithScript(
        Component.KUBE_APISERVER, "echo 'E1122 simulated: cannot load certificates' >&2; exit 3");

    assertThatThrownBy(() -> ControlPlane.start(options().build()))
        .isInstanceOf(ControlPlaneException.class)
        .hasMessageStartingWith("kube-apiserver exited early with code 3")
        .hasMessageContaining("simulated: cannot load certificates");
    assertNothingLeftRunning();
  }

  @Test
  void apiServerThatNeverBecomesHealthyTimesOutAndIsStopped() throws IOException {
    replaceWithScript(Component.KUBE_APISERVER, "echo 'starting forever'; exec sleep 600");

    assertThatThrownBy(
            () -> ControlPlane.start(options().startTimeout(Duration.ofSeconds(3)).build()))
        .isInstanceOf(ControlPlaneException.class)
        .hasMessageStartingWith("kube-apiserver did not become healthy within 3 s")
        .hasMessageContaining("starting forever");
    assertNothingLeftRunning();
  }

  private ControlPlaneOptions.Builder options() {
    return ControlPlaneOptions.builder().binDir(binDir).startTimeout(Duration.ofSeconds(60));
  }

  private void replaceWithScript(Component component, String body) throws IOException {
    Path script = binDir.resolve(component.binary());
    Files.delete(script);
    Files.writeString(script, "#!/usr/bin/env bash\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** No process started by this test is alive, and no work folder of it remains. */
  private void assertNothingLeftRunning() throws IOException {
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
        .extracting(ProcessHandle::pid)
        .isSubsetOf(descendantsBefore);
    assertThat(workFolders()).isSubsetOf(workFoldersBefore);
  }

  /** The work folders of this JVM (other test JVMs on the machine may be starting planes). */
  private static Set<Path> workFolders() throws IOException {
    try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return dirs.filter(d -> d.getFileName().toString().startsWith("kubeward-controlplane-"))
          .filter(LauncherFailureIT::ownedByThisJvm)
          .collect(Collectors.toSet());
    }
  }

  private static boolean ownedByThisJvm(Path dir) {
    try {
      String owner = Files.readString(dir.resolve(ProcessRegistry.OWNER_FILE)).trim();
      return owner.equals(Long.toString(ProcessHandle.current().pid()));
    } catch (IOException e) {
      return false; // being created or deleted right now by someone: not ours
    }
  }
}
