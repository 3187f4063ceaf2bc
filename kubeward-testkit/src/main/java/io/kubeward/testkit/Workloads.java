package io.kubeward.testkit;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.kubeward.testkit.controlplane.ControlPlane;
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

  /**
   * The same Deployment with these requests on every container. KWOK's emulated usage of a
   * container without usage annotations is half its request (ADR 0020).
   */
  public static Deployment withRequests(Deployment deployment, String cpu, String memory) {
    Deployment copy = new DeploymentBuilder(deployment).build();
    copy.getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .forEach(
            c ->
                c.setResources(
                    (c.getResources() == null
                            ? new ResourceRequirementsBuilder()
                            : new ResourceRequirementsBuilder(c.getResources()))
                        .withRequests(
                            Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)))
                        .build()));
    return copy;
  }

  /**
   * The same Deployment with KWOK's usage annotations on its pods: every container then uses {@code
   * cpu} and {@code memory} in the metrics API and the emulated kubelets' metrics.
   */
  public static Deployment withUsage(Deployment deployment, String cpu, String memory) {
    return new DeploymentBuilder(deployment)
        .editSpec()
        .editTemplate()
        .editMetadata()
        .addToAnnotations(ControlPlane.USAGE_CPU_ANNOTATION, cpu)
        .addToAnnotations(ControlPlane.USAGE_MEMORY_ANNOTATION, memory)
        .endMetadata()
        .endTemplate()
        .endSpec()
        .build();
  }
}
