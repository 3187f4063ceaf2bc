package io.kubeward.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kubeconfig naming a cluster at a closed port of 127.0.0.1: a cluster that is never there. */
public final class OfflineCluster {

  private OfflineCluster() {}

  public static Path kubeconfig(String name) {
    try {
      int closedPort;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closedPort = socket.getLocalPort();
      }
      Path dir = Files.createTempDirectory("kubeward-offline-");
      Path kubeconfig = dir.resolve("config");
      Files.writeString(
          kubeconfig,
          """
          apiVersion: v1
          kind: Config
          clusters:
          - name: %1$s
            cluster:
              server: https://127.0.0.1:%2$d
              insecure-skip-tls-verify: true
          users:
          - name: admin
            user:
              token: not-a-real-token
          contexts:
          - name: %1$s
            context: {cluster: %1$s, user: admin}
          current-context: %1$s
          """
              .formatted(name, closedPort));
      return kubeconfig;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
