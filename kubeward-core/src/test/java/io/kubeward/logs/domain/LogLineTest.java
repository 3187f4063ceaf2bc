package io.kubeward.logs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogLineTest {

  @Test
  void timestampsAreSplitOffOnlyWhenAskedFor() {
    LogLine line = LogLine.parse("2026-12-03T10:00:00.123456789Z hello world", true, 100);
    assertThat(line.timestamp()).isEqualTo("2026-12-03T10:00:00.123456789Z");
    assertThat(line.text()).isEqualTo("hello world");
    LogLine plain = LogLine.parse("2026 was a year", false, 100);
    assertThat(plain.timestamp()).isNull();
    assertThat(plain.text()).isEqualTo("2026 was a year");
  }

  @Test
  void longLinesAreCutAndMarkedWithoutSplittingASurrogatePair() {
    LogLine line = LogLine.parse("ab\uD83D\uDE00cd", false, 3);
    assertThat(line.truncated()).isTrue();
    assertThat(line.text()).isEqualTo("ab");
    assertThat(LogLine.parse("abc\r", false, 3).truncated()).isFalse();
  }

  @Test
  void aPodKeepsItsColourEverywhere() {
    assertThat(PodColours.of("web-7c9f-abcde")).isEqualTo(PodColours.of("web-7c9f-abcde"));
    assertThat(PodColours.of("x")).isBetween(0, PodColours.PALETTE - 1);
    long distinct =
        java.util.stream.IntStream.range(0, 50)
            .map(i -> PodColours.of("web-" + i))
            .distinct()
            .count();
    assertThat(distinct).isGreaterThan(6);
  }
}
