package io.kubeward.access.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.access.domain.ClusterAccess;
import io.kubeward.access.domain.ResourceAction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds out, with Kubeward's own credentials, whether Kubeward may impersonate users and groups in
 * a cluster (two {@code SelfSubjectAccessReview}s), which decides its {@link ClusterAccess}.
 */
public final class ImpersonationCheck {

  private ImpersonationCheck() {}

  /**
   * @throws io.fabric8.kubernetes.client.KubernetesClientException if the cluster cannot answer
   */
  public static ClusterAccess check(KubernetesClient kubeward, Clock clock) {
    List<String> missing = new ArrayList<>();
    for (String resource : List.of("users", "groups")) {
      if (!allowed(kubeward, resource)) {
        missing.add("impersonate " + resource);
      }
    }
    if (missing.isEmpty()) {
      return new ClusterAccess(
          ClusterAccess.Mode.IMPERSONATE,
          "Kubeward acts for each user with the user's identity (impersonation)",
          clock.instant());
    }
    return new ClusterAccess(
        ClusterAccess.Mode.READ_ONLY,
        "Kubeward's credentials lack " + String.join(" and ", missing),
        clock.instant(),
        ClusterAccess.NOT_GRANTED,
        missing);
  }

  private static boolean allowed(KubernetesClient kubeward, String resource) {
    return SelfReview.allowed(kubeward, ResourceAction.of("impersonate", "", resource, null));
  }
}
