package io.kubeward.cluster.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelSelectorTest {

  private static final Map<String, String> WEB = Map.of("app", "web", "tier", "front");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "app=web|true",
        "app==web|true",
        "app!=web|false",
        "app=db|false",
        "app in (db, web)|true",
        "app notin (db,web)|false",
        "app|true",
        "!app|false",
        "!missing|true",
        "app=web,tier=front|true",
        "app=web, tier=back|false",
        "example.com/owner!=x|true",
      })
  void matchesAsKubectlDoes(String selector, boolean expected) {
    assertThat(LabelSelector.parse(selector).matches(WEB)).isEqualTo(expected);
  }

  @Test
  void emptyValueIsValidAsInKubernetes() {
    assertThat(LabelSelector.parse("app=").matches(Map.of("app", ""))).isTrue();
  }

  @Test
  void blankSelectsEverything() {
    assertThat(LabelSelector.parse(" ").isEmpty()).isTrue();
    assertThat(LabelSelector.parse(null).matches(Map.of())).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "app in (a,|11",
        "-app=web|1",
        "app=web,|9",
        "app > 3|5",
        "Bad_Prefix/app=x|1",
        "app=with space|10",
      })
  void rejectsBadSyntaxWithAPosition(String selector, int position) {
    assertThatThrownBy(() -> LabelSelector.parse(selector))
        .isInstanceOfSatisfying(
            LabelSelector.InvalidSelectorException.class,
            e -> assertThat(e.position()).isEqualTo(position));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "app=web",
        "app!=web",
        "app=db",
        "app in (db, web)",
        "app notin (db,web)",
        "app",
        "!app",
        "!missing",
        "app=web,tier=back",
        "example.com/owner!=x",
      })
  void theStructuredFormSelectsWhatTheStringSelects(String text) {
    LabelSelector parsed = LabelSelector.parse(text);
    LabelSelector structured = LabelSelector.from(parsed.toFabric8());

    for (Map<String, String> labels :
        java.util.List.of(WEB, Map.<String, String>of(), Map.of("app", "db"))) {
      assertThat(structured.matches(labels))
          .as("%s on %s", text, labels)
          .isEqualTo(parsed.matches(labels));
    }
  }

  @Test
  void matchLabelsAndExpressionsAllHold() {
    LabelSelector selector =
        LabelSelector.of(
            Map.of("pool", "a"),
            java.util.List.of(
                expression("zone", "In", "z1", "z2"), expression("gpu", "DoesNotExist")));

    assertThat(selector.matches(Map.of("pool", "a", "zone", "z1"))).isTrue();
    assertThat(selector.matches(Map.of("pool", "a", "zone", "z3"))).isFalse();
    assertThat(selector.matches(Map.of("pool", "a", "zone", "z1", "gpu", "yes"))).isFalse();
    assertThat(LabelSelector.of(null, null).matches(WEB)).isTrue();
    assertThat(LabelSelector.from(null)).isEqualTo(LabelSelector.EVERYTHING);
  }

  @Test
  void theStructuredFormIsValidatedLikeTheString() {
    assertThatThrownBy(() -> LabelSelector.of(Map.of(), java.util.List.of(expression("a", "Near"))))
        .isInstanceOf(LabelSelector.InvalidSelectorException.class)
        .hasMessageContaining("unknown operator");
    assertThatThrownBy(() -> LabelSelector.of(Map.of(), java.util.List.of(expression("a", "In"))))
        .hasMessageContaining("In needs values");
    assertThatThrownBy(
            () -> LabelSelector.of(Map.of(), java.util.List.of(expression("a", "Exists", "x"))))
        .hasMessageContaining("Exists takes no values");
    assertThatThrownBy(() -> LabelSelector.of(Map.of("bad key", "x"), null))
        .hasMessageContaining("invalid label key");
    assertThatThrownBy(() -> LabelSelector.of(Map.of("a", "-x"), null))
        .hasMessageContaining("invalid label value");
  }

  private static LabelSelector.Expression expression(
      String key, String operator, String... values) {
    return new LabelSelector.Expression() {
      @Override
      public String key() {
        return key;
      }

      @Override
      public String operator() {
        return operator;
      }

      @Override
      public java.util.List<String> values() {
        return java.util.List.of(values);
      }
    };
  }
}
