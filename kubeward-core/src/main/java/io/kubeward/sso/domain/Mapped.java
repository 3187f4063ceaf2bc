package io.kubeward.sso.domain;

import io.kubeward.access.domain.Grant;
import java.util.List;

/**
 * What a person's identity-provider groups give in Kubeward: grants and extra Kubernetes
 * impersonation groups, both without duplicates, in the order of the mappings.
 */
public record Mapped(List<Grant> grants, List<String> kubernetesGroups) {

  public Mapped {
    grants = List.copyOf(grants);
    kubernetesGroups = List.copyOf(kubernetesGroups);
  }

  /** No mapping matched: the person may not use Kubeward. */
  public boolean noAccess() {
    return grants.isEmpty();
  }
}
