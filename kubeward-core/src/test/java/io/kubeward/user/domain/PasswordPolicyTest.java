package io.kubeward.user.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.common.Names;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  @Test
  void twelveCharactersAreTheMinimum() {
    assertThat(PasswordPolicy.violation("bob", "elevenchars")).isPresent();
    assertThat(PasswordPolicy.violation("bob", "twelve chars")).isEmpty();
    assertThat(PasswordPolicy.violation("bob", null)).isPresent();
  }

  @Test
  void charactersNotBytesCountForTheMinimumAndBytesForTheMaximum() {
    assertThat(PasswordPolicy.violation("bob", "密码密码密码密码密码密码")).isEmpty(); // 12 chars, 36 bytes
    assertThat(PasswordPolicy.violation("bob", "密".repeat(25))).get().asString().contains("72");
    assertThat(PasswordPolicy.violation("bob", "a".repeat(72))).isEmpty();
  }

  @Test
  void theUserNameIsNotAPassword() {
    assertThat(PasswordPolicy.violation("administrator", "Administrator")).isPresent();
  }

  @Test
  void userNamesAreLowerCaseAndShort() {
    assertThat(Names.isUsername("alice.smith@example")).isTrue();
    assertThat(Names.isUsername("Alice")).isFalse();
    assertThat(Names.isUsername("-x")).isFalse();
    assertThat(Names.isUsername("a".repeat(65))).isFalse();
    assertThat(Names.isUsername(null)).isFalse();
  }
}
