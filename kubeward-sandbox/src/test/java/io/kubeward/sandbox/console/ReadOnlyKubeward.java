package io.kubeward.sandbox.console;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.KubewardServer;
import io.kubeward.server.user.InitialCredentials;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.KubewardAccount;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
  private static final String SYSTEM_NAMESPACE = "kubeward-system";

  private final KubernetesClient kube;
  private final ConfigurableApplicationContext server;

  private ReadOnlyKubeward(KubernetesClient kube, ConfigurableApplicationContext server) {
    this.kube = kube;
    this.server = server;
  }

  static ReadOnlyKubeward start(ControlPlane plane, Path dir) throws IOException {
    KubernetesClient kube = plane.newAdminClient();
    try {
      plane.kubewardKubeconfig(); // the manifest's namespace and Role exist
      installAccountWithoutImpersonation(kube);
      String token =
          kube.serviceAccounts()
              .inNamespace(SYSTEM_NAMESPACE)
              .withName(ACCOUNT)
              .tokenRequest(
                  new TokenRequestBuilder()
                      .withNewSpec()
                      .withExpirationSeconds(3600L)
                      .endSpec()
                      .build())
              .getStatus()
              .getToken();
      Path kubeconfig = plane.writeTokenKubeconfig(dir.resolve("read-only.kubeconfig"), token);
      ConfigurableApplicationContext server =
          KubewardServer.start(
              "--kubeconfig=" + kubeconfig,
              "--kubeward.cluster-name=" + CLUSTER,
              "--kubeward.data-dir=" + dir.resolve("read-only-data"),
              "--server.address=127.0.0.1",
              "--server.port=0");
      return new ReadOnlyKubeward(kube, server);
    } catch (RuntimeException | IOException e) {
      removeAccount(kube);
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
      removeAccount(kube);
      kube.close();
    }
  }

  /** The manifest's ClusterRole without its impersonate rule, bound to a service account. */
  private static void installAccountWithoutImpersonation(KubernetesClient kube) throws IOException {
    ClusterRole manifest;
    try (InputStream in =
        Files.newInputStream(KubewardAccount.repositoryFile(KubewardAccount.RBAC))) {
      manifest =
          kube.load(in).items().stream()
              .filter(o -> o instanceof ClusterRole)
              .map(ClusterRole.class::cast)
              .findFirst()
              .orElseThrow();
    }
    List<PolicyRule> rules =
        manifest.getRules().stream().filter(r -> !r.getVerbs().contains("impersonate")).toList();
    if (rules.size() != manifest.getRules().size() - 1) {
      throw new IllegalStateException("expected exactly one impersonate rule in the manifest");
    }
    kube.serviceAccounts()
        .inNamespace(SYSTEM_NAMESPACE)
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(ACCOUNT)
                .withNamespace(SYSTEM_NAMESPACE)
                .endMetadata()
                .build())
        .serverSideApply();
    kube.rbac()
        .clusterRoles()
        .resource(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(ACCOUNT)
                .endMetadata()
                .withRules(rules)
                .build())
        .serverSideApply();
    kube.rbac()
        .clusterRoleBindings()
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(ACCOUNT)
                .endMetadata()
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(ACCOUNT)
                .withNamespace(SYSTEM_NAMESPACE)
                .endSubject()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole")
                .withName(ACCOUNT)
                .endRoleRef()
                .build())
        .serverSideApply();
    kube.rbac()
        .roleBindings()
        .inNamespace(SYSTEM_NAMESPACE)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(ACCOUNT)
                .withNamespace(SYSTEM_NAMESPACE)
                .endMetadata()
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(ACCOUNT)
                .withNamespace(SYSTEM_NAMESPACE)
                .endSubject()
                .withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("Role")
                .withName("kubeward")
                .endRoleRef()
                .build())
        .serverSideApply();
  }

  private static void removeAccount(KubernetesClient kube) {
    kube.rbac().clusterRoleBindings().withName(ACCOUNT).delete();
    kube.rbac().clusterRoles().withName(ACCOUNT).delete();
    kube.rbac().roleBindings().inNamespace(SYSTEM_NAMESPACE).withName(ACCOUNT).delete();
    kube.serviceAccounts().inNamespace(SYSTEM_NAMESPACE).withName(ACCOUNT).delete();
  }
}
