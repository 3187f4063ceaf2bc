package io.kubeward.rbac.domain;

/** A risk and the rule of a role that carries it. */
public record RuleRisk(RbacRisk risk, RbacRule rule) {}
