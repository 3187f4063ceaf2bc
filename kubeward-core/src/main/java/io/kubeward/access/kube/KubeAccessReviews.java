package io.kubeward.access.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.access.app.AccessReviews;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.ResourceAction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Access reviews as the user: a {@code SelfSubjectAccessReview} sent with the user's identity
 * (impersonation), so Kubeward needs no permission beyond {@code impersonate} and the answer is
 * exactly the apiserver's (RBAC, webhooks, any authorizer). A question over many namespaces asks
 * once for all namespaces, then per namespace, at most {@code parallelism} at a time.
 */
public final class KubeAccessReviews implements AccessReviews {

  private final Function<String, KubernetesClient> kubewardClients;
  private final BiFunction<String, KubernetesClientException, RuntimeException> translate;
  private final Semaphore parallel;

  /**
   * @param kubewardClients Kubeward's own client of a cluster by name (throws if there is none)
   * @param translate turns a client failure of a cluster into the failure to report
   */
  public KubeAccessReviews(
      Function<String, KubernetesClient> kubewardClients,
      BiFunction<String, KubernetesClientException, RuntimeException> translate,
      int parallelism) {
    this.kubewardClients = kubewardClients;
    this.translate = translate;
    this.parallel = new Semaphore(parallelism);
  }

  @Override
  public boolean allows(String cluster, KubeIdentity who, ResourceAction action) {
    KubernetesClient client = Impersonation.as(kubewardClients.apply(cluster), who);
    return ask(cluster, client, action);
  }

  @Override
  public NamespaceVisibility namespaces(
      String cluster,
      KubeIdentity who,
      ResourceAction action,
      Supplier<? extends Collection<String>> namespaces) {
    KubernetesClient client = Impersonation.as(kubewardClients.apply(cluster), who);
    if (ask(cluster, client, action.in(null))) {
      return NamespaceVisibility.ALL;
    }
    List<String> candidates = List.copyOf(namespaces.get());
    Set<String> allowed = new HashSet<>();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Boolean>> answers = new ArrayList<>();
      for (String namespace : candidates) {
        answers.add(executor.submit(() -> askLimited(cluster, client, action.in(namespace))));
      }
      for (int i = 0; i < candidates.size(); i++) {
        if (answers.get(i).get()) {
          allowed.add(candidates.get(i));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reviewing access", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
    return NamespaceVisibility.only(allowed);
  }

  private boolean askLimited(String cluster, KubernetesClient client, ResourceAction action)
      throws InterruptedException {
    parallel.acquire();
    try {
      return ask(cluster, client, action);
    } finally {
      parallel.release();
    }
  }

  private boolean ask(String cluster, KubernetesClient client, ResourceAction action) {
    try {
      return SelfReview.allowed(client, action);
    } catch (KubernetesClientException e) {
      throw translate.apply(cluster, e);
    }
  }
}
