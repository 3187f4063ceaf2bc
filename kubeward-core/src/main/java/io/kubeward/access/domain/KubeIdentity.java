package io.kubeward.access.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who a Kubeward user is to a cluster: the user name and groups Kubeward sends as {@code
 * Impersonate-User} / {@code Impersonate-Group}, so that the cluster's RBAC and admission decide.
 * Local users become {@value #USER_PREFIX}{@code <name>} in group {@value #USERS_GROUP}; Kubeward's
 * administrators are also in {@value #ADMINS_GROUP}, which a cluster binds to whatever it lets
 * Kubeward's administrators do (nothing by default). The prefix keeps Kubeward's users apart from
 * the cluster's own (Kubeward user names cannot contain {@code :}). A user signed in through single
 * sign-on is also in the groups its identity provider's groups map to ({@link Principal#groups()}).
 */
public record KubeIdentity(String user, List<String> groups) {

  public static final String USER_PREFIX = "kubeward:";
  public static final String USERS_GROUP = "kubeward:users";
  public static final String ADMINS_GROUP = "kubeward:admins";

  public KubeIdentity {
    Objects.requireNonNull(user, "user");
    groups = List.copyOf(groups);
  }

  /** The identity of a Kubeward user. */
  public static KubeIdentity of(Principal principal) {
    List<String> groups = new ArrayList<>();
    groups.add(USERS_GROUP);
    if (AccessPolicy.isAdmin(principal)) {
      groups.add(ADMINS_GROUP);
    }
    for (String group : principal.groups()) {
      if (!groups.contains(group)) {
        groups.add(group);
      }
    }
    return new KubeIdentity(USER_PREFIX + principal.username(), groups);
  }

  /** The Kubernetes user name of a Kubeward user name. */
  public static String userOf(String username) {
    return USER_PREFIX + username;
  }
}
