package io.kubeward.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class InitialCredentialsTest {

  @Test
  void generatesA24CharacterPasswordForAdmin() {
    InitialCredentials one = InitialCredentials.configuredOrGenerated(null, new SecureRandom());
    InitialCredentials two = InitialCredentials.configuredOrGenerated(null, new SecureRandom());

    assertThat(one.username()).isEqualTo("admin");
    assertThat(one.generated()).isTrue();
    assertThat(one.password()).hasSize(24).matches("[A-Za-z2-9]+");
    assertThat(one.password()).isNotEqualTo(two.password());
  }

  @Test
  void usesTheConfiguredPasswordAndNeverPrintsIt() {
    InitialCredentials configured =
        InitialCredentials.configuredOrGenerated("correct horse battery", new SecureRandom());

    assertThat(configured.generated()).isFalse();
    assertThat(configured.password()).isEqualTo("correct horse battery");
    assertThat(configured.toString()).doesNotContain("horse").contains("***");
  }
}
