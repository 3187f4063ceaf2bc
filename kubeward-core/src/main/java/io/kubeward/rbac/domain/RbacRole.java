package io.kubeward.rbac.domain;

import java.util.List;

/**
 * A Role ({@code namespace} set) or ClusterRole ({@code namespace} null) with its rules. An
 * aggregated ClusterRole's rules are those the apiserver aggregated into it.
 */
public record RbacRole(String namespace, String name, List<RbacRule> rules) {

  public RbacRole {
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  public boolean clusterRole() {
    return namespace == null;
  }

  public RoleRef ref() {
    return new RoleRef(clusterRole() ? RoleRef.CLUSTER_ROLE : RoleRef.ROLE, name);
  }
}
