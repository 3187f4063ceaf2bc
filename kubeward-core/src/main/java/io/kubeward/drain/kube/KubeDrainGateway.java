package io.kubeward.drain.kube;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.fabric8.kubernetes.api.model.policy.v1.EvictionBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.access.app.Caller;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.drain.app.DrainGateway;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The drain's reads and writes through the cluster's API, live (ADR 0010): pods by field selector
 * {@code spec.nodeName}, disruption budgets (policy/v1) per namespace, evictions as POSTs to the
 * pods' {@code eviction} subresource and deletions, both with the pod's uid as precondition so that
 * a replacement of the same name is never hit.
 */
public final class KubeDrainGateway implements DrainGateway {

  private final ClusterClients clients;

  public KubeDrainGateway(ClusterClients clients) {
    this.clients = clients;
  }

  @Override
  public boolean nodeExists(Caller caller, String cluster, String node) {
    KubernetesClient client = reader(caller, cluster);
    return KubeErrors.call(cluster, () -> client.nodes().withName(node).get() != null);
  }

  @Override
  public List<Pod> podsOn(Caller caller, String cluster, String node) {
    KubernetesClient client = reader(caller, cluster);
    return KubeErrors.call(
        cluster,
        () -> client.pods().inAnyNamespace().withField("spec.nodeName", node).list().getItems());
  }

  @Override
  public List<PodDisruptionBudget> budgets(
      Caller caller, String cluster, Collection<String> namespaces) {
    KubernetesClient client = reader(caller, cluster);
    return KubeErrors.call(
        cluster,
        () -> {
          List<PodDisruptionBudget> budgets = new ArrayList<>();
          for (String namespace : namespaces) {
            budgets.addAll(
                client
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
      Caller caller,
      String cluster,
      String namespace,
      String name,
      String uid,
      Integer gracePeriodSeconds) {
    Eviction eviction =
        new EvictionBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(name)
            .endMetadata()
            .withDeleteOptions(deleteOptions(uid, gracePeriodSeconds))
            .build();
    return send(caller, cluster, "POST", podPath(namespace, name) + "/eviction", eviction);
  }

  @Override
  public Attempt delete(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      String uid,
      Integer gracePeriodSeconds) {
    return send(
        caller,
        cluster,
        "DELETE",
        podPath(namespace, name),
        deleteOptions(uid, gracePeriodSeconds));
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
  private Attempt send(Caller caller, String cluster, String method, String path, Object body) {
    KubernetesClient client = clients.forCaller(caller, cluster, ClusterClients.Intent.WRITE);
    try {
      client.raw(path, method, body);
      return Attempt.accepted();
    } catch (KubernetesClientException e) {
      return switch (e.getCode()) {
        case 404, 409 -> new Attempt(Outcome.GONE, KubeErrors.message(e));
        case 429 -> new Attempt(Outcome.TOO_MANY_REQUESTS, KubeErrors.message(e));
        case 0 -> throw KubeErrors.translate(cluster, e);
        default -> new Attempt(Outcome.FAILED, e.getCode() + " " + KubeErrors.message(e));
      };
    }
  }

  private KubernetesClient reader(Caller caller, String cluster) {
    return clients.forCaller(caller, cluster, ClusterClients.Intent.READ);
  }
}
