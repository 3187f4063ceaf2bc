package io.kubeward.testkit.controlplane;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * A service account with every right of {@code deploy/kubernetes/kubeward-rbac.yaml} but {@code
 * impersonate}: a Kubeward running with it finds its clusters read-only (ADR 0013). Its
 * ClusterRole, ClusterRoleBinding and RoleBinding (to the manifest's Role in {@code
 * kubeward-system}) are all named after the account; {@link #bindClusterRole} gives it more.
 */
public final class AccountWithoutImpersonation {

  public static final String NAMESPACE = "kubeward-system";
  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

  private final KubernetesClient admin;
  private final String name;

  private AccountWithoutImpersonation(KubernetesClient admin, String name) {
    this.admin = admin;
    this.name = name;
  }

  /**
   * Installs the account (idempotent); the manifest's namespace and Role must exist ({@link
   * ControlPlane#kubewardKubeconfig()} makes them).
   */
  public static AccountWithoutImpersonation install(KubernetesClient admin, String name) {
    AccountWithoutImpersonation account = new AccountWithoutImpersonation(admin, name);
    account.apply();
    return account;
  }

  public String name() {
    return name;
  }

  /** A token of the account, valid for an hour. */
  public String token() {
    return admin
        .serviceAccounts()
        .inNamespace(NAMESPACE)
        .withName(name)
        .tokenRequest(
            new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
        .getStatus()
        .getToken();
  }

  /** Binds a ClusterRole to the account, in a ClusterRoleBinding named {@code binding}. */
  public void bindClusterRole(String binding, String role) {
    admin
        .rbac()
        .clusterRoleBindings()
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(binding)
                .endMetadata()
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(name)
                .withNamespace(NAMESPACE)
                .endSubject()
                .withNewRoleRef()
                .withApiGroup(RBAC_GROUP)
                .withKind("ClusterRole")
                .withName(role)
                .endRoleRef()
                .build())
        .serverSideApply();
  }

  /** Deletes what {@link #install} made (not what {@link #bindClusterRole} added). */
  public void remove() {
    admin.rbac().clusterRoleBindings().withName(name).delete();
    admin.rbac().clusterRoles().withName(name).delete();
    admin.rbac().roleBindings().inNamespace(NAMESPACE).withName(name).delete();
    admin.serviceAccounts().inNamespace(NAMESPACE).withName(name).delete();
  }

  private void apply() {
    admin
        .serviceAccounts()
        .inNamespace(NAMESPACE)
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NAMESPACE)
                .endMetadata()
                .build())
        .serverSideApply();
    admin
        .rbac()
        .clusterRoles()
        .resource(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withRules(manifestRulesButImpersonate())
                .build())
        .serverSideApply();
    bindClusterRole(name, name);
    admin
        .rbac()
        .roleBindings()
        .inNamespace(NAMESPACE)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NAMESPACE)
                .endMetadata()
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName(name)
                .withNamespace(NAMESPACE)
                .endSubject()
                .withNewRoleRef()
                .withApiGroup(RBAC_GROUP)
                .withKind("Role")
                .withName("kubeward")
                .endRoleRef()
                .build())
        .serverSideApply();
  }

  private List<PolicyRule> manifestRulesButImpersonate() {
    ClusterRole manifest;
    try (InputStream in =
        Files.newInputStream(KubewardAccount.repositoryFile(KubewardAccount.RBAC))) {
      manifest =
          admin.load(in).items().stream()
              .filter(ClusterRole.class::isInstance)
              .map(ClusterRole.class::cast)
              .findFirst()
              .orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<PolicyRule> rules =
        manifest.getRules().stream().filter(r -> !r.getVerbs().contains("impersonate")).toList();
    if (rules.size() != manifest.getRules().size() - 1) {
      throw new IllegalStateException(
          "expected exactly one impersonate rule in " + KubewardAccount.RBAC);
    }
    return rules;
  }
}
