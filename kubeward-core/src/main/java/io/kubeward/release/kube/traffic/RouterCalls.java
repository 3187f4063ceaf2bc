package io.kubeward.release.kube.traffic;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import io.kubeward.release.domain.ReleaseStepException;
import java.util.function.Supplier;

/**
 * Requests of the traffic routers: the apiserver's refusals are translated once ({@link
 * KubeErrors}) and become {@link ReleaseStepException}s the Release controller understands: a
 * conflict (someone changed the object since it was read), a busy or unreachable apiserver →
 * retryable {@code TrafficRouterUnavailable}; a refusal of Kubeward's own rights → {@code
 * TrafficRouterForbidden}; an object the apiserver rejects → {@code TrafficRouterRejected}.
 */
final class RouterCalls {

  private RouterCalls() {}

  static <T> T call(String cluster, String what, Supplier<T> request) {
    try {
      return KubeErrors.call(cluster, request);
    } catch (KubewardException e) {
      throw step(what, e);
    } catch (KubernetesClientException e) {
      throw step(what, KubeErrors.translate(cluster, e));
    }
  }

  static void run(String cluster, String what, Runnable request) {
    call(
        cluster,
        what,
        () -> {
          request.run();
          return null;
        });
  }

  /**
   * Whether the apiserver serves {@code plural} in {@code groupVersion} (discovery; a group version
   * it does not know is "no").
   */
  static boolean serves(
      String cluster,
      io.fabric8.kubernetes.client.KubernetesClient client,
      String groupVersion,
      String plural) {
    try {
      var resources = KubeErrors.call(cluster, () -> client.getApiResources(groupVersion));
      return resources != null
          && resources.getResources().stream().anyMatch(r -> plural.equals(r.getName()));
    } catch (KubewardException e) {
      if (e.kind() == ErrorKind.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  static ReleaseStepException step(String what, KubewardException e) {
    ErrorKind kind = e.kind();
    String message = what + ": " + e.getMessage();
    return switch (kind) {
      case FORBIDDEN, UNAUTHENTICATED ->
          new ReleaseStepException("TrafficRouterForbidden", message, false);
      case REJECTED, INVALID -> new ReleaseStepException("TrafficRouterRejected", message, false);
      default -> new ReleaseStepException("TrafficRouterUnavailable", message, true);
    };
  }
}
