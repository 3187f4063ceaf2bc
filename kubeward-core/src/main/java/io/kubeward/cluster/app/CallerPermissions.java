package io.kubeward.cluster.app;

import io.kubeward.access.domain.AccessRule;
import java.util.List;

/**
 * What the caller may do in one cluster, for the console to show only the actions the caller can
 * perform. Every request is still decided when it is made (by the cluster, or by Kubeward's grants
 * in the read-only mode), so this answer only hides buttons; it never allows anything.
 *
 * @param namespace the namespace the {@code rules} are about, {@code null} if none was asked
 * @param access how Kubeward acts for users in the cluster, and why (for the read-only banner)
 * @param source {@code cluster} when the answer is the cluster's own for the caller's identity
 *     (impersonated {@code SelfSubjectRulesReview} and access reviews), {@code grants} when it is
 *     derived from the caller's Kubeward grants (read-only mode)
 * @param rules what the caller may do in {@code namespace} (cluster-wide rights included)
 * @param incomplete the cluster could not list every rule (e.g. a webhook authorizer decides too):
 *     an action missing from {@code rules} may still be allowed
 * @param evaluationError why the rules are incomplete, or {@code null}
 * @param actions the cluster-scoped actions of the console
 */
public record CallerPermissions(
    String cluster,
    String namespace,
    ClusterStatus.Access access,
    String source,
    List<AccessRule> rules,
    boolean incomplete,
    String evaluationError,
    Actions actions) {

  public static final String FROM_CLUSTER = "cluster";
  public static final String FROM_GRANTS = "grants";

  public CallerPermissions {
    rules = List.copyOf(rules);
  }

  /** The same answer with another access (e.g. its reason translated). */
  public CallerPermissions withAccess(ClusterStatus.Access other) {
    return new CallerPermissions(
        cluster, namespace, other, source, rules, incomplete, evaluationError, actions);
  }

  /**
   * The console's cluster-scoped actions.
   *
   * @param listNodes see the nodes (list nodes)
   * @param cordonNodes cordon and uncordon nodes (get and patch nodes)
   * @param editNodeMetadata change node labels and taints (get and patch nodes)
   * @param previewDrains preview a drain (get nodes, list pods and PodDisruptionBudgets in all
   *     namespaces)
   * @param drainNodes drain a node, which creates a NodeMaintenance: create nodemaintenances, and
   *     patch nodes and create pods/eviction, which Kubeward's controller then does with its own
   *     rights and which Kubeward therefore requires of the caller
   * @param listMaintenances see the NodeMaintenances (list nodemaintenances)
   * @param createMaintenances create a NodeMaintenance (as {@code drainNodes})
   * @param changeMaintenances pause, resume and cancel a NodeMaintenance (get and patch
   *     nodemaintenances)
   */
  public record Actions(
      boolean listNodes,
      boolean cordonNodes,
      boolean editNodeMetadata,
      boolean previewDrains,
      boolean drainNodes,
      boolean listMaintenances,
      boolean createMaintenances,
      boolean changeMaintenances) {}
}
