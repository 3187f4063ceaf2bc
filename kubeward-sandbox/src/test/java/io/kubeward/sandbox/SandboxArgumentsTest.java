package io.kubeward.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SandboxArgumentsTest {

  @Test
  void defaultsToPort8080SixNodesAndAKubeconfigUnderDotKubeward() {
    assertThat(SandboxArguments.parse())
        .isEqualTo(new Sandbox.Options(8080, 6, Path.of(".kubeward", "sandbox.kubeconfig"), true));
  }

  @Test
  void readsEveryOption() {
    assertThat(
            SandboxArguments.parse(
                "--port", "9090", "--nodes", "3", "--kubeconfig-out", "k", "--prometheus", "off"))
        .isEqualTo(new Sandbox.Options(9090, 3, Path.of("k"), false));
  }

  @Test
  void rejectsBadInputWithASentence() {
    assertThatThrownBy(() -> SandboxArguments.parse("--port", "eighty"))
        .hasMessage("--port must be a number, was 'eighty'");
    assertThatThrownBy(() -> SandboxArguments.parse("--nodes", "0"))
        .hasMessage("--nodes must be between 1 and 1000, was 0");
    assertThatThrownBy(() -> SandboxArguments.parse("--prometheus", "maybe"))
        .hasMessage("--prometheus must be on or off, was 'maybe'");
    assertThatThrownBy(() -> SandboxArguments.parse("--verbose"))
        .hasMessageStartingWith("--verbose needs a value");
    assertThatThrownBy(() -> SandboxArguments.parse("--colour", "red"))
        .hasMessage("Unknown option --colour; " + SandboxArguments.USAGE);
  }
}
