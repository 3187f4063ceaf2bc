package io.kubeward.rbac.domain;

import java.util.List;

/**
 * Whether an identity may make a request: {@code allowed} when a rule grants it ({@code grantedBy})
 * or the identity is in {@code system:masters} ({@code master}).
 */
public record CanIAnswer(
    RbacSubject subject,
    ResourceRequest request,
    boolean allowed,
    boolean master,
    List<GrantedRule> grantedBy) {

  public CanIAnswer {
    grantedBy = List.copyOf(grantedBy);
  }
}
