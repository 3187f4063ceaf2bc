package io.kubeward.helm.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.kubeward.access.domain.KubeIdentity;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelmProcessRunnerTest {

  @Test
  void theCallersIdentityBecomesHelmsFlags() {
    assertThat(
            HelmProcessRunner.flags(
                new KubeIdentity("kubeward:alice", List.of("kubeward:users", "team-a"))))
        .containsExactly(
            "--kube-as-user=kubeward:alice",
            "--kube-as-group=kubeward:users",
            "--kube-as-group=team-a");
    assertThat(HelmProcessRunner.flags(null)).isEmpty();
  }

  @Test
  void theKubeconfigHoldsKubewardsConnectionQuoted() {
    String kubeconfig =
        KubeconfigFile.render(
            new ConfigBuilder()
                .withMasterUrl("https://127.0.0.1:6443")
                .withCaCertData("Q0E=")
                .withOauthToken("tok\"en")
                .build());
    assertThat(kubeconfig)
        .contains("server: \"https://127.0.0.1:6443/\"")
        .contains("certificate-authority-data: \"Q0E=\"")
        .contains("token: \"tok\\\"en\"")
        .contains("current-context: kubeward")
        .doesNotContain("as:");
  }

  @Test
  void theCallersIdentityIsInTheKubeconfigSoEveryHelmClientCarriesIt() {
    String kubeconfig =
        KubeconfigFile.render(
            new ConfigBuilder().withMasterUrl("https://h").withOauthToken("t").build(),
            "kubeward:alice",
            java.util.List.of("kubeward:users", "team-a"));
    assertThat(kubeconfig)
        .contains("    as: \"kubeward:alice\"\n")
        .contains("    as-groups:\n    - \"kubeward:users\"\n    - \"team-a\"\n");
  }
}
