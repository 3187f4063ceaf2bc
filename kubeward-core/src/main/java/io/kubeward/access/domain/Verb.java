package io.kubeward.access.domain;

/** The kinds of action the access policy distinguishes. */
public enum Verb {
  /** See objects (secrets as metadata only). */
  READ,
  /** See a secret's values; always audited. */
  READ_SECRET,
  /** Create, change or delete objects in a cluster (apply, delete, scale, cordon, drain, ...). */
  MUTATE,
  /** Manage Kubeward itself: users, grants, clusters, audit verification and export. */
  ADMINISTER
}
