package io.kubeward.access.app;

import io.kubeward.access.domain.AccessRules;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.ResourceAction;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * Port: the cluster's own answer to "may this identity do that" (access reviews made as the user,
 * by impersonation). Used where Kubeward answers from its shared cache instead of sending the
 * user's request to the apiserver, so that a user sees exactly what Kubernetes lets them list.
 * Failures to reach the cluster come back as {@link io.kubeward.common.KubewardException}s.
 */
public interface AccessReviews {

  /** Whether {@code who} may {@code action} in {@code cluster}. */
  boolean allows(String cluster, KubeIdentity who, ResourceAction action);

  /**
   * The namespaces in which {@code who} may {@code action} ({@code action}'s namespace is ignored):
   * {@link NamespaceVisibility#ALL} if allowed in all namespaces at once, else the allowed ones
   * among {@code namespaces}.
   */
  NamespaceVisibility namespaces(
      String cluster,
      KubeIdentity who,
      ResourceAction action,
      Supplier<? extends Collection<String>> namespaces);

  /**
   * What {@code who} may do in {@code namespace} (cluster-wide rights included), as the cluster
   * lists it (a {@code SelfSubjectRulesReview}): for showing actions, not for deciding.
   */
  AccessRules rules(String cluster, KubeIdentity who, String namespace);
}
