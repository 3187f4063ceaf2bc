package io.kubeward.server.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cluster.domain.StartupTimeline.Moment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.support.GenericApplicationContext;

class StartupMomentsTest {

  private static final Instant JVM = Instant.parse("2026-12-04T10:00:00Z");

  @Test
  void aMomentIsTakenFromTheClockOnceAndAbsentBefore() {
    StartupMoments moments =
        new StartupMoments(Clock.fixed(JVM.plusMillis(2_300), ZoneOffset.UTC), JVM);
    assertThat(moments.moments()).extracting(Moment::at).containsOnlyNulls();

    try (GenericApplicationContext context = new GenericApplicationContext()) {
      moments.contextRefreshed(new ContextRefreshedEvent(context));
    }

    assertThat(moments.jvmStarted()).isEqualTo(JVM);
    assertThat(moments.moments())
        .filteredOn(m -> m.name().equals(StartupMoments.CONTEXT_REFRESHED))
        .singleElement()
        .extracting(Moment::at)
        .isEqualTo(JVM.plusMillis(2_300));
  }
}
