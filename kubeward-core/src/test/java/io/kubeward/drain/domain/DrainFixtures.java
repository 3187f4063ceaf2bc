package io.kubeward.drain.domain;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.Map;

/** Pods and disruption budgets as the API returns them, for drain tests. */
public final class DrainFixtures {

  public static final String NODE = "node-1";

  private DrainFixtures() {}

  /** A running, ready pod of a ReplicaSet in namespace {@code shop}, labelled app=web. */
  public static PodBuilder replicaPod(String name) {
    return pod(name)
        .editMetadata()
        .addNewOwnerReference()
        .withApiVersion("apps/v1")
        .withKind("ReplicaSet")
        .withName("web-6f7d")
        .withUid("rs-uid")
        .withController(true)
        .endOwnerReference()
        .endMetadata();
  }

  /** A running, ready pod without owner. */
  public static PodBuilder pod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("shop")
        .withName(name)
        .withUid("uid-" + name)
        .withLabels(Map.of("app", "web"))
        .endMetadata()
        .withNewSpec()
        .withNodeName(NODE)
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .withConditions(new PodConditionBuilder().withType("Ready").withStatus("True").build())
        .endStatus();
  }

  public static PodBuilder ownedBy(PodBuilder pod, String kind, String owner) {
    return pod.editMetadata()
        .withOwnerReferences()
        .addNewOwnerReference()
        .withApiVersion("apps/v1")
        .withKind(kind)
        .withName(owner)
        .withUid(owner + "-uid")
        .withController(true)
        .endOwnerReference()
        .endMetadata();
  }

  public static PodBuilder withEmptyDir(PodBuilder pod) {
    return pod.editSpec()
        .addToVolumes(
            new VolumeBuilder().withName("scratch").withNewEmptyDir().endEmptyDir().build())
        .endSpec();
  }

  public static PodBuilder unready(PodBuilder pod) {
    return pod.editStatus()
        .withConditions(new PodConditionBuilder().withType("Ready").withStatus("False").build())
        .endStatus();
  }

  /** A budget in {@code shop} over app=web, as its controller reports it. */
  public static PodDisruptionBudget budget(String name, int disruptionsAllowed) {
    return budget(name, disruptionsAllowed, 2, 2);
  }

  public static PodDisruptionBudget budget(
      String name, int disruptionsAllowed, int currentHealthy, int desiredHealthy) {
    return new PodDisruptionBudgetBuilder()
        .withNewMetadata()
        .withNamespace("shop")
        .withName(name)
        .withGeneration(1L)
        .endMetadata()
        .withNewSpec()
        .withSelector(new LabelSelectorBuilder().withMatchLabels(Map.of("app", "web")).build())
        .endSpec()
        .withNewStatus()
        .withObservedGeneration(1L)
        .withDisruptionsAllowed(disruptionsAllowed)
        .withCurrentHealthy(currentHealthy)
        .withDesiredHealthy(desiredHealthy)
        .withExpectedPods(currentHealthy)
        .endStatus()
        .build();
  }

  public static Pod build(PodBuilder pod) {
    return pod.build();
  }
}
