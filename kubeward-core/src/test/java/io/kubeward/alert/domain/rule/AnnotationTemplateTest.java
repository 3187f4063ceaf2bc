package io.kubeward.alert.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnotationTemplateTest {

  @Test
  void fillsEveryPlaceholder() {
    AnnotationTemplate t =
        AnnotationTemplate.parse(
            "{{ $object }} on {{$labels.node}} at {{ $value }} ({{ $labels.missing }}) see {{ $runbook }}");
    assertThat(
            t.render(
                new AnnotationTemplate.Context(Map.of("node", "n1"), 0.91234567, "Pod a/b", "/rb")))
        .isEqualTo("Pod a/b on n1 at 0.9123 () see /rb");
    assertThat(AnnotationTemplate.format(3.0)).isEqualTo("3");
    assertThat(AnnotationTemplate.format(null)).isEmpty();
  }

  @Test
  void refusesUnknownAndUnclosedPlaceholders() {
    assertThatThrownBy(() -> AnnotationTemplate.parse("{{ .Labels.x }}"))
        .hasMessageContaining("unknown placeholder");
    assertThatThrownBy(() -> AnnotationTemplate.parse("{{ $value"))
        .hasMessageContaining("without its }}");
    assertThatThrownBy(() -> AnnotationTemplate.parse("x".repeat(5000)))
        .hasMessageContaining("longer than");
  }
}
