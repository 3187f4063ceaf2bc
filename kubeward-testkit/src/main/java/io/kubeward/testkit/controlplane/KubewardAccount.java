package io.kubeward.testkit.controlplane;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Kubeward's own service account in a local control plane, with exactly the rights of {@code
 * deploy/kubernetes/kubeward-rbac.yaml} (impersonation, the cache's kinds, its controllers), and a
 * kubeconfig for it, and the admission policy that keeps NodeMaintenances from lending Kubeward's
 * rights ({@code deploy/kubernetes/kubeward-maintenance-policy.yaml}): what Kubeward runs with in
 * the tests and the sandbox, so that they prove it needs nothing more. {@link #bindAdmins} applies
 * {@code deploy/kubernetes/kubeward-admins.yaml} (Kubeward's administrators are cluster-admin), as
 * a site may.
 */
public final class KubewardAccount {

  public static final String RBAC = "deploy/kubernetes/kubeward-rbac.yaml";
  public static final String ADMINS = "deploy/kubernetes/kubeward-admins.yaml";
  public static final String MAINTENANCE_POLICY =
      "deploy/kubernetes/kubeward-maintenance-policy.yaml";
  static final Duration TOKEN_LIFETIME = Duration.ofDays(7);

  private KubewardAccount() {}

  /** Installs the service account and its rights (idempotent) and returns a token of it. */
  public static String install(KubernetesClient admin) {
    apply(admin, RBAC);
    apply(admin, MAINTENANCE_POLICY);
    TokenRequest token =
        admin
            .serviceAccounts()
            .inNamespace("kubeward-system")
            .withName("kubeward")
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(TOKEN_LIFETIME.toSeconds())
                    .endSpec()
                    .build());
    return token.getStatus().getToken();
  }

  /** Lets Kubeward's administrators (group {@code kubeward:admins}) be cluster-admin. */
  public static void bindAdmins(KubernetesClient admin) {
    apply(admin, ADMINS);
  }

  /** Server-side applies every object of a manifest of the repository. */
  public static void apply(KubernetesClient admin, String manifest) {
    try (InputStream in = Files.newInputStream(repositoryFile(manifest))) {
      List<HasMetadata> objects = admin.load(in).items();
      for (HasMetadata object : objects) {
        admin.resource(object).fieldManager("kubeward-testkit").forceConflicts().serverSideApply();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file of the repository, found from the working directory or one of its parents. */
  public static Path repositoryFile(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve(relative);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        relative + " not found in " + Path.of("").toAbsolutePath() + " or its parents");
  }
}
