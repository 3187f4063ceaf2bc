package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.cli.commands.PortForwardCommandAccess;
import org.junit.jupiter.api.Test;

class PortForwardParseTest {

  @Test
  void mappingsAreKubectls() {
    assertThat(PortForwardCommandAccess.parse("8080:80")).containsExactly(8080, 80);
    assertThat(PortForwardCommandAccess.parse("80")).containsExactly(80, 80);
    assertThat(PortForwardCommandAccess.parse(":80")).containsExactly(0, 80);
    assertThatThrownBy(() -> PortForwardCommandAccess.parse("1:2:3"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PortForwardCommandAccess.parse("80:0"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PortForwardCommandAccess.parse("x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
