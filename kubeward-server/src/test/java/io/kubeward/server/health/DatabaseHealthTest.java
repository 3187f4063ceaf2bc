package io.kubeward.server.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kubeward.server.persistence.DatabaseAvailability;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class DatabaseHealthTest {

  private final MutableClock clock = new MutableClock();
  private final DatabaseAvailability availability = new DatabaseAvailability(clock);
  private final DataSource dataSource = mock(DataSource.class);
  private final HealthProperties properties =
      new HealthProperties(Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(5));

  private DatabaseHealth health() {
    return new DatabaseHealth(
        dataSource, availability, properties, clock, r -> Thread.ofVirtual().start(r));
  }

  @Test
  void upWhenAConnectionIsValidAndTheAnswerIsReusedForAWhile() throws Exception {
    Connection connection = mock(Connection.class);
    when(connection.isValid(anyInt())).thenReturn(true);
    when(dataSource.getConnection()).thenReturn(connection);
    DatabaseHealth health = health();

    assertThat(health.check().up()).isTrue();
    assertThat(health.check().up()).isTrue();
    verify(dataSource, times(1)).getConnection();

    clock.advance(Duration.ofSeconds(2));
    assertThat(health.check().up()).isTrue();
    verify(dataSource, times(2)).getConnection();
  }

  @Test
  void downWithoutDetailsWhenThePoolHasNoConnectionAndUpAgainWhenItHas() throws Exception {
    when(dataSource.getConnection())
        .thenThrow(new SQLTransientConnectionException("pool timed out at db.internal:5432"));
    DatabaseHealth health = health();

    DatabaseHealth.Status down = health.check();
    assertThat(down.up()).isFalse();
    assertThat(down.reason()).isEqualTo("unavailable");
    assertThat(availability.available()).isFalse();

    Connection connection = mock(Connection.class);
    when(connection.isValid(anyInt())).thenReturn(true);
    org.mockito.Mockito.reset(dataSource);
    when(dataSource.getConnection()).thenReturn(connection);
    clock.advance(Duration.ofSeconds(2));

    assertThat(health.check().up()).isTrue();
    assertThat(availability.available()).isTrue();
  }

  @Test
  void aHangingDatabaseIsDownAfterTheTimeoutAndChecksDoNotPileUp() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    when(dataSource.getConnection())
        .thenAnswer(
            invocation -> {
              release.await(10, TimeUnit.SECONDS);
              throw new SQLTransientConnectionException("timed out");
            });
    DatabaseHealth health = health();

    long start = System.nanoTime();
    DatabaseHealth.Status first = health.check();
    DatabaseHealth.Status second = health.check();
    long tookMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(first.reason()).isEqualTo("timeout");
    assertThat(second.reason()).isEqualTo("timeout");
    assertThat(tookMillis).isLessThan(3_000);
    verify(dataSource, times(1)).getConnection();
    release.countDown();
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
