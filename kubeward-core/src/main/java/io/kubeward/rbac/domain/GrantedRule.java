package io.kubeward.rbac.domain;

import org.jspecify.annotations.Nullable;

/**
 * A rule a subject has, where and through what: {@code namespace} null means in every namespace and
 * cluster-wide (a ClusterRoleBinding), else only in that namespace (a RoleBinding).
 */
public record GrantedRule(
    @Nullable String namespace,
    BindingRef binding,
    RoleRef role,
    RbacSubject boundAs,
    RbacRule rule) {}
