package io.kubeward.cluster.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

class ObjectProjectionsTest {

  @Test
  void deploymentReplicaCountsDefaultSensibly() {
    DeploymentView view =
        WorkloadProjections.deployment(
            new DeploymentBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .build());

    assertThat(view.desired()).isEqualTo(1);
    assertThat(view.available()).isZero();
    assertThat(view.fullyAvailable()).isFalse();
  }

  @Test
  void namespaceAndServiceKeepTheirTypeAndPhase() {
    assertThat(
            NamespaceProjections.namespace(
                new NamespaceBuilder()
                    .withNewMetadata()
                    .withName("shop")
                    .endMetadata()
                    .withNewStatus()
                    .withPhase("Terminating")
                    .endStatus()
                    .build()))
        .extracting(NamespaceView::phase)
        .isEqualTo("Terminating");
    assertThat(
            NetworkProjections.service(
                new ServiceBuilder()
                    .withNewMetadata()
                    .withNamespace("shop")
                    .withName("web")
                    .endMetadata()
                    .withNewSpec()
                    .withType("NodePort")
                    .endSpec()
                    .build()))
        .extracting(ServiceView::type)
        .isEqualTo("NodePort");
  }
}
