package io.kubeward.access.domain;

import java.util.Objects;

/** A role given to a user in a scope, e.g. OPERATOR in cluster prod, namespace team-a. */
public record Grant(Role role, Scope scope) {

  public Grant {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(scope, "scope");
  }
}
