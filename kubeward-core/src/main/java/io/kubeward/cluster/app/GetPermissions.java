package io.kubeward.cluster.app;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.AccessRules;
import io.kubeward.access.domain.ClusterAccess;
import io.kubeward.access.domain.ClusterActions;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.access.domain.Verb;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Use case: what the caller may do in a cluster, for the console to hide the actions it cannot
 * perform (ADR 0013). Where Kubeward impersonates, the cluster answers for the caller's identity (a
 * {@code SelfSubjectRulesReview} for the namespace, access reviews for the cluster-scoped actions;
 * remembered like every access review and forgotten when RBAC changes); where it may not, the
 * answer follows the caller's Kubeward grants (administrators: everything; others: reading).
 */
public final class GetPermissions {

  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private final ClusterReads reads;
  private final Authorizer authorizer;

  public GetPermissions(ClusterReads reads, Authorizer authorizer) {
    this.reads = reads;
    this.authorizer = authorizer;
  }

  /**
   * @param namespace the namespace whose rules are wanted, or {@code null} for the cluster-scoped
   *     actions only
   * @throws ClusterNotFoundException if there is no such cluster
   * @throws AccessDeniedException if the cluster does not appear to the caller at all
   * @throws ClusterRequestException for a namespace that cannot be one
   */
  public CallerPermissions of(Caller caller, String cluster, String namespace) {
    reads.known(cluster);
    String ns = namespace == null || namespace.isBlank() ? null : namespace.strip();
    if (ns != null && !NAMESPACE.matcher(ns).matches()) {
      throw ClusterRequestException.invalidParameter(
          "namespace",
          ns.length() > 80 ? ns.substring(0, 80) + "…" : ns,
          "a namespace name (lower-case letters, digits and '-', at most 63)");
    }
    if (!reads.sees(caller, cluster)) {
      throw new AccessDeniedException(caller.username(), Verb.READ, cluster, ns);
    }
    ClusterAccess access = authorizer.access(cluster);
    AccessRules rules = ns == null ? AccessRules.NONE : authorizer.rules(caller, cluster, ns);
    boolean getNodes = may(caller, cluster, ClusterActions.GET_NODES);
    boolean changeNodes = getNodes && may(caller, cluster, ClusterActions.PATCH_NODES);
    boolean drain =
        may(caller, cluster, ClusterActions.CREATE_MAINTENANCES)
            && all(caller, cluster, ClusterActions.DRAIN_RIGHTS);
    return new CallerPermissions(
        cluster,
        ns,
        ClusterStatus.accessOf(access),
        access.impersonates() ? CallerPermissions.FROM_CLUSTER : CallerPermissions.FROM_GRANTS,
        rules.rules(),
        rules.incomplete(),
        rules.evaluationError(),
        new CallerPermissions.Actions(
            may(caller, cluster, ClusterActions.LIST_NODES),
            changeNodes,
            changeNodes,
            all(caller, cluster, ClusterActions.DRAIN_PREVIEW_READS),
            drain,
            may(caller, cluster, ClusterActions.LIST_MAINTENANCES),
            drain,
            may(caller, cluster, ClusterActions.GET_MAINTENANCES)
                && may(caller, cluster, ClusterActions.PATCH_MAINTENANCES)));
  }

  private boolean may(Caller caller, String cluster, ResourceAction action) {
    return authorizer.mayDo(caller, cluster, action);
  }

  private boolean all(Caller caller, String cluster, List<ResourceAction> actions) {
    return actions.stream().allMatch(a -> may(caller, cluster, a));
  }
}
