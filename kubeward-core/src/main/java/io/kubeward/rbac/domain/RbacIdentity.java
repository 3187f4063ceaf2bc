package io.kubeward.rbac.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who Kubernetes' RBAC authorizer evaluates: a user name (null when asking about a group alone) and
 * the groups the apiserver knows the user by, with the groups it adds itself.
 *
 * @param subject what was asked about (a user, a group or a service account)
 */
public record RbacIdentity(RbacSubject subject, String user, List<String> groups) {

  public static final String AUTHENTICATED = "system:authenticated";
  public static final String UNAUTHENTICATED = "system:unauthenticated";
  public static final String MASTERS = "system:masters";
  public static final String SERVICE_ACCOUNTS = "system:serviceaccounts";
  private static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";

  public RbacIdentity {
    groups = List.copyOf(groups);
  }

  /**
   * A user with the groups it is known to have, plus {@code system:authenticated} (as the apiserver
   * adds it to every authenticated or impersonated user). A user named {@code
   * system:serviceaccount:<ns>:<name>} is that service account.
   */
  public static RbacIdentity user(String name, List<String> knownGroups) {
    String[] serviceAccount = splitServiceAccount(name);
    if (serviceAccount != null && knownGroups.isEmpty()) {
      return serviceAccount(serviceAccount[0], serviceAccount[1]);
    }
    Set<String> groups = new LinkedHashSet<>(knownGroups);
    if (!groups.contains(UNAUTHENTICATED)) {
      groups.add(AUTHENTICATED);
    }
    return new RbacIdentity(RbacSubject.user(name), name, new ArrayList<>(groups));
  }

  /** A group alone: the rules granted to its members through the group. */
  public static RbacIdentity group(String name) {
    return new RbacIdentity(RbacSubject.group(name), null, List.of(name));
  }

  /**
   * A service account: user {@code system:serviceaccount:<ns>:<name>} in groups {@code
   * system:serviceaccounts}, {@code system:serviceaccounts:<ns>} and {@code system:authenticated}.
   */
  public static RbacIdentity serviceAccount(String namespace, String name) {
    return new RbacIdentity(
        RbacSubject.serviceAccount(namespace, name),
        SERVICE_ACCOUNT_PREFIX + namespace + ":" + name,
        List.of(SERVICE_ACCOUNTS, SERVICE_ACCOUNTS + ":" + namespace, AUTHENTICATED));
  }

  /**
   * Whether the apiserver allows this identity everything before RBAC is asked: members of {@code
   * system:masters}.
   */
  public boolean master() {
    return groups.contains(MASTERS);
  }

  /**
   * Whether a binding's subject names this identity, as the apiserver's RBAC authorizer decides: a
   * user by name, a group by membership, a service account by its user name (its namespace defaults
   * to the binding's).
   */
  public boolean matches(RbacSubject bindingSubject, String bindingNamespace) {
    return switch (bindingSubject.kind()) {
      case USER -> user != null && user.equals(bindingSubject.name());
      case GROUP -> groups.contains(bindingSubject.name());
      case SERVICE_ACCOUNT -> {
        String namespace =
            bindingSubject.namespace() == null || bindingSubject.namespace().isEmpty()
                ? bindingNamespace
                : bindingSubject.namespace();
        yield namespace != null
            && !namespace.isEmpty()
            && user != null
            && user.equals(SERVICE_ACCOUNT_PREFIX + namespace + ":" + bindingSubject.name());
      }
    };
  }

  /** {@code [namespace, name]} of a service account's user name, or null. */
  static String[] splitServiceAccount(String user) {
    if (!user.startsWith(SERVICE_ACCOUNT_PREFIX)) {
      return null;
    }
    String[] parts = user.substring(SERVICE_ACCOUNT_PREFIX.length()).split(":", -1);
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      return null;
    }
    return parts;
  }
}
