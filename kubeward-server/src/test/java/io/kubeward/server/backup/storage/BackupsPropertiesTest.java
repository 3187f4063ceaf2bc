package io.kubeward.server.backup.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** kubeward.backups.* is validated when bound: a wrong value stops the start with a message. */
class BackupsPropertiesTest {

  static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  static final BackupsProperties.S3 S3 =
      new BackupsProperties.S3(
          Duration.ofSeconds(5), Duration.ofMinutes(5), DataSize.ofMegabytes(8), 3);

  @Test
  void defaultsUnderTheDataDir() {
    BackupsProperties p =
        new BackupsProperties(
            null, null, DataSize.ofGigabytes(64), new BackupsProperties.Encryption(null, null), S3);
    assertThat(p.directory(Path.of("/data"))).isEqualTo(Path.of("/data/backups"));
    assertThat(p.spoolDirectory(Path.of("/data"))).isEqualTo(Path.of("/data/spool"));
    assertThat(p.encryption().archiveKeys().configured()).isFalse();
  }

  @Test
  void oneKeyIsActiveWithoutNamingIt() {
    var e = new BackupsProperties.Encryption(null, Map.of("k1", KEY));
    assertThat(e.archiveKeys().sealer().keyId()).isEqualTo("k1");
    assertThat(e.toString()).doesNotContain(KEY);
  }

  @Test
  void wrongKeysStopTheStart() {
    assertThatThrownBy(() -> new BackupsProperties.Encryption(null, Map.of("k1", "c2hvcnQ=")))
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> new BackupsProperties.Encryption(null, Map.of("k1", KEY, "k2", KEY)))
        .hasMessageContaining("active-key is required");
    assertThatThrownBy(() -> new BackupsProperties.Encryption("k3", Map.of("k1", KEY)))
        .hasMessageContaining("not among the configured keys");
    assertThatThrownBy(() -> new BackupsProperties.Encryption("k1", Map.of()))
        .hasMessageContaining("no keys are configured");
    assertThatThrownBy(() -> new BackupsProperties.Encryption(null, Map.of("k 1", KEY)))
        .hasMessageContaining("key id");
  }

  @Test
  void s3LimitsAreBounded() {
    assertThatThrownBy(
            () ->
                new BackupsProperties.S3(
                    Duration.ofSeconds(5), Duration.ofMinutes(5), DataSize.ofMegabytes(4), 3))
        .hasMessageContaining("part-size");
    assertThatThrownBy(
            () ->
                new BackupsProperties.S3(
                    Duration.ofSeconds(5), Duration.ofHours(2), DataSize.ofMegabytes(8), 3))
        .hasMessageContaining("request-timeout");
  }
}
