package io.kubeward.user.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenSecretTest {

  @Test
  void generatedTokensAreWellFormedAndDifferent() {
    SecureRandom random = new SecureRandom();
    String one = TokenSecret.generate(random);
    String two = TokenSecret.generate(random);

    assertThat(one).startsWith("kw_").hasSize(46).isNotEqualTo(two);
    assertThat(TokenSecret.isWellFormed(one)).isTrue();
    assertThat(TokenSecret.isWellFormed("kw_short")).isFalse();
    assertThat(TokenSecret.isWellFormed(one.substring(3))).isFalse();
    assertThat(TokenSecret.isWellFormed(one + "x")).isFalse();
  }

  @Test
  void bearerHeadersAreParsedCaseInsensitively() {
    assertThat(TokenSecret.fromAuthorization("Bearer kw_abc")).contains("kw_abc");
    assertThat(TokenSecret.fromAuthorization("bearer  kw_abc ")).contains("kw_abc");
    assertThat(TokenSecret.fromAuthorization("Basic YWRtaW46eA==")).isEmpty();
    assertThat(TokenSecret.fromAuthorization(null)).isEmpty();
    assertThat(TokenSecret.fromAuthorization("Bearer")).isEmpty();
  }

  @Test
  void theStoredHashIsHexSha256() {
    assertThat(TokenSecret.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(TokenSecret.hash("kw_a")).hasSize(64).isNotEqualTo(TokenSecret.hash("kw_b"));
  }

  @Test
  void tokensAreUsableUntilExpiryUnlessRevoked() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    ApiToken token = new ApiToken("id", 1, "ci", t0, t0.plusSeconds(60), null, null);

    assertThat(token.isUsableAt(t0.plusSeconds(59))).isTrue();
    assertThat(token.isUsableAt(t0.plusSeconds(60))).isFalse();
    assertThat(
            new ApiToken("id", 1, "ci", t0, t0.plusSeconds(60), null, t0.plusSeconds(1))
                .isUsableAt(t0.plusSeconds(2)))
        .isFalse();
  }
}
