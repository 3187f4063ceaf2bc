package io.kubeward.drain.kube;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.fabric8.kubernetes.api.model.policy.v1.EvictionBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterUnreachableException;
import io.kubeward.drain.app.DrainGateway;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The drain's reads and writes through the cluster's API, live (ADR 0010): pods by field selector
 * {@code spec.nodeName}, disruption budgets (policy/v1) per namespace, evictions as POSTs to the
 * pods' {@code eviction} subresource and deletions, both with the pod's uid as precondition so that
 * a replacement of the same name is never hit.
 */
public final class KubeDrainGateway implements DrainGateway {

  private final Function<String, Optional<KubernetesClient>> clients;
  private final Clock clock;

  /**
   * @param clients the shared client of a cluster by name, empty if there is no such cluster
   */
  public KubeDrainGateway(Function<String, Optional<KubernetesClient>> clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  @Override
  public boolean nodeExists(String cluster, String node) {
    return read(cluster, () -> client(cluster).nodes().withName(node).get() != null);
  }

  @Override
  public List<Pod> podsOn(String cluster, String node) {
    return read(
        cluster,
        () ->
            client(cluster)
                .pods()
                .inAnyNamespace()
                .withField("spec.nodeName", node)
                .list()
                .getItems());
  }

  @Override
  public List<PodDisruptionBudget> budgets(String cluster, Collection<String> namespaces) {
    return read(
        cluster,
        () -> {
          List<PodDisruptionBudget> budgets = new ArrayList<>();
          for (String namespace : namespaces) {
            budgets.addAll(
                client(cluster)
                    .policy()
                    .v1()
                    .podDisruptionBudget()
                    .inNamespace(namespace)
                    .list()
                    .getItems());
          }
          return budgets;
        });
  }

  @Override
  public Attempt evict(
      String cluster, String namespace, String name, String uid, Integer gracePeriodSeconds) {
    Eviction eviction =
        new EvictionBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(name)
            .endMetadata()
            .withDeleteOptions(deleteOptions(uid, gracePeriodSeconds))
            .build();
    return send(cluster, "POST", podPath(namespace, name) + "/eviction", eviction);
  }

  @Override
  public Attempt delete(
      String cluster, String namespace, String name, String uid, Integer gracePeriodSeconds) {
    return send(
        cluster, "DELETE", podPath(namespace, name), deleteOptions(uid, gracePeriodSeconds));
  }

  private static DeleteOptions deleteOptions(String uid, Integer gracePeriodSeconds) {
    DeleteOptionsBuilder options =
        new DeleteOptionsBuilder().withNewPreconditions().withUid(uid).endPreconditions();
    if (gracePeriodSeconds != null) {
      options.withGracePeriodSeconds(gracePeriodSeconds.longValue());
    }
    return options.build();
  }

  private static String podPath(String namespace, String name) {
    return "/api/v1/namespaces/" + namespace + "/pods/" + name;
  }

  /**
   * One write; the apiserver's answer as an {@link Attempt}. 404, and 409 (the uid precondition
   * failed: the pod of that name is another one), mean the pod is gone.
   */
  private Attempt send(String cluster, String method, String path, Object body) {
    KubernetesClient client = client(cluster);
    try {
      client.raw(path, method, body);
      return Attempt.accepted();
    } catch (KubernetesClientException e) {
      return switch (e.getCode()) {
        case 404, 409 -> new Attempt(Outcome.GONE, message(e));
        case 429 -> new Attempt(Outcome.TOO_MANY_REQUESTS, message(e));
        case 0 -> throw unreachable(cluster, e);
        default -> new Attempt(Outcome.FAILED, e.getCode() + " " + message(e));
      };
    }
  }

  private <T> T read(String cluster, Supplier<T> request) {
    try {
      return request.get();
    } catch (KubernetesClientException e) {
      throw unreachable(cluster, e);
    }
  }

  private ClusterUnreachableException unreachable(String cluster, KubernetesClientException e) {
    return new ClusterUnreachableException(cluster, clock.instant(), message(e));
  }

  /** The apiserver's message with its causes (a budget's 429 names the budget in a cause). */
  static String message(KubernetesClientException e) {
    Status status = e.getStatus();
    if (status == null || status.getMessage() == null) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
      return text.replaceAll("\\s+", " ");
    }
    StringBuilder text = new StringBuilder(status.getMessage());
    if (status.getDetails() != null && status.getDetails().getCauses() != null) {
      for (StatusCause cause : status.getDetails().getCauses()) {
        if (cause.getMessage() != null && !status.getMessage().contains(cause.getMessage())) {
          text.append(" (").append(cause.getMessage()).append(')');
        }
      }
    }
    return text.toString();
  }

  private KubernetesClient client(String cluster) {
    return clients.apply(cluster).orElseThrow(() -> new ClusterNotFoundException(cluster));
  }
}
