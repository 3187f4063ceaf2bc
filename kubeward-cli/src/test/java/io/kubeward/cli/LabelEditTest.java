package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelEditTest {

  @Test
  void setsReplacesAndRemovesLabelsKeepingTheOthers() {
    Map<String, String> current = new LinkedHashMap<>();
    current.put("zone", "a");
    current.put("team", "red");
    current.put("old", "x");

    Map<String, String> desired =
        LabelEdit.apply(
            current, LabelEdit.parse(List.of("team=blue", "old-", "tier=", "app=web=1")));

    assertThat(desired)
        .containsExactly(
            Map.entry("zone", "a"),
            Map.entry("team", "blue"),
            Map.entry("tier", ""),
            Map.entry("app", "web=1"));
    assertThat(current).containsEntry("old", "x");
  }

  @Test
  void removingAnAbsentLabelChangesNothing() {
    assertThat(LabelEdit.apply(Map.of("a", "1"), LabelEdit.parse(List.of("b-"))))
        .isEqualTo(Map.of("a", "1"));
  }

  @Test
  void refusesExpressionsThatAreNeitherSetNorRemove() {
    for (String bad : List.of("team", "=blue", "-", "")) {
      assertThatThrownBy(() -> LabelEdit.parse(List.of("ok=1", bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(bad);
    }
  }
}
