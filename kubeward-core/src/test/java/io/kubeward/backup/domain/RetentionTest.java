package io.kubeward.backup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {

  private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");

  private static Retention.Child child(String name, int daysAgo, boolean finished) {
    return new Retention.Child(name, NOW.minus(Duration.ofDays(daysAgo)), finished);
  }

  @Test
  void keepsTheNewestByCountAndDeletesTheOldestFirst() {
    List<Retention.Child> children =
        List.of(
            child("d1", 1, true), child("d3", 3, true), child("d2", 2, true), child("d4", 4, true));
    assertThat(Retention.prune(children, 2, null, NOW)).containsExactly("d4", "d3");
  }

  @Test
  void deletesWhatIsOlderThanMaxAgeButNeverAnUnfinishedBackup() {
    List<Retention.Child> children =
        List.of(child("d1", 1, true), child("d8", 8, true), child("d9", 9, false));
    assertThat(Retention.prune(children, null, Duration.ofDays(7), NOW)).containsExactly("d8");
    assertThat(Retention.prune(children, 1, null, NOW)).containsExactly("d8");
    assertThat(Retention.prune(children, null, null, NOW)).isEmpty();
  }
}
