package io.kubeward.rbac.domain;

import java.util.List;

/**
 * Who RBAC allows a request: every subject of a binding that applies there, users, groups and
 * service accounts in that order. Members of {@code system:masters} are allowed too, by the
 * apiserver and not by RBAC.
 */
public record WhoCanAnswer(ResourceRequest request, List<AllowedSubject> subjects) {

  public WhoCanAnswer {
    subjects = List.copyOf(subjects);
  }
}
