package io.kubeward.access.domain;

import java.util.List;
import java.util.Objects;

/**
 * A signed-in user (or a controller) as the access policy sees it.
 *
 * @param groups extra Kubernetes groups the user is impersonated with, besides Kubeward's own
 *     ({@link KubeIdentity#USERS_GROUP}, {@link KubeIdentity#ADMINS_GROUP}): the groups a single
 *     sign-on mapping gives (issue 18); empty for local users and controllers
 */
public record Principal(String username, List<Grant> grants, List<String> groups) {

  public Principal {
    Objects.requireNonNull(username, "username");
    grants = List.copyOf(grants);
    groups = List.copyOf(groups);
  }

  /** A principal without extra impersonation groups (local users, controllers). */
  public Principal(String username, List<Grant> grants) {
    this(username, grants, List.of());
  }
}
