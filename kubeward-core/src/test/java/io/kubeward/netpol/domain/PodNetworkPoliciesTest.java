package io.kubeward.netpol.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodNetworkPoliciesTest {

  private static final Map<String, Map<String, String>> NAMESPACES =
      Map.of(
          "shop", Map.of("kubernetes.io/metadata.name", "shop"),
          "monitoring", Map.of("kubernetes.io/metadata.name", "monitoring", "team", "ops"),
          "kube-system", Map.of("kubernetes.io/metadata.name", "kube-system"));

  private static PodNetworkView view(Map<String, String> labels, NetworkPolicy... policies) {
    return PodNetworkPolicies.evaluate("c", "shop", "p", labels, List.of(policies), NAMESPACES);
  }

  @Test
  void noPolicyLeavesBothDirectionsOpen() {
    PodNetworkView view = view(Map.of("app", "web"));
    assertThat(view.ingress().isolated()).isFalse();
    assertThat(view.egress().isolated()).isFalse();
    assertThat(view.ingress().en()).startsWith("Incoming traffic is not restricted");
  }

  @Test
  void anEmptyPodSelectorWithBothTypesAndNoRulesDeniesAll() {
    NetworkPolicy deny =
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName("deny")
            .endMetadata()
            .withNewSpec()
            .withNewPodSelector()
            .endPodSelector()
            .withPolicyTypes("Ingress", "Egress")
            .endSpec()
            .build();
    PodNetworkView view = view(Map.of("app", "web"), deny);
    assertThat(view.selecting()).extracting(SelectingPolicy::name).containsExactly("deny");
    assertThat(view.ingress().denyAll()).isTrue();
    assertThat(view.egress().denyAll()).isTrue();
    assertThat(view.egress().zh()).startsWith("出站流量全部拒绝");
  }

  @Test
  void policyTypesDefaultToIngressPlusEgressWhenEgressRulesExist() {
    NetworkPolicy ingressOnly =
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName("in")
            .endMetadata()
            .withNewSpec()
            .withNewPodSelector()
            .endPodSelector()
            .endSpec()
            .build();
    PodNetworkView first = view(Map.of(), ingressOnly);
    assertThat(first.ingress().denyAll()).isTrue();
    assertThat(first.egress().isolated()).isFalse();

    NetworkPolicy withEgress =
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName("out")
            .endMetadata()
            .withNewSpec()
            .withNewPodSelector()
            .endPodSelector()
            .addNewEgress()
            .withPorts(
                new NetworkPolicyPortBuilder()
                    .withProtocol("UDP")
                    .withPort(new IntOrString(53))
                    .build())
            .endEgress()
            .endSpec()
            .build();
    PodNetworkView second = view(Map.of(), withEgress);
    assertThat(second.egress().isolated()).isTrue();
    assertThat(second.egress().allowed().get(0).rule().en())
        .isEqualTo("Allows traffic to anywhere on ports 53/UDP.");
  }

  @Test
  void matchExpressionsDecideSelection() {
    NetworkPolicy policy =
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName("tiers")
            .endMetadata()
            .withNewSpec()
            .withNewPodSelector()
            .withMatchExpressions(
                new LabelSelectorRequirementBuilder()
                    .withKey("tier")
                    .withOperator("In")
                    .withValues("web", "api")
                    .build(),
                new LabelSelectorRequirementBuilder()
                    .withKey("legacy")
                    .withOperator("DoesNotExist")
                    .build())
            .endPodSelector()
            .endSpec()
            .build();
    assertThat(view(Map.of("tier", "api"), policy).selecting()).hasSize(1);
    assertThat(view(Map.of("tier", "db"), policy).notSelecting()).containsExactly("tiers");
    assertThat(view(Map.of("tier", "web", "legacy", "1"), policy).selecting()).isEmpty();
  }

  @Test
  void namespaceSelectorPeersNameTheNamespacesTheyPickAndIpBlocksTheirExceptions() {
    NetworkPolicy policy =
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName("from-ops")
            .endMetadata()
            .withNewSpec()
            .withNewPodSelector()
            .withMatchLabels(Map.of("app", "web"))
            .endPodSelector()
            .addNewIngress()
            .withFrom(
                new NetworkPolicyPeerBuilder()
                    .withNewNamespaceSelector()
                    .withMatchLabels(Map.of("team", "ops"))
                    .endNamespaceSelector()
                    .withNewPodSelector()
                    .withMatchLabels(Map.of("app", "prometheus"))
                    .endPodSelector()
                    .build(),
                new NetworkPolicyPeerBuilder()
                    .withNewIpBlock()
                    .withCidr("10.0.0.0/8")
                    .withExcept("10.1.0.0/16")
                    .endIpBlock()
                    .build())
            .endIngress()
            .endSpec()
            .build();
    PodNetworkView view = view(Map.of("app", "web"), policy);
    NetworkRule rule = view.ingress().allowed().get(0).rule();
    assertThat(rule.peers().get(0).matchingNamespaces()).containsExactly("monitoring");
    assertThat(rule.peers().get(0).en())
        .isEqualTo("pods with app=prometheus in namespaces with team=ops (now: monitoring)");
    assertThat(rule.peers().get(1).en()).isEqualTo("IP block 10.0.0.0/8 except 10.1.0.0/16");
    assertThat(rule.ports()).isEmpty();
    assertThat(rule.en()).endsWith("on all ports.");
  }
}
