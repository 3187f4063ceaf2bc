package io.kubeward.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.cluster.domain.ClientSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConnectionTest {

  @TempDir Path dir;

  private Path kubeconfig() throws IOException {
    return Files.writeString(
        dir.resolve("config"),
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: a
          cluster: {server: "https://10.0.0.1:6443", insecure-skip-tls-verify: true}
        - name: b
          cluster: {server: "https://10.0.0.2:6443", insecure-skip-tls-verify: true}
        users:
        - name: u
          user: {token: t}
        contexts:
        - name: kubernetes-admin@prod
          context: {cluster: a, user: u}
        - name: staging
          context: {cluster: b, user: u}
        current-context: kubernetes-admin@prod
        """);
  }

  @Test
  void namesTheClusterAfterTheCurrentContext() throws IOException {
    ClusterConnection connection =
        ClusterConnection.resolve(
            null, new ClusterSource.KubeconfigFile(kubeconfig(), null), ClientSettings.defaults());

    assertThat(connection.name()).isEqualTo("kubernetes-admin@prod");
    assertThat(connection.serverUrl()).startsWith("https://10.0.0.1:6443");
  }

  @Test
  void usesTheChosenContextAndAnExplicitName() throws IOException {
    ClusterConnection connection =
        ClusterConnection.resolve(
            "stage",
            new ClusterSource.KubeconfigFile(kubeconfig(), "staging"),
            ClientSettings.defaults());

    assertThat(connection.name()).isEqualTo("stage");
    assertThat(connection.serverUrl()).startsWith("https://10.0.0.2:6443");
  }

  @Test
  void unknownContextIsAConfigurationError() throws IOException {
    Path file = kubeconfig();

    assertThatThrownBy(
            () ->
                ClusterConnection.resolve(
                    null,
                    new ClusterSource.KubeconfigFile(file, "nope"),
                    ClientSettings.defaults()))
        .isInstanceOf(ClusterConfigurationException.class)
        .hasMessageStartingWith("context 'nope' not found in kubeconfig");
  }

  @Test
  void missingFileIsAConfigurationError() {
    assertThatThrownBy(
            () ->
                ClusterConnection.resolve(
                    null,
                    new ClusterSource.KubeconfigFile(dir.resolve("absent"), null),
                    ClientSettings.defaults()))
        .isInstanceOf(ClusterConfigurationException.class)
        .hasMessageEndingWith("absent does not exist or cannot be read");
  }

  @Test
  void nameThatCannotBeUsedInAUrlIsRejected() throws IOException {
    Path file = kubeconfig();

    assertThatThrownBy(
            () ->
                ClusterConnection.resolve(
                    "a/b", new ClusterSource.KubeconfigFile(file, null), ClientSettings.defaults()))
        .isInstanceOf(ClusterConfigurationException.class)
        .hasMessageContaining("cluster name 'a/b'");
  }

  @Test
  void aKubeconfigTextWithoutAContextIsRefusedNotReadAsInCluster() {
    // YAML, but no kubeconfig: fabric8 would fall back to https://kubernetes.default.svc
    assertThatThrownBy(
            () ->
                ClusterConnection.resolve(
                    "x",
                    new ClusterSource.KubeconfigText("a:\n  b:\n    c: d\n", null),
                    ClientSettings.defaults()))
        .isInstanceOf(ClusterConfigurationException.class)
        .hasMessageContaining("context");
  }
}
