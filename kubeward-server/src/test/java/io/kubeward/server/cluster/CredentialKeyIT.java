package io.kubeward.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.server.RunningServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Losing the credential key (or starting with another one) while the database holds encrypted
 * kubeconfigs stops the start with a clear message; no new key is made.
 */
@LocalControlPlane
class CredentialKeyIT {

  @TempDir Path dir;

  private String[] args(ControlPlane controlPlane, String... extra) {
    String[] base = {
      "--kubeconfig=" + controlPlane.kubewardKubeconfig(),
      "--kubeward.cluster-name=local",
      "--kubeward.data-dir=" + dir.resolve("data"),
      "--kubeward.security.admin-password=admin-password-for-keys"
    };
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  private static Throwable rootKeyFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CredentialKeyException) {
        return t;
      }
    }
    return null;
  }

  @Test
  void aMissingOrWrongKeyStopsTheStartInsteadOfReplacingTheKey(ControlPlane controlPlane)
      throws Exception {
    try (RunningServer server = RunningServer.start(args(controlPlane))) {
      String kubeconfig = Files.readString(controlPlane.kubeconfig());
      assertThat(
              server
                  .admin()
                  .post("/api/v1/clusters", Map.of("name", "added", "kubeconfig", kubeconfig))
                  .status())
          .isEqualTo(201);
    }
    Path keyFile = dir.resolve("data/encryption.key");
    byte[] key = Files.readAllBytes(keyFile);
    Files.delete(keyFile);

    assertThatThrownBy(() -> RunningServer.start(args(controlPlane)).close())
        .satisfies(
            failure -> {
              Throwable cause = rootKeyFailure(failure);
              assertThat(cause).isNotNull();
              assertThat(cause.getMessage()).contains("1 added cluster(s)", "is missing");
              FailureAnalysis analysis = new CredentialKeyFailureAnalyzer().analyze(failure);
              assertThat(analysis.getAction()).contains("kubeward.security.encryption-key");
            });
    assertThat(keyFile).as("no new key was made").doesNotExist();

    String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
    assertThatThrownBy(
            () ->
                RunningServer.start(
                        args(controlPlane, "--kubeward.security.encryption-key=" + otherKey))
                    .close())
        .satisfies(
            failure ->
                assertThat(rootKeyFailure(failure).getMessage())
                    .contains("\"added\"", "do not decrypt"));

    Files.write(keyFile, key);
    try (RunningServer restored = RunningServer.start(args(controlPlane))) {
      assertThat(restored.login("admin", "admin-password-for-keys").get("/api/v1/clusters").body())
          .contains("\"added\"");
    }
  }
}
