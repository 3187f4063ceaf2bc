package io.kubeward.access.kube;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.access.app.AccessReviews;
import io.kubeward.access.domain.AccessRule;
import io.kubeward.access.domain.AccessRules;
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
 * once for all namespaces, then per namespace, at most {@code parallelism} at a time. The rules of
 * a namespace come from a {@code SelfSubjectRulesReview} sent the same way.
 */
public final class KubeAccessReviews implements AccessReviews {

  /** Rules kept of one answer at most; more make the answer {@code incomplete}. */
  static final int MAX_RULES = 1_000;

  private static final int MAX_ERROR = 1_000;

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

  @Override
  public AccessRules rules(String cluster, KubeIdentity who, String namespace) {
    KubernetesClient client = Impersonation.as(kubewardClients.apply(cluster), who);
    SelfSubjectRulesReview review =
        new SelfSubjectRulesReviewBuilder()
            .withNewSpec()
            .withNamespace(namespace)
            .endSpec()
            .build();
    SelfSubjectRulesReview answer;
    try {
      answer = client.authorization().v1().selfSubjectRulesReview().create(review);
    } catch (KubernetesClientException e) {
      throw translate.apply(cluster, e);
    }
    if (answer.getStatus() == null) {
      return new AccessRules(List.of(), true, "the cluster gave no answer");
    }
    List<AccessRule> rules = new ArrayList<>();
    boolean truncated = false;
    if (answer.getStatus().getResourceRules() != null) {
      for (var rule : answer.getStatus().getResourceRules()) {
        if (rules.size() == MAX_RULES) {
          truncated = true;
          break;
        }
        rules.add(
            new AccessRule(
                rule.getVerbs(),
                rule.getApiGroups(),
                rule.getResources(),
                rule.getResourceNames()));
      }
    }
    String error = answer.getStatus().getEvaluationError();
    if (truncated && error == null) {
      error = "more than " + MAX_RULES + " rules";
    }
    if (error != null && error.length() > MAX_ERROR) {
      error = error.substring(0, MAX_ERROR) + "…";
    }
    return new AccessRules(
        rules,
        truncated || Boolean.TRUE.equals(answer.getStatus().getIncomplete()),
        error == null || error.isBlank() ? null : error);
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
