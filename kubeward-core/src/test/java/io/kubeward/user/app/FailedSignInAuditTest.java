package io.kubeward.user.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.access.domain.Origin;
import io.kubeward.audit.app.AuditQuery;
import io.kubeward.audit.app.InMemoryAuditLog;
import io.kubeward.audit.domain.AuditRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailedSignInAuditTest {

  private final LoginThrottleTest.ShiftedClock clock = new LoginThrottleTest.ShiftedClock();
  private final InMemoryAuditLog log = new InMemoryAuditLog();
  private final FailedSignInAudit audit =
      new FailedSignInAudit(log, clock, Duration.ofMinutes(5), 100);

  private void fail(String user, String address, String code) {
    audit.failed(
        new SignInFailures.Failure(user, address, Origin.CONSOLE, code, "no", clock.instant()));
    clock.shift(Duration.ofMillis(10));
  }

  private List<AuditRecord> records() {
    return log.find(AuditQuery.latest(100)).reversed();
  }

  @Test
  void oneFailureIsOneOrdinaryRecordAtOnce() {
    fail("tom", "10.0.0.1", "auth.invalid-credentials");

    assertThat(records()).hasSize(1);
    assertThat(records().getFirst().entry().verb()).isEqualTo(SignIn.VERB);
    assertThat(records().getFirst().entry().user()).isEqualTo("tom");
    assertThat(records().getFirst().entry().error()).startsWith("auth.invalid-credentials");
    clock.shift(Duration.ofMinutes(5));
    audit.flushExpired();
    assertThat(records()).hasSize(1);
    assertThat(audit.openWindows()).isZero();
  }

  @Test
  void thousandsOfFailuresFromOneAddressBecomeTwoRecordsAndTheChainStaysIntact() {
    for (int i = 0; i < 2000; i++) {
      fail("random-" + i, "203.0.113.7", i < 20 ? "auth.invalid-credentials" : "auth.throttled");
    }
    assertThat(records()).hasSize(1);
    audit.flushExpired();
    assertThat(records()).as("the window has not ended").hasSize(1);

    clock.shift(Duration.ofMinutes(5));
    audit.flushExpired();

    List<AuditRecord> records = records();
    assertThat(records).hasSize(2);
    AuditRecord summary = records.get(1);
    assertThat(summary.entry().verb()).isEqualTo(FailedSignInAudit.SUMMARY_VERB);
    assertThat(summary.entry().user()).isEqualTo("*");
    assertThat(summary.entry().clientAddress()).isEqualTo("203.0.113.7");
    assertThat(summary.entry().diff())
        .contains(
            "failures: 1999", "reason auth.throttled: 1980", "reason auth.invalid-credentials: 19")
        .contains("user random-1: 1", "other user names: 1979");
    assertThat(log.verify()).isEmpty();
  }

  @Test
  void eachAddressHasItsOwnWindowAndShutdownWritesOpenOnes() {
    fail("tom", "10.0.0.1", "auth.invalid-credentials");
    fail("tom", "10.0.0.1", "auth.invalid-credentials");
    fail("ann", "10.0.0.2", "auth.invalid-credentials");
    fail("ann", "10.0.0.2", "auth.invalid-credentials");
    fail("ann", "10.0.0.2", "auth.invalid-credentials");

    audit.flushAll();

    List<AuditRecord> records = records();
    assertThat(records).hasSize(4);
    assertThat(records.get(2).entry().user()).isEqualTo("tom");
    assertThat(records.get(2).entry().diff()).startsWith("failures: 1");
    assertThat(records.get(3).entry().user()).isEqualTo("ann");
    assertThat(records.get(3).entry().diff()).startsWith("failures: 2");
  }

  @Test
  void aFailureAfterTheWindowClosesItAndStartsAnother() {
    fail("tom", "10.0.0.1", "auth.invalid-credentials");
    fail("tom", "10.0.0.1", "auth.invalid-credentials");
    clock.shift(Duration.ofMinutes(6));
    fail("tom", "10.0.0.1", "auth.invalid-credentials");

    assertThat(records())
        .extracting(r -> r.entry().verb())
        .containsExactly(SignIn.VERB, FailedSignInAudit.SUMMARY_VERB, SignIn.VERB);
  }
}
