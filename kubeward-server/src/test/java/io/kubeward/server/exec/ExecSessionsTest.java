package io.kubeward.server.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.access.domain.Origin;
import io.kubeward.exec.domain.ExecLimits;
import io.kubeward.server.security.CurrentUser;
import io.kubeward.user.domain.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Limits per user, idle and maximum time, and the ends told by the user use cases and re-checks.
 */
class ExecSessionsTest {

  private final MovingClock clock = new MovingClock();
  private final Set<Long> invalid = ConcurrentHashMap.newKeySet();
  private final List<String> ended = new ArrayList<>();
  private final ExecSessions sessions =
      new ExecSessions(
          new ExecLimits(2, 3, Duration.ofMinutes(10), Duration.ofHours(1), 65536, 100),
          Duration.ofSeconds(5),
          user -> !invalid.contains(user.account().id()),
          clock);

  private static CurrentUser user(long id) {
    return CurrentUser.forTests(
        new UserAccount(id, "u" + id, "h", false, Instant.EPOCH, List.of()),
        Origin.CONSOLE,
        "127.0.0.1");
  }

  private ExecSessions.Entry open(long user, ExecSessions.Kind kind, String name) {
    ExecSessions.Entry[] self = new ExecSessions.Entry[1];
    self[0] =
        sessions.reserve(
            user(user),
            kind,
            reason -> {
              ended.add(name + ":" + reason);
              self[0].release();
            });
    return self[0];
  }

  @Test
  void eachUserHasItsOwnLimitPerKind() {
    open(1, ExecSessions.Kind.EXEC, "a");
    ExecSessions.Entry b = open(1, ExecSessions.Kind.EXEC, "b");
    assertThatThrownBy(() -> open(1, ExecSessions.Kind.EXEC, "c"))
        .isInstanceOfSatisfying(
            ExecLimitException.class, e -> assertThat(e.code()).isEqualTo("exec.too-many"));
    open(2, ExecSessions.Kind.EXEC, "other user");
    open(1, ExecSessions.Kind.FORWARD, "tunnel");
    b.release();
    open(1, ExecSessions.Kind.EXEC, "c");
    assertThat(sessions.open(ExecSessions.Kind.EXEC)).isEqualTo(3);
  }

  @Test
  void idleAndTooLongSessionsEnd() {
    ExecSessions.Entry busy = open(1, ExecSessions.Kind.EXEC, "busy");
    open(1, ExecSessions.Kind.EXEC, "idle");
    clock.advance(Duration.ofMinutes(9));
    busy.touch();
    clock.advance(Duration.ofMinutes(2));
    sessions.tick();
    assertThat(ended).containsExactly("idle:idle");
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofMinutes(9));
      busy.touch();
      sessions.tick();
    }
    assertThat(ended).containsExactly("idle:idle"); // 56 min, busy
    clock.advance(Duration.ofMinutes(5)); // 1 h 1 min after the start
    busy.touch();
    sessions.tick();
    assertThat(ended).containsExactly("idle:idle", "busy:max-duration");
  }

  @Test
  void aUsersSessionsEndWhenTheUserUseCasesSaySoOrTheReCheckFails() {
    open(1, ExecSessions.Kind.EXEC, "one");
    open(2, ExecSessions.Kind.FORWARD, "two");
    open(3, ExecSessions.Kind.EXEC, "three");
    sessions.endAll(1);
    assertThat(ended).containsExactly("one:signed-out");
    invalid.add(2L);
    clock.advance(Duration.ofSeconds(4));
    sessions.tick();
    assertThat(ended).hasSize(1); // not yet re-checked
    clock.advance(Duration.ofSeconds(1));
    sessions.tick();
    assertThat(ended).containsExactly("one:signed-out", "two:signed-out");
  }

  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2026-12-03T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

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
  }
}
