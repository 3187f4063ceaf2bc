package io.kubeward.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class KubewardServerTest {

  @Test
  void translatesKubectlStyleOptionsInBothForms() {
    assertThat(
            KubewardServer.translateOptions(
                "--kubeconfig", "/tmp/a b/config", "--context=prod", "--server.port=9090"))
        .containsExactly(
            "--kubeward.kubeconfig=/tmp/a b/config",
            "--kubeward.context=prod",
            "--server.port=9090");
    assertThat(KubewardServer.translateOptions("--kubeconfig=/k", "--context", "dev"))
        .containsExactly("--kubeward.kubeconfig=/k", "--kubeward.context=dev");
  }

  @Test
  void optionWithoutValueIsRejectedClearly() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> KubewardServer.translateOptions("--kubeconfig"))
        .withMessage("--kubeconfig needs a value: --kubeconfig <value>");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> KubewardServer.translateOptions("--context", "--server.port=1"))
        .withMessageStartingWith("--context needs a value");
  }
}
