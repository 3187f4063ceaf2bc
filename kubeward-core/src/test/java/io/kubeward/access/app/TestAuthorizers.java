package io.kubeward.access.app;

import io.kubeward.access.domain.AccessPolicy;
import io.kubeward.access.domain.AccessRules;
import io.kubeward.access.domain.ClusterAccess;
import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.Principal;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.access.domain.Verb;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Authorizers for unit tests, without a cluster. */
public final class TestAuthorizers {

  private TestAuthorizers() {}

  /** Kubeward may not impersonate anywhere: grants decide reads, only admins change anything. */
  public static Authorizer readOnly() {
    return new Authorizer(
        cluster -> new ClusterAccess(ClusterAccess.Mode.READ_ONLY, "test", Instant.EPOCH),
        new GrantReviews());
  }

  /**
   * Kubeward impersonates everywhere, and the "cluster" answers access reviews as if its RBAC
   * mirrored each user's Kubeward grants ({@link GrantReviews}).
   */
  public static Authorizer impersonating(GrantReviews reviews) {
    return new Authorizer(
        cluster -> new ClusterAccess(ClusterAccess.Mode.IMPERSONATE, "test", Instant.EPOCH),
        reviews);
  }

  public static Authorizer impersonating() {
    return impersonating(new GrantReviews());
  }

  /**
   * Access reviews answered from the grants of principals registered with {@link #know}: a viewer
   * may list, an operator may also change, in their scope. Unknown identities may nothing.
   */
  public static final class GrantReviews implements AccessReviews {
    private final Map<String, List<Grant>> grants = new ConcurrentHashMap<>();

    public GrantReviews know(Principal principal) {
      grants.put(KubeIdentity.userOf(principal.username()), principal.grants());
      return this;
    }

    @Override
    public boolean allows(String cluster, KubeIdentity who, ResourceAction action) {
      Principal principal = new Principal(who.user(), grants.getOrDefault(who.user(), List.of()));
      Verb verb =
          "list".equals(action.verb()) || "get".equals(action.verb()) ? Verb.READ : Verb.MUTATE;
      return AccessPolicy.allows(principal, verb, cluster, action.namespace());
    }

    @Override
    public NamespaceVisibility namespaces(
        String cluster,
        KubeIdentity who,
        ResourceAction action,
        java.util.function.Supplier<? extends Collection<String>> namespaces) {
      Principal principal = new Principal(who.user(), grants.getOrDefault(who.user(), List.of()));
      return AccessPolicy.namespaces(principal, Verb.READ, cluster);
    }

    /** Kubeward's read-only rules of the registered grants (tests need no more). */
    @Override
    public AccessRules rules(String cluster, KubeIdentity who, String namespace) {
      Principal principal = new Principal(who.user(), grants.getOrDefault(who.user(), List.of()));
      return AccessPolicy.readOnlyRules(principal, cluster, namespace);
    }
  }
}
