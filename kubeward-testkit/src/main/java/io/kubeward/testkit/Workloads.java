package io.kubeward.testkit;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;

/** Workloads for tests and benchmarks on KWOK nodes (the image is never pulled). */
public final class Workloads {

  /** The image of every test container: KWOK only simulates it. */
  public static final String IMAGE = "registry.example/app:1";

  private Workloads() {}

  /**
   * A Deployment {@code name} of {@code replicas} pods labelled {@code app=name}, one container,
   * placed on the nodes matching {@code nodeSelector}.
   */
  public static Deployment deployment(String name, int replicas, Map<String, String> nodeSelector) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .withNodeSelector(nodeSelector)
        .addNewContainer()
        .withName("app")
        .withImage(IMAGE)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
