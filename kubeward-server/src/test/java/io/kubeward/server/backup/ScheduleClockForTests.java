package io.kubeward.server.backup;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Given to the server with {@code --spring.main.sources}: the BackupSchedules' clock, set by the
 * test ({@link #set}) instead of waiting for a cron time.
 */
@Configuration(proxyBeanMethods = false)
public class ScheduleClockForTests {

  static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.now());

  static void set(Instant now) {
    NOW.set(now);
  }

  @Bean
  @Primary
  ScheduleClock testScheduleClock() {
    return new ScheduleClock(
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return NOW.get();
          }
        });
  }
}
