package io.kubeward.cluster.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

/** Each container's own requests and limits, kept for usage next to them (issue 12). */
class PodContainersProjectionTest {

  @Test
  void keepsEachContainersRequestsAndLimitsWithRequestsDefaultingToLimits() {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withNamespace("a")
            .withName("p")
            .endMetadata()
            .withNewSpec()
            .addNewInitContainer()
            .withName("init")
            .withNewResources()
            .addToRequests("cpu", new Quantity("2"))
            .endResources()
            .endInitContainer()
            .addNewContainer()
            .withName("app")
            .withNewResources()
            .addToRequests("cpu", new Quantity("250m"))
            .addToRequests("memory", new Quantity("128Mi"))
            .addToLimits("memory", new Quantity("256Mi"))
            .endResources()
            .endContainer()
            .addNewContainer()
            .withName("sidecar")
            .withNewResources()
            .addToLimits("cpu", new Quantity("100m"))
            .addToLimits("memory", new Quantity("64Mi"))
            .endResources()
            .endContainer()
            .addNewContainer()
            .withName("bare")
            .endContainer()
            .endSpec()
            .build();

    PodView view = PodProjection.pod(pod);

    assertThat(view.containers())
        .containsExactly(
            new ContainerResources("app", 250, 128L << 20, 0, 256L << 20),
            new ContainerResources("sidecar", 100, 64L << 20, 100, 64L << 20),
            new ContainerResources("bare", 0, 0, 0, 0));
    // the pod's effective requests still count the larger init container
    assertThat(view.requests().cpuMillis()).isEqualTo(2000);
  }
}
