package io.kubeward.testkit.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinariesTest {

  @TempDir Path dir;

  @Test
  void acceptsAFolderWithEveryBinary() throws IOException {
    for (Component component : Component.values()) {
      executable(component.binary());
    }
    assertThat(Binaries.verify(dir)).isEqualTo(dir);
  }

  @Test
  void namesEveryMissingBinary() throws IOException {
    executable("etcd");
    executable("kwok");

    assertThatThrownBy(() -> Binaries.verify(dir))
        .isInstanceOf(ControlPlaneException.class)
        .hasMessage(
            "Control-plane binaries missing in "
                + dir
                + ": kube-apiserver, kube-controller-manager, kube-scheduler");
  }

  private void executable(String name) throws IOException {
    Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
