package io.kubeward.alert.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelMatcherTest {

  private static final Map<String, String> LABELS =
      Map.of("alertname", "node-not-ready", "namespace", "prod-web", "severity", "critical");

  @Test
  void theFourOperators() {
    assertThat(LabelMatcher.parse("severity=\"critical\"").matches(LABELS)).isTrue();
    assertThat(LabelMatcher.parse("severity!=\"critical\"").matches(LABELS)).isFalse();
    assertThat(LabelMatcher.parse("namespace=~\"prod-.*\"").matches(LABELS)).isTrue();
    assertThat(LabelMatcher.parse("namespace!~\"prod-.*\"").matches(LABELS)).isFalse();
  }

  @Test
  void regularExpressionsAreAnchored() {
    assertThat(LabelMatcher.parse("namespace=~\"prod\"").matches(LABELS)).isFalse();
    assertThat(LabelMatcher.parse("namespace=~\"web\"").matches(LABELS)).isFalse();
    assertThat(LabelMatcher.parse("namespace=~\"prod|prod-web\"").matches(LABELS)).isTrue();
  }

  @Test
  void aMissingLabelHasTheEmptyValue() {
    assertThat(LabelMatcher.parse("node=\"\"").matches(LABELS)).isTrue();
    assertThat(LabelMatcher.parse("node=~\".+\"").matches(LABELS)).isFalse();
    assertThat(LabelMatcher.parse("node!=\"n1\"").matches(LABELS)).isTrue();
  }

  @Test
  void quotingAndEscapesRoundTrip() {
    LabelMatcher m = LabelMatcher.parse(" summary = \"say \\\"hi\\\" \\\\ there\" ");
    assertThat(m.value()).isEqualTo("say \"hi\" \\ there");
    assertThat(LabelMatcher.parse(m.toString())).isEqualTo(m);
    assertThat(LabelMatcher.parse("team=ops").value()).isEqualTo("ops");
  }

  @Test
  void badMatchersAreRefusedWithTheReason() {
    assertThatThrownBy(() -> LabelMatcher.parse("severity")).hasMessageContaining("not a matcher");
    assertThatThrownBy(() -> LabelMatcher.parse("9x=\"a\"")).hasMessageContaining("label name");
    assertThatThrownBy(() -> LabelMatcher.parse("a=~\"(\"")).hasMessageContaining("regular");
    assertThatThrownBy(() -> LabelMatcher.parse("a=\"open")).hasMessageContaining("closing quote");
    assertThatThrownBy(() -> LabelMatcher.parse("a=~\"" + "x".repeat(300) + "\""))
        .hasMessageContaining("longer than");
  }
}
