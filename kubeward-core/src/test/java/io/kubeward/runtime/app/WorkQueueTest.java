package io.kubeward.runtime.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.runtime.domain.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The work queue with a clock the test moves: no sleeps. */
class WorkQueueTest {

  Instant now = Instant.parse("2026-12-03T10:00:00Z");
  final Clock clock =
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
          return now;
        }
      };
  final WorkQueue<String> queue =
      new WorkQueue<>(clock, new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8)));

  void advance(Duration d) {
    now = now.plus(d);
  }

  @Test
  void aKeyIsQueuedOnceAtItsEarliestTime() {
    queue.addAfter("a", Duration.ofSeconds(10));
    queue.addAfter("a", Duration.ofSeconds(30));
    queue.addAfter("a", Duration.ofSeconds(5));
    assertThat(queue.depth()).isEqualTo(1);
    assertThat(queue.poll()).isEmpty();
    advance(Duration.ofSeconds(5));
    assertThat(queue.poll()).hasValue("a");
    queue.done("a");
    advance(Duration.ofSeconds(30));
    assertThat(queue.poll()).as("the later duplicates are gone").isEmpty();
  }

  @Test
  void aKeyBeingProcessedIsNotHandedOutTwiceAndIsQueuedAgainWhenDone() {
    queue.add("a");
    assertThat(queue.poll()).hasValue("a");
    queue.add("a");
    assertThat(queue.poll()).as("still being processed").isEmpty();
    queue.done("a");
    assertThat(queue.poll()).hasValue("a");
    queue.done("a");
    assertThat(queue.poll()).isEmpty();
  }

  @Test
  void retriesBackOffExponentiallyUpToTheMaximumAndASuccessForgets() {
    queue.add("a");
    queue.poll();
    assertThat(queue.retry("a")).isEqualTo(Duration.ofSeconds(1));
    queue.done("a");
    for (Duration expected :
        new Duration[] {
          Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(8)
        }) {
      advance(Duration.ofMillis(999));
      assertThat(queue.poll()).as("not due yet").isEmpty();
      advance(queue.nextDue().map(d -> Duration.between(now, d)).orElseThrow());
      assertThat(queue.poll()).hasValue("a");
      assertThat(queue.retry("a")).isEqualTo(expected);
      queue.done("a");
    }
    assertThat(queue.failures("a")).isEqualTo(5);
    queue.forget("a");
    assertThat(queue.failures("a")).isZero();
  }

  @Test
  void keysComeOutInOrderOfDueTime() {
    queue.addAfter("late", Duration.ofSeconds(3));
    queue.addAfter("early", Duration.ofSeconds(1));
    queue.add("now");
    advance(Duration.ofSeconds(3));
    assertThat(queue.poll()).hasValue("now");
    assertThat(queue.poll()).hasValue("early");
    assertThat(queue.poll()).hasValue("late");
  }

  @Test
  void takeWakesUpOnShutDown() throws Exception {
    Thread taker =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    queue.take();
                  } catch (InterruptedException expected) {
                    // ends the worker
                  }
                });
    queue.shutDown();
    taker.join(Duration.ofSeconds(10));
    assertThat(taker.isAlive()).isFalse();
  }
}
