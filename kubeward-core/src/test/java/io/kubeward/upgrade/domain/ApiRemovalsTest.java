package io.kubeward.upgrade.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiRemovalsTest {

  @Test
  void findsTheRemovalsOfTheMigrationGuide() {
    ApiRemoval flow =
        ApiRemovals.find("flowcontrol.apiserver.k8s.io", "v1beta3", "flowschemas").orElseThrow();
    assertThat(flow.removedIn()).isEqualTo(new KubeMinor(1, 32));
    assertThat(flow.replacement()).isEqualTo("flowcontrol.apiserver.k8s.io/v1");
    assertThat(
            ApiRemovals.find("autoscaling", "v2beta2", "horizontalpodautoscalers")
                .orElseThrow()
                .removedIn())
        .isEqualTo(new KubeMinor(1, 26));
    assertThat(
            ApiRemovals.find("policy", "v1beta1", "poddisruptionbudgets")
                .orElseThrow()
                .replacement())
        .isEqualTo("policy/v1");
    assertThat(
            ApiRemovals.find("storage.k8s.io", "v1beta1", "csistoragecapacities")
                .orElseThrow()
                .removedIn())
        .isEqualTo(new KubeMinor(1, 27));
    assertThat(ApiRemovals.find("apps", "v1", "deployments")).isEmpty();
  }

  @Test
  void removedByComparesWithTheTarget() {
    ApiRemoval flow =
        ApiRemovals.find("flowcontrol.apiserver.k8s.io", "v1beta3", "flowschemas").orElseThrow();
    assertThat(flow.removedBy(new KubeMinor(1, 31))).isFalse();
    assertThat(flow.removedBy(new KubeMinor(1, 32))).isTrue();
    ApiRemoval endpoints = ApiRemovals.find("", "v1", "endpoints").orElseThrow();
    assertThat(endpoints.groupVersion()).isEqualTo("v1");
    assertThat(endpoints.removedBy(new KubeMinor(1, 99))).isFalse();
  }

  @Test
  void everyRowIsUniqueAndRemovedAfterItWasDeprecated() {
    Set<String> keys = new HashSet<>();
    for (ApiRemoval r : ApiRemovals.all()) {
      assertThat(keys.add(r.groupVersion() + "/" + r.resource())).as(r.toString()).isTrue();
      if (r.removedIn() != null) {
        assertThat(r.removedIn()).as(r.toString()).isGreaterThan(r.deprecatedIn());
      }
    }
    assertThat(ApiRemovals.ofGroupVersion("rbac.authorization.k8s.io", "v1beta1")).hasSize(4);
  }
}
