package io.kubeward.access.app;

import io.kubeward.access.domain.AccessPolicy;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.Verb;

/** Checks a caller against the access policy; use cases call it before they act. */
public final class Authorizer {

  private Authorizer() {}

  /**
   * @throws AccessDeniedException unless the caller may {@code verb} in that place
   */
  public static void require(Caller caller, Verb verb, String cluster, String namespace) {
    if (!AccessPolicy.allows(caller.principal(), verb, cluster, namespace)) {
      throw new AccessDeniedException(caller.username(), verb, cluster, namespace);
    }
  }

  /** The namespaces of {@code cluster} the caller may read; lists are filtered with it. */
  public static NamespaceVisibility readableNamespaces(Caller caller, String cluster) {
    return AccessPolicy.namespaces(caller.principal(), Verb.READ, cluster);
  }
}
