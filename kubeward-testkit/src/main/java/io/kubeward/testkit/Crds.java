package io.kubeward.testkit;

import io.fabric8.kubernetes.client.KubernetesClient;

/** CustomResourceDefinitions as the tests wait for them. */
public final class Crds {

  private Crds() {}

  /**
   * Whether the CRD exists and its {@code Established} condition is {@code True}; false while the
   * apiserver has not written a status or conditions yet (right after the create).
   */
  public static boolean established(KubernetesClient client, String name) {
    var crd = client.apiextensions().v1().customResourceDefinitions().withName(name).get();
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
