package io.kubeward.testkit.controlplane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Writes a kubeconfig with one cluster, one token user and one context, all named "kubeward". */
final class Kubeconfig {

  static final String CONTEXT = "kubeward-local";

  private Kubeconfig() {}

  static Path write(Path file, String serverUrl, byte[] caPem, String token) throws IOException {
    String yaml =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: %2$s
            certificate-authority-data: %3$s
        users:
        - name: %1$s
          user:
            token: %4$s
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            user: %1$s
        current-context: %1$s
        """
            .formatted(CONTEXT, serverUrl, Base64.getEncoder().encodeToString(caPem), token);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }
}
