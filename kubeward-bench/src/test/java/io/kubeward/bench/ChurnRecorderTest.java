package io.kubeward.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChurnRecorderTest {

  @Test
  void eachChangeIsTimedOncePerObserverAndUnseenOnesCountAsMissed() {
    Churn.Recorder recorder = new Churn.Recorder();
    recorder.sentAt("C:churn-1", 1_000_000L);
    recorder.sentAt("U:7", 2_000_000L);
    recorder.sentAt("D:churn-2", 3_000_000L);
    recorder.sentAt("C:churn-3", 4_000_000L);
    recorder.failed("C:churn-3");

    recorder.observe("reference", "ADDED", "churn-1", "1", 11_000_000L);
    recorder.observe("reference", "MODIFIED", "churn-1", "1", 50_000_000L); // KWOK: not a change
    recorder.observe("reference", "MODIFIED", "churn-4", "7", 12_000_000L);
    recorder.observe("reference", "DELETED", "churn-2", "7", 13_000_000L);
    recorder.observe("stream", "ADDED", "churn-1", "1", 21_000_000L);
    recorder.observe("stream", "ADDED", "churn-3", "3", 22_000_000L); // its create failed

    Churn.Latency reference = recorder.latency("reference");
    assertThat(reference.samples()).isEqualTo(3);
    assertThat(reference.missed()).isZero();
    assertThat(reference.maxMillis()).isEqualTo(10.0);
    Churn.Latency stream = recorder.latency("stream");
    assertThat(stream.samples()).isEqualTo(1);
    assertThat(stream.missed()).isEqualTo(2);
    assertThat(stream.p99Millis()).isEqualTo(20.0);
    assertThat(recorder.streamAfterReference().p99Millis()).isEqualTo(10.0);
  }

  @Test
  void probeChangesAreNotChurnChanges() {
    Churn.Recorder recorder = new Churn.Recorder();
    recorder.sentAt("PC:probe-000001", 1_000_000L);

    recorder.observe("reference", "ADDED", "probe-000001", "0", 6_000_000L);

    assertThat(recorder.latency("reference").samples()).isZero();
    assertThat(recorder.latency("stream").missed()).isZero();
    assertThat(recorder.referenceSaw("PC:probe-000001")).isEqualTo(6_000_000L);
  }
}
