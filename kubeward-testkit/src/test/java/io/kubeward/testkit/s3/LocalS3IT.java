package io.kubeward.testkit.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The gateway starts on loopback with random credentials, creates buckets and stops cleanly. */
class LocalS3IT {

  @Test
  void startsCreatesABucketAndStops() throws Exception {
    LocalS3 s3 = LocalS3.start();
    try (s3) {
      assertThat(s3.endpoint()).startsWith("http://127.0.0.1:");
      assertThat(s3.accessKey()).hasSize(20);
      s3.createBucket("backups");
      assertThat(Files.isDirectory(s3.dataDir().resolve("backups"))).isTrue();
      assertThatThrownBy(() -> s3.createBucket("Not_A_Bucket"))
          .isInstanceOf(IllegalStateException.class);
    }
    assertThat(Files.exists(s3.dataDir())).isFalse();
  }
}
