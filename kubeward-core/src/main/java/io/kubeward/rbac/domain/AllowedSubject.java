package io.kubeward.rbac.domain;

import java.util.List;

/** A subject a binding names, allowed a request, with the bindings that allow it. */
public record AllowedSubject(RbacSubject subject, List<BindingRef> bindings) {

  public AllowedSubject {
    bindings = List.copyOf(bindings);
  }
}
