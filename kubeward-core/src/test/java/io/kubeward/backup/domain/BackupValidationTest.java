package io.kubeward.backup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BackupValidationTest {

  @Test
  void aPlainSpecIsValid() {
    assertThat(BackupValidation.validate(new BackupSpec(null, null, "24h"))).isEmpty();
    assertThat(
            BackupValidation.validate(
                new BackupSpec(
                    new BackupScope(
                        List.of("shop"),
                        null,
                        List.of("deployments.apps"),
                        null,
                        "app in (web, api),tier!=db",
                        null,
                        null,
                        null),
                    "local",
                    null)))
        .isEmpty();
  }

  @Test
  void namesEachProblem() {
    List<String> problems =
        BackupValidation.validate(
            new BackupSpec(
                new BackupScope(
                    List.of("Shop!"),
                    null,
                    List.of("deployments apps"),
                    null,
                    "app==",
                    null,
                    null,
                    null),
                "Not A Location",
                "forever"));
    assertThat(String.join("\n", problems))
        .contains("location:", "ttl:", "scope.namespaces:", "scope.resources:");
    assertThat(BackupValidation.validate(null))
        .containsExactly("spec: is required and must be an object");
  }

  @Test
  void schedulesNeedACronAValidRetentionAndAShortEnoughName() {
    assertThat(
            BackupValidation.validateSchedule(
                "nightly",
                new BackupScheduleSpec(
                    "0 3 * * *",
                    "Asia/Shanghai",
                    null,
                    new BackupScheduleSpec.Retention(7, "168h"),
                    null)))
        .isEmpty();
    assertThat(
            String.join(
                "\n",
                BackupValidation.validateSchedule(
                    "x".repeat(49),
                    new BackupScheduleSpec(
                        "bad", null, null, new BackupScheduleSpec.Retention(0, "1s"), null))))
        .contains("name:", "cron:", "retention.count:", "retention.maxAge:");
  }
}
