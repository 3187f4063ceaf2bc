package io.kubeward.exec.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecCommandTest {

  @Test
  void shellsComeFromTheAllowList() {
    assertThat(ExecCommand.shell("/bin/bash").argv()).containsExactly("/bin/bash");
    assertThatThrownBy(() -> ExecCommand.shell("/usr/bin/python3"))
        .isInstanceOf(InvalidExecRequestException.class)
        .hasMessageContaining("shell");
    assertThatThrownBy(() -> ExecCommand.shell(null))
        .isInstanceOf(InvalidExecRequestException.class);
  }

  @Test
  void explicitCommandsAreBounded() {
    assertThat(ExecCommand.explicit(List.of("cat", "/tmp/a file"), 100).display())
        .isEqualTo("cat '/tmp/a file'");
    assertThatThrownBy(() -> ExecCommand.explicit(List.of(), 100))
        .isInstanceOf(InvalidExecRequestException.class);
    assertThatThrownBy(() -> ExecCommand.explicit(List.of("echo", "x".repeat(100)), 100))
        .hasMessageContaining("longer than 100");
    assertThatThrownBy(() -> ExecCommand.explicit(Collections.nCopies(65, "a"), 10_000))
        .hasMessageContaining("arguments");
    assertThatThrownBy(() -> ExecCommand.explicit(List.of("echo", "a\u0000b"), 100))
        .hasMessageContaining("control character");
  }

  @Test
  void targetsSizesAndPortsAreValidated() {
    assertThatThrownBy(() -> new PodTarget("c", "Bad_NS", "p", null))
        .isInstanceOf(InvalidExecRequestException.class);
    assertThatThrownBy(() -> new TerminalSize(0, 24))
        .isInstanceOf(InvalidExecRequestException.class);
    assertThatThrownBy(() -> new TerminalSize(80, 1001))
        .isInstanceOf(InvalidExecRequestException.class);
    assertThatThrownBy(() -> new ForwardedPort(70000))
        .isInstanceOf(InvalidExecRequestException.class);
    assertThatThrownBy(() -> new ExecLimits(0, 1, null, null, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ExecLimits.defaults().maxSessionsPerUser()).isEqualTo(5);
  }
}
