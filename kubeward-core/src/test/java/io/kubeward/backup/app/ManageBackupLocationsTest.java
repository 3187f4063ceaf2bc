package io.kubeward.backup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.backup.domain.BackupLocation;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The one validation of a storage location and the cause a failed check reports. */
class ManageBackupLocationsTest {

  final ManageBackupLocations manage =
      new ManageBackupLocations(
          null,
          null,
          null,
          null,
          Clock.fixed(Instant.parse("2026-12-04T08:00:00Z"), ZoneOffset.UTC));

  static ManageBackupLocations.Change change(String name, String endpoint, String bucket) {
    return new ManageBackupLocations.Change(
        name, "s3", endpoint, null, bucket, "site", null, "AK", "SK", true);
  }

  @Test
  void aValidLocationTakesDefaults() {
    BackupLocationStore.Stored s =
        manage.validate(change("offsite", "http://127.0.0.1:7070/", "kubeward"), "admin");
    BackupLocation l = s.location();
    assertThat(l.type()).isEqualTo(BackupLocation.Type.S3);
    assertThat(l.endpoint()).isEqualTo("http://127.0.0.1:7070");
    assertThat(l.region()).isEqualTo("us-east-1");
    assertThat(l.prefix()).isEqualTo("site/");
    assertThat(l.pathStyle()).isTrue();
    assertThat(l.hasCredentials()).isTrue();
    assertThat(s.credentials().toString()).doesNotContain("SK");
    assertThat(s.updatedBy()).isEqualTo("admin");

    BackupLocation aws = manage.validate(change("aws", null, "my.bucket"), "admin").location();
    assertThat(aws.endpoint()).isNull();
    assertThat(aws.pathStyle()).isFalse();
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                manage.validate(
                    new ManageBackupLocations.Change(
                        "Bad_Name",
                        "ftp",
                        "http://user:pw@host/path?x",
                        "US EAST",
                        "B",
                        "../x",
                        null,
                        "AK",
                        null,
                        null),
                    "admin"))
        .isInstanceOf(BackupLocationException.class)
        .hasMessageContaining("name must be a DNS label")
        .hasMessageContaining("type must be s3")
        .hasMessageContaining("endpoint must be an http(s) URL")
        .hasMessageContaining("region must be")
        .hasMessageContaining("bucket must be")
        .hasMessageContaining("prefix is not a valid key prefix")
        .hasMessageContaining("go together");
  }

  @Test
  void theCauseNamesTheServersAnswer() {
    IOException e =
        new IOException(
            "404 NoSuchBucket: The specified bucket does not exist",
            new RuntimeException("The specified bucket does not exist"));
    assertThat(ManageBackupLocations.cause(e))
        .isEqualTo("404 NoSuchBucket: The specified bucket does not exist");
    assertThat(ManageBackupLocations.cause(new IOException())).isEqualTo("IOException");
  }
}
