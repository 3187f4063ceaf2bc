package io.kubeward.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialCipherTest {

  @TempDir Path dir;

  @Test
  void roundTripsAndBindsTheCiphertextToTheClusterName() {
    CredentialCipher cipher = new CredentialCipher(() -> new byte[32]);
    String sealed = cipher.encrypt("token: abc", "prod");

    assertThat(sealed).startsWith("v1:").doesNotContain("abc");
    assertThat(cipher.encrypt("token: abc", "prod")).isNotEqualTo(sealed);
    assertThat(cipher.decrypt(sealed, "prod")).isEqualTo("token: abc");
    assertThatThrownBy(() -> cipher.decrypt(sealed, "staging"))
        .isInstanceOf(IllegalStateException.class);
    byte[] other = new byte[32];
    other[0] = 1;
    assertThatThrownBy(() -> new CredentialCipher(() -> other).decrypt(sealed, "prod"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void derivedKeysAreStablePerPurposeAndNeverTheCredentialKey() {
    byte[] key = new byte[32];
    key[3] = 9;
    CredentialCipher cipher = CredentialCipher.withKey(key);

    byte[] approval = cipher.derivedKey("release-promql-approval");
    assertThat(approval).hasSize(32).isNotEqualTo(key);
    assertThat(CredentialCipher.withKey(key).derivedKey("release-promql-approval"))
        .isEqualTo(approval);
    assertThat(cipher.derivedKey("something-else")).isNotEqualTo(approval);
    byte[] other = key.clone();
    other[0] = 1;
    assertThat(CredentialCipher.withKey(other).derivedKey("release-promql-approval"))
        .isNotEqualTo(approval);
    assertThatThrownBy(() -> cipher.derivedKey(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMissingKeyFileIsNeverReplacedWhileEncryptedCredentialsExist() {
    Path file = dir.resolve("data/encryption.key");

    assertThatThrownBy(() -> CredentialCipher.keyFile(file, () -> 2))
        .isInstanceOf(CredentialKeyException.class)
        .hasMessageContaining("2 added cluster(s)")
        .hasMessageContaining("is missing");
    assertThat(file).doesNotExist();
    assertThat(
            new CredentialKeyFailureAnalyzer()
                .analyze(new RuntimeException(new CredentialKeyException("x")))
                .getAction())
        .contains("encryption.key", "kubeward.security.encryption-key");
  }

  @Test
  void generatesAKeyFileReadableOnlyByItsOwnerOnFirstUse() throws Exception {
    Path file = dir.resolve("data/encryption.key");
    byte[] key = CredentialCipher.keyFile(file);

    assertThat(key).hasSize(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(CredentialCipher.keyFile(file)).isEqualTo(key);
  }

  @Test
  void aConfiguredKeyMustBe32Bytes() {
    assertThatThrownBy(() -> new ClusterRegistryProperties.Security("c2hvcnQ="))
        .hasMessageContaining("32 bytes");
    assertThat(new ClusterRegistryProperties.Security("x".repeat(0)).toString())
        .doesNotContain("=x");
  }
}
