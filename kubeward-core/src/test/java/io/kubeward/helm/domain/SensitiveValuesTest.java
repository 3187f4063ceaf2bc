package io.kubeward.helm.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensitiveValuesTest {

  @Test
  void valuesUnderSecretKeysAreMarkedAtAnyDepthAndOthersKept() {
    Map<String, Object> values =
        Map.of(
            "replicaCount",
            2,
            "postgresql",
            Map.of("auth", Map.of("postgresPassword", "pw", "username", "app")),
            "ingress",
            Map.of("hosts", List.of(Map.of("host", "a.example", "tlsPrivateKey", "KEY"))),
            "apiToken",
            List.of("t1", "t2"),
            "credentials",
            Map.of("user", "u", "nested", List.of("x")));

    Map<String, Object> redacted = SensitiveValues.redacted(values, v -> "#");

    assertThat(redacted)
        .containsEntry("replicaCount", 2)
        .containsEntry(
            "postgresql", Map.of("auth", Map.of("postgresPassword", "#", "username", "app")))
        .containsEntry(
            "ingress", Map.of("hosts", List.of(Map.of("host", "a.example", "tlsPrivateKey", "#"))))
        .containsEntry("apiToken", List.of("#", "#"))
        .containsEntry("credentials", Map.of("user", "#", "nested", List.of("#")));
  }

  @Test
  void secretKeysAreRecognisedInTheUsualSpellings() {
    assertThat(
            List.of(
                "password",
                "adminPassword",
                "PASSWD",
                "secretKey",
                "clientSecret",
                "token",
                "bearer_token",
                "apiKey",
                "api-key",
                "accessKey",
                "private_key",
                "credentials",
                "connectionString"))
        .allMatch(SensitiveValues::isSecretKey);
    assertThat(List.of("replicaCount", "image", "host", "podsNumber", "keyspace", "auth"))
        .noneMatch(SensitiveValues::isSecretKey);
  }
}
