package io.kubeward.access.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.kubeward.access.domain.KubeIdentity;
import java.util.Map;

/**
 * A client that sends every request with {@code Impersonate-User} and {@code Impersonate-Group}
 * headers of one identity. It shares the connections of Kubeward's own client (fabric8 derives it
 * from the same HTTP client), so making one per request is cheap; it must not be closed (closing
 * would close the shared connections), and it is dropped after use. It does not retry a failed
 * request: a person is waiting, and a refusal or an overloaded apiserver is answered at once (503
 * with {@code Retry-After} for the latter) rather than after a minute of back-off.
 */
public final class Impersonation {

  private Impersonation() {}

  public static KubernetesClient as(KubernetesClient kubeward, KubeIdentity who) {
    RequestConfig impersonating =
        new RequestConfigBuilder(kubeward.getConfiguration().getRequestConfig())
            .withImpersonateUsername(who.user())
            .withImpersonateGroups(who.groups().toArray(String[]::new))
            .withImpersonateExtras(Map.of())
            .withRequestRetryBackoffLimit(0)
            .build();
    return kubeward.newClient(impersonating).adapt(KubernetesClient.class);
  }
}
