package io.kubeward.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamSpacePlanTest {

  private static final TeamTemplate STANDARD = TeamTemplates.builtIn().get(0);

  @Test
  void theStandardTemplateBuildsEveryObjectNamespaceFirst() {
    List<HasMetadata> objects =
        TeamSpacePlan.objects(
            new TeamSpaceRequest(
                "shop", null, List.of("alice"), List.of("shop-devs"), null, null, null),
            STANDARD);
    assertThat(objects)
        .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactly(
            "Namespace/shop",
            "ResourceQuota/team-quota",
            "LimitRange/team-limits",
            "NetworkPolicy/default-deny",
            "NetworkPolicy/allow-dns-egress",
            "NetworkPolicy/allow-same-namespace",
            "RoleBinding/team-edit");
    assertThat(objects.get(0).getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted")
        .containsEntry("pod-security.kubernetes.io/enforce-version", "latest");
    NetworkPolicy dns = (NetworkPolicy) objects.get(4);
    assertThat(dns.getSpec().getEgress().get(0).getPorts())
        .extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
        .containsExactly("UDP/53", "TCP/53");
    RoleBinding binding = (RoleBinding) objects.get(6);
    assertThat(binding.getSubjects())
        .extracting(s -> s.getKind() + ":" + s.getName())
        .containsExactly("User:alice", "Group:shop-devs");
  }

  @Test
  void overridesReplaceQuotaValuesLevelAndRole() {
    List<HasMetadata> objects =
        TeamSpacePlan.objects(
            new TeamSpaceRequest(
                "shop", null, List.of("alice"), null, Map.of("pods", "7"), "baseline", "admin"),
            STANDARD);
    assertThat(objects.get(0).getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/warn", "baseline");
    assertThat(
            ((io.fabric8.kubernetes.api.model.ResourceQuota) objects.get(1))
                .getSpec()
                .getHard()
                .get("pods")
                .toString())
        .isEqualTo("7");
    assertThat(objects.get(6).getMetadata().getName()).isEqualTo("team-admin");
  }

  @Test
  void absurdOrMalformedValuesAreRefusedBeforeAnythingIsBuilt() {
    assertThatThrownBy(
            () ->
                new TeamSpaceRequest(
                    "shop", null, List.of("a"), null, Map.of("cpu", "1e9"), null, null))
        .isInstanceOf(TenancyException.class)
        .hasMessageContaining("more than the allowed 100000");
    assertThatThrownBy(
            () ->
                new TeamSpaceRequest(
                    "shop", null, List.of("a"), null, Map.of("memory", "lots"), null, null))
        .hasMessageContaining("not a quantity");
    assertThatThrownBy(
            () ->
                new TeamSpaceRequest(
                    "shop", null, List.of("a"), null, Map.of("pods", "-1"), null, null))
        .hasMessageContaining("negative");
    assertThatThrownBy(
            () -> new TeamSpaceRequest("Shop!", null, List.of("a"), null, null, null, null))
        .hasMessageContaining("namespace name");
    assertThatThrownBy(() -> new TeamSpaceRequest("shop", null, null, null, null, null, null))
        .hasMessageContaining("at least one user or group");
    assertThatThrownBy(
            () ->
                TeamSpacePlan.objects(
                    new TeamSpaceRequest("shop", null, List.of("a"), null, null, "root", null),
                    STANDARD))
        .hasMessageContaining("privileged, baseline, restricted");
  }
}
