package io.kubeward.maintenance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaintenanceValidationTest {

  static MaintenanceSpec spec(
      List<String> nodes, NodeSelector selector, Integer concurrency, MaintenanceAction action) {
    return new MaintenanceSpec(
        nodes, selector, concurrency, action, null, null, null, null, null, null, null, null);
  }

  static String field(MaintenanceSpec spec) {
    try {
      MaintenanceValidation.validate(spec);
      return null;
    } catch (InvalidMaintenanceException | OutOfRangeException e) {
      return (String) e.properties().get("field");
    }
  }

  @Test
  void defaultsOfAMinimalSpec() {
    MaintenanceSpec s = spec(List.of("n1"), null, null, null);
    assertThat(s.concurrency()).isEqualTo(1);
    assertThat(s.uncordon()).isTrue();
    assertThat(s.paused()).isFalse();
    assertThat(s.action().actionType()).isEqualTo(ActionType.None);
    assertThatCode(() -> MaintenanceValidation.validate(s)).doesNotThrowAnyException();
  }

  @Test
  void namesTheOffendingField() {
    assertThat(field(spec(List.of(), null, 1, null))).isEqualTo("nodes");
    assertThat(field(spec(List.of("n1", "n1"), null, 1, null))).isEqualTo("nodes");
    assertThat(field(spec(List.of("n1"), null, 0, null))).isEqualTo("concurrency");
    assertThat(field(spec(List.of("n1"), new NodeSelector(Map.of("a", "b"), null), 1, null)))
        .isEqualTo("nodeSelector");
    assertThat(
            field(
                spec(
                    null,
                    new NodeSelector(
                        null, List.of(new NodeSelector.Requirement("a", "Near", List.of("x")))),
                    1,
                    null)))
        .isEqualTo("nodeSelector");
    assertThat(
            field(
                spec(
                    List.of("n1"),
                    null,
                    1,
                    new MaintenanceAction("Reboot", null, null, null, null))))
        .isEqualTo("action.type");
    assertThat(
            field(
                spec(
                    List.of("n1"),
                    null,
                    1,
                    new MaintenanceAction("Wait", null, null, null, "soon"))))
        .isEqualTo("action.duration");
    assertThat(
            field(
                spec(List.of("n1"), null, 1, new MaintenanceAction("Job", null, null, null, null))))
        .isEqualTo("action.job");
    MaintenanceSpec badWindow =
        new MaintenanceSpec(
            List.of("n1"),
            null,
            1,
            null,
            List.of(new MaintenanceWindow(null, "02:00", "04:00", "Nowhere/Town")),
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(field(badWindow)).isEqualTo("windows[0]");
  }

  @Test
  void selectorsMatchLikeKubernetes() {
    NodeSelector s =
        new NodeSelector(
            Map.of("pool", "a"),
            List.of(
                new NodeSelector.Requirement("zone", "In", List.of("z1", "z2")),
                new NodeSelector.Requirement("gpu", "DoesNotExist", null)));
    assertThat(s.matches(Map.of("pool", "a", "zone", "z1"))).isTrue();
    assertThat(s.matches(Map.of("pool", "a", "zone", "z3"))).isFalse();
    assertThat(s.matches(Map.of("pool", "a", "zone", "z1", "gpu", "yes"))).isFalse();
  }

  @Test
  void durationsAndBatches() {
    assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(GoDuration.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> GoDuration.parse("2 minutes"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(MaintenanceValidation.batches(List.of("c", "a", "b"), 2))
        .containsExactly(List.of("c", "a"), List.of("b"));
  }

  static MaintenanceSpec withDurations(
      String drainTimeout, String blockedReportAfter, String readyTimeout, String actionTimeout) {
    return new MaintenanceSpec(
        List.of("n1"),
        null,
        1,
        null,
        null,
        null,
        new DrainSettings(null, null, null, drainTimeout, blockedReportAfter),
        readyTimeout,
        actionTimeout,
        null,
        null,
        null);
  }

  static OutOfRangeException outOfRange(MaintenanceSpec spec) {
    try {
      MaintenanceValidation.validate(spec);
    } catch (OutOfRangeException e) {
      return e;
    }
    throw new AssertionError("accepted " + spec);
  }

  @Test
  void everyDurationHasAMaximumAndAnOverflowIsOutOfRangeNotACrash() {
    OutOfRangeException drain = outOfRange(withDurations("9223372036854775807s", null, null, null));
    assertThat(drain.properties())
        .containsEntry("field", "drain.timeout")
        .containsEntry("minimum", "1s")
        .containsEntry("maximum", "168h");
    assertThat(outOfRange(withDurations("169h", null, null, null)).properties())
        .containsEntry("field", "drain.timeout");
    assertThat(outOfRange(withDurations("0s", null, null, null)).properties())
        .containsEntry("field", "drain.timeout");
    assertThat(outOfRange(withDurations(null, "8000000000000000000h", null, null)).properties())
        .containsEntry("field", "drain.blockedReportAfter");
    assertThat(outOfRange(withDurations(null, null, "25h", null)).properties())
        .containsEntry("field", "readyTimeout")
        .containsEntry("maximum", "24h");
    assertThat(outOfRange(withDurations(null, null, null, "2562047788015216h")).properties())
        .containsEntry("field", "actionTimeout");
    assertThat(outOfRange(withDurations(null, null, null, "PT9999999999999999H")).properties())
        .containsEntry("field", "actionTimeout");
    assertThat(
            outOfRange(
                    spec(
                        List.of("n1"),
                        null,
                        1,
                        new MaintenanceAction("Wait", null, null, null, "9223372036854775807s")))
                .properties())
        .containsEntry("field", "action.duration");
    assertThat(outOfRange(spec(List.of("n1"), null, 1001, null)).properties())
        .containsEntry("field", "concurrency")
        .containsEntry("maximum", "1000");
    assertThatCode(() -> MaintenanceValidation.validate(withDurations("168h", "5m", "24h", "7d")))
        .isInstanceOf(InvalidMaintenanceException.class); // 7d is no Kubernetes duration
    assertThatCode(() -> MaintenanceValidation.validate(withDurations("168h", "5m", "24h", "168h")))
        .doesNotThrowAnyException();
  }

  @Test
  void aDrainRequestIsBoundedInItsOwnUnits() {
    assertThatThrownBy(() -> MaintenanceValidation.validateDrainRequest(Long.MAX_VALUE, null, null))
        .isInstanceOfSatisfying(
            OutOfRangeException.class,
            e ->
                assertThat(e.properties())
                    .containsEntry("field", "timeoutSeconds")
                    .containsEntry("maximum", "604800"));
    assertThatThrownBy(() -> MaintenanceValidation.validateDrainRequest(null, -1L, null))
        .isInstanceOf(OutOfRangeException.class);
    assertThatThrownBy(
            () -> MaintenanceValidation.validateDrainRequest(null, null, Integer.MAX_VALUE))
        .isInstanceOf(OutOfRangeException.class);
    assertThatCode(() -> MaintenanceValidation.validateDrainRequest(604800L, 0L, 86400))
        .doesNotThrowAnyException();
  }

  @Test
  void parsingNeverOverflows() {
    for (String huge :
        List.of(
            "9223372036854775807s",
            "9223372036854775807ms",
            "2562047788015216h",
            "99999999999999999999999999h",
            "999999999999999h999999999999999h",
            "PT2562047788015216H")) {
      assertThatThrownBy(() -> GoDuration.parse(huge))
          .isInstanceOf(GoDuration.TooLongException.class);
    }
    assertThat(GoDuration.parse("000000000000000000000001s")).isEqualTo(Duration.ofSeconds(1));
  }
}
