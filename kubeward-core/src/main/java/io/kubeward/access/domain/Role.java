package io.kubeward.access.domain;

import java.util.EnumSet;
import java.util.Set;

/** What a user may do within a {@link Scope}. Each role includes the ones before it. */
public enum Role {
  /** Read everything in scope except secret values. */
  VIEWER(EnumSet.of(Verb.READ)),
  /** Also change objects in scope and reveal secret values. */
  OPERATOR(EnumSet.of(Verb.READ, Verb.READ_SECRET, Verb.MUTATE)),
  /** Everything, including users, clusters and the audit log (only meaningful everywhere). */
  ADMIN(EnumSet.allOf(Verb.class));

  private final Set<Verb> verbs;

  Role(Set<Verb> verbs) {
    this.verbs = verbs;
  }

  public boolean allows(Verb verb) {
    return verbs.contains(verb);
  }
}
