package io.kubeward.sandbox.console;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.KubewardServer;
import io.kubeward.server.user.InitialCredentials;
import io.kubeward.testkit.controlplane.AccountWithoutImpersonation;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Path;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second Kubeward on the sandbox's control plane, in this JVM, whose service account has every
 * right of {@code deploy/kubernetes/kubeward-rbac.yaml} but {@code impersonate} (as {@code
 * FailSafeIT} in the server makes one): the cluster is read-only in it (ADR 0013), for the
 * console's banner. Its own data directory, so its admin has a generated password of its own.
 */
final class ReadOnlyKubeward implements AutoCloseable {

  static final String CLUSTER = "read-only-sandbox";
  private static final String ACCOUNT = "kubeward-console-noimp";

  private final KubernetesClient kube;
  private final AccountWithoutImpersonation account;
  private final ConfigurableApplicationContext server;

  private ReadOnlyKubeward(
      KubernetesClient kube,
      AccountWithoutImpersonation account,
      ConfigurableApplicationContext server) {
    this.kube = kube;
    this.account = account;
    this.server = server;
  }

  static ReadOnlyKubeward start(ControlPlane plane, Path dir) {
    KubernetesClient kube = plane.newAdminClient();
    AccountWithoutImpersonation account = null;
    try {
      plane.kubewardKubeconfig(); // the manifest's namespace and Role exist
      account = AccountWithoutImpersonation.install(kube, ACCOUNT);
      Path kubeconfig =
          plane.writeTokenKubeconfig(dir.resolve("read-only.kubeconfig"), account.token());
      ConfigurableApplicationContext server =
          KubewardServer.start(
              "--kubeconfig=" + kubeconfig,
              "--kubeward.cluster-name=" + CLUSTER,
              "--kubeward.data-dir=" + dir.resolve("read-only-data"),
              "--server.address=127.0.0.1",
              "--server.port=0");
      return new ReadOnlyKubeward(kube, account, server);
    } catch (RuntimeException e) {
      if (account != null) {
        account.remove();
      }
      kube.close();
      throw e;
    }
  }

  String url() {
    return "http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort();
  }

  /** The generated password of this Kubeward's admin (to be changed at the first sign-in). */
  String adminPassword() {
    return server.getBean(InitialCredentials.class).password();
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      account.remove();
      kube.close();
    }
  }
}
