package io.kubeward.alert.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotificationLogEntryTest {

  private static final Instant T = Instant.parse("2026-12-03T10:00:00Z");
  private static final Duration REPEAT = Duration.ofHours(4);

  private static NotificationLogEntry told(Set<String> firing, Set<String> resolved) {
    return new NotificationLogEntry("site", "g", "c", firing, resolved, T);
  }

  @Test
  void decisionsAsAlertmanagerMakesThem() {
    Instant soon = T.plusSeconds(60);
    assertThat(NotificationLogEntry.needsUpdate(null, Set.of("a"), Set.of(), true, REPEAT, soon))
        .isTrue();
    assertThat(NotificationLogEntry.needsUpdate(null, Set.of(), Set.of("a"), true, REPEAT, soon))
        .isFalse();
    NotificationLogEntry a = told(Set.of("a"), Set.of());
    assertThat(NotificationLogEntry.needsUpdate(a, Set.of("a"), Set.of(), true, REPEAT, soon))
        .isFalse();
    assertThat(NotificationLogEntry.needsUpdate(a, Set.of("a", "b"), Set.of(), true, REPEAT, soon))
        .isTrue();
    assertThat(NotificationLogEntry.needsUpdate(a, Set.of(), Set.of("a"), false, REPEAT, soon))
        .isTrue();
    NotificationLogEntry ab = told(Set.of("a", "b"), Set.of());
    assertThat(NotificationLogEntry.needsUpdate(ab, Set.of("a"), Set.of("b"), true, REPEAT, soon))
        .isTrue();
    assertThat(NotificationLogEntry.needsUpdate(ab, Set.of("a"), Set.of("b"), false, REPEAT, soon))
        .isFalse();
    assertThat(
            NotificationLogEntry.needsUpdate(
                a, Set.of("a"), Set.of(), true, REPEAT, T.plus(REPEAT)))
        .isTrue();
    NotificationLogEntry none = told(Set.of(), Set.of("a"));
    assertThat(NotificationLogEntry.needsUpdate(none, Set.of(), Set.of(), true, REPEAT, soon))
        .isFalse();
  }
}
