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
}
