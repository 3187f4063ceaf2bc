package io.kubeward.rbac.domain;

import java.util.Locale;

/**
 * The grants an RBAC review flags, each with its severity. The wire name ({@code pods-exec}) is the
 * key of its bilingual explanation ({@code rbac.risk.<wire>}) in the console and message bundles.
 */
public enum RbacRisk {
  /** The {@code cluster-admin} ClusterRole, or every verb on every resource of every group. */
  CLUSTER_ADMIN(Severity.CRITICAL),
  /** {@code *} in verbs. */
  WILDCARD_VERBS(Severity.HIGH),
  /** {@code *} in resources. */
  WILDCARD_RESOURCES(Severity.HIGH),
  /** get, list or watch on Secrets: read every credential of the scope. */
  SECRETS_READ(Severity.HIGH),
  /** create on pods/exec or pods/attach: run commands in other people's containers. */
  PODS_EXEC(Severity.HIGH),
  /** escalate on roles: grant oneself rules one does not have. */
  ESCALATE(Severity.CRITICAL),
  /** bind on roles: bind any role, including ones one does not have. */
  BIND(Severity.CRITICAL),
  /** impersonate users, groups or service accounts: act as someone else. */
  IMPERSONATE(Severity.CRITICAL);

  public enum Severity {
    CRITICAL,
    HIGH
  }

  private final Severity severity;

  RbacRisk(Severity severity) {
    this.severity = severity;
  }

  public Severity severity() {
    return severity;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
