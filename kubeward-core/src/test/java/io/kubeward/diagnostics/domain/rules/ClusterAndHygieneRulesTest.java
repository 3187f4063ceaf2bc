package io.kubeward.diagnostics.domain.rules;

import static io.kubeward.diagnostics.domain.rules.Facts.NOW;
import static io.kubeward.diagnostics.domain.rules.Facts.meta;
import static io.kubeward.diagnostics.domain.rules.Facts.owner;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.diagnostics.domain.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterAndHygieneRulesTest {

  final Facts facts = new Facts();

  KubeObjectView node(
      String name, String ready, long sinceSecondsAgo, boolean cordoned, String pressure) {
    var status =
        new NodeBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withNewSpec()
            .withUnschedulable(cordoned)
            .endSpec()
            .withNewStatus()
            .addNewCondition()
            .withType("Ready")
            .withStatus(ready)
            .withReason("True".equals(ready) ? "KubeletReady" : "NodeStatusUnknown")
            .withMessage("Kubelet stopped posting node status.")
            .withLastTransitionTime(NOW.minusSeconds(sinceSecondsAgo).toString())
            .endCondition();
    if (pressure != null) {
      status =
          status
              .addNewCondition()
              .withType(pressure)
              .withStatus("True")
              .withReason("KubeletHas" + pressure)
              .withLastTransitionTime(NOW.minusSeconds(sinceSecondsAgo).toString())
              .endCondition();
    }
    return facts.add(status.endStatus().build());
  }

  @Test
  void nodeNotReadyPressureAndCordon() {
    var down = node("node-a", "Unknown", 600, false, null);
    assertThat(facts.judge(new NodeRules.NotReady(), down))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(d.explanation().en())
                  .contains("not been Ready for 10m", "stopped reporting");
              assertThat(d.evidence().getFirst().value()).contains("Unknown, NodeStatusUnknown");
            });
    var justNow = node("node-b", "False", 30, false, null);
    assertThat(facts.judge(new NodeRules.NotReady(), justNow)).isEmpty();
    var pressed = node("node-c", "True", 600, true, "DiskPressure");
    assertThat(facts.judge(new NodeRules.NotReady(), pressed)).isEmpty();
    assertThat(facts.judge(new NodeRules.Pressure(), pressed).getFirst().explanation().en())
        .contains("DiskPressure");
    assertThat(facts.judge(new NodeRules.Cordoned(), pressed).getFirst().severity())
        .isEqualTo(Severity.INFO);
    var healthy = node("node-d", "True", 600, false, null);
    assertThat(facts.judge(new NodeRules.Pressure(), healthy)).isEmpty();
    assertThat(facts.judge(new NodeRules.Cordoned(), healthy)).isEmpty();
  }

  KubeObjectView hpa(String name, String type, String status, String reason, long secondsAgo) {
    return facts.add(
        new HorizontalPodAutoscalerBuilder()
            .withMetadata(meta("shop", name).build())
            .withNewSpec()
            .withNewScaleTargetRef()
            .withKind("Deployment")
            .withName("web")
            .endScaleTargetRef()
            .withMaxReplicas(5)
            .endSpec()
            .withNewStatus()
            .withCurrentReplicas(5)
            .withDesiredReplicas(5)
            .addNewCondition()
            .withType("AbleToScale")
            .withStatus("True")
            .withReason("ReadyForNewScale")
            .endCondition()
            .addNewCondition()
            .withType(type)
            .withStatus(status)
            .withReason(reason)
            .withMessage("the HPA was unable to compute the replica count")
            .withLastTransitionTime(NOW.minusSeconds(secondsAgo).toString())
            .endCondition()
            .endStatus()
            .build());
  }

  @Test
  void autoscalerWithoutMetricsAndAtItsMaximum() {
    var blind = hpa("blind", "ScalingActive", "False", "FailedGetResourceMetric", 900);
    assertThat(facts.judge(new AutoscalerRules.UnableToScale(), blind))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.explanation().en())
                  .contains("cannot compute a replica count (FailedGetResourceMetric)");
              assertThat(d.evidence())
                  .anyMatch(e -> e.value().equals("Deployment/web (not found)"));
            });
    var disabled = hpa("off", "ScalingActive", "False", "ScalingDisabled", 900);
    assertThat(facts.judge(new AutoscalerRules.UnableToScale(), disabled)).isEmpty();
    var maxed = hpa("maxed", "ScalingLimited", "True", "TooManyReplicas", 7200);
    assertThat(facts.judge(new AutoscalerRules.AtMax(), maxed).getFirst().explanation().en())
        .contains("maxReplicas (5)", "2h");
    assertThat(facts.judge(new AutoscalerRules.UnableToScale(), maxed)).isEmpty();
    assertThat(facts.judge(new AutoscalerRules.AtMax(), blind)).isEmpty();
  }

  KubeObjectView pdb(
      String name, int expected, int healthy, int desired, int allowed, Integer maxUnavailable) {
    var spec =
        new PodDisruptionBudgetBuilder().withMetadata(meta("shop", name).build()).withNewSpec();
    if (maxUnavailable != null) {
      spec = spec.withMaxUnavailable(new IntOrString(maxUnavailable));
    }
    return facts.add(
        spec.endSpec()
            .withNewStatus()
            .withExpectedPods(expected)
            .withCurrentHealthy(healthy)
            .withDesiredHealthy(desired)
            .withDisruptionsAllowed(allowed)
            .endStatus()
            .build());
  }

  @Test
  void budgetsThatBlockEveryEviction() {
    assertThat(facts.judge(new PdbBlocksDisruptionsRule(), pdb("strict", 3, 3, 3, 0, 0)))
        .singleElement()
        .satisfies(d -> assertThat(d.explanation().en()).contains("requires all 3 of its pods"));
    assertThat(facts.judge(new PdbBlocksDisruptionsRule(), pdb("sick", 3, 1, 2, 0, null)))
        .singleElement()
        .satisfies(
            d -> assertThat(d.explanation().en()).contains("only 1 of its 3 pods are healthy"));
    assertThat(facts.judge(new PdbBlocksDisruptionsRule(), pdb("fine", 3, 3, 2, 1, null)))
        .isEmpty();
    assertThat(facts.judge(new PdbBlocksDisruptionsRule(), pdb("empty", 0, 0, 0, 0, null)))
        .isEmpty();
  }

  @Test
  void hygieneSkipsWhatIsReferencedOrManaged() {
    facts.add(
        new DeploymentBuilder()
            .withMetadata(meta("shop", "web").build())
            .withNewSpec()
            .withNewTemplate()
            .withNewSpec()
            .addNewVolume()
            .withName("c")
            .withNewConfigMap()
            .withName("by-template")
            .endConfigMap()
            .endVolume()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build());
    facts.add(
        new PodBuilder()
            .withMetadata(meta("shop", "bare").build())
            .withNewSpec()
            .addNewVolume()
            .withName("s")
            .withNewSecret()
            .withSecretName("by-pod")
            .endSecret()
            .endVolume()
            .addNewVolume()
            .withName("d")
            .withNewPersistentVolumeClaim()
            .withClaimName("used")
            .endPersistentVolumeClaim()
            .endVolume()
            .addNewContainer()
            .withName("c")
            .endContainer()
            .endSpec()
            .build());
    var configMaps = UnreferencedRule.configMaps();
    var secrets = UnreferencedRule.secrets();
    var claims = UnreferencedRule.claims();
    assertThat(
            facts.judge(
                configMaps,
                facts.add(
                    new ConfigMapBuilder()
                        .withMetadata(meta("shop", "by-template").build())
                        .build())))
        .isEmpty();
    assertThat(
            facts.judge(
                configMaps,
                facts.add(
                    new ConfigMapBuilder()
                        .withMetadata(meta("shop", "kube-root-ca.crt").build())
                        .build())))
        .isEmpty();
    assertThat(
            facts.judge(
                configMaps,
                facts.add(
                    new ConfigMapBuilder()
                        .withMetadata(meta("kube-system", "anything").build())
                        .build())))
        .isEmpty();
    assertThat(
            facts.judge(
                configMaps,
                facts.add(
                    new ConfigMapBuilder()
                        .withMetadata(
                            meta("shop", "owned").withOwnerReferences(owner("Thing", "x")).build())
                        .build())))
        .isEmpty();
    assertThat(
            facts.judge(
                configMaps,
                facts.add(
                    new ConfigMapBuilder()
                        .withMetadata(
                            meta("shop", "fresh")
                                .withCreationTimestamp(NOW.minusSeconds(60).toString())
                                .build())
                        .build())))
        .isEmpty();
    assertThat(
            facts.judge(
                configMaps,
                facts.add(
                    new ConfigMapBuilder().withMetadata(meta("shop", "old").build()).build())))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.INFO);
              assertThat(d.explanation().en())
                  .contains("ConfigMap old (1d old) is referenced by no pod");
            });
    assertThat(facts.judge(secrets, facts.add(secret("by-pod", Map.of(), Map.of())))).isEmpty();
    assertThat(
            facts.judge(
                secrets,
                facts.add(
                    secret(
                        "builder-token",
                        Map.of("kubernetes.io/service-account.name", "builder"),
                        Map.of()))))
        .isEmpty();
    assertThat(
            facts.judge(
                secrets,
                facts.add(secret("sh.helm.release.v1.web.v3", Map.of(), Map.of("owner", "helm")))))
        .isEmpty();
    assertThat(facts.judge(secrets, facts.add(secret("stale", Map.of(), Map.of())))).hasSize(1);
    assertThat(facts.judge(claims, facts.add(claim("used")))).isEmpty();
    assertThat(facts.judge(claims, facts.add(claim("orphan")))).hasSize(1);
  }

  static io.fabric8.kubernetes.api.model.GenericKubernetesResource secret(
      String name, Map<String, String> annotations, Map<String, String> labels) {
    return new GenericKubernetesResourceBuilder()
        .withKind("Secret")
        .withMetadata(meta("shop", name).withAnnotations(annotations).withLabels(labels).build())
        .build();
  }

  static io.fabric8.kubernetes.api.model.PersistentVolumeClaim claim(String name) {
    return new PersistentVolumeClaimBuilder()
        .withMetadata(meta("shop", name).build())
        .withNewStatus()
        .withPhase("Bound")
        .endStatus()
        .build();
  }
}
