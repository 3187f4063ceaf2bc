package io.kubeward.server.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kubeward.access.domain.Origin;
import io.kubeward.server.security.CurrentUser;
import io.kubeward.user.app.OpenSessions;
import io.kubeward.user.domain.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SseStreamsTest {

  private final Set<Long> invalid = ConcurrentHashMap.newKeySet();
  private final SseStreams streams =
      new SseStreams(
          new StreamProperties(
              2, 3, Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(7)),
          user -> !invalid.contains(user.account().id()));
  private final AtomicInteger subscribed = new AtomicInteger();
  private final AtomicInteger unsubscribed = new AtomicInteger();

  @AfterEach
  void close() {
    streams.close();
  }

  private static CurrentUser user(long id) {
    return CurrentUser.forTests(
        new UserAccount(id, "u" + id, "h", false, Instant.EPOCH, List.of()),
        Origin.CONSOLE,
        "10.0.0.1");
  }

  private void open(long userId) {
    streams.open(
        user(userId),
        "test",
        8,
        (Consumer<String> sink) -> {
          subscribed.incrementAndGet();
          return unsubscribed::incrementAndGet;
        },
        (item, out) -> true);
  }

  @Test
  void streamsAreLimitedPerUserAndInAll() {
    open(1);
    open(1);
    assertThatThrownBy(() -> open(1))
        .isInstanceOf(StreamLimitException.class)
        .satisfies(
            e -> {
              StreamLimitException limit = (StreamLimitException) e;
              assertThat(limit.code()).isEqualTo("stream.too-many");
              assertThat(limit.properties()).containsEntry("retryAfterSeconds", 7L);
            });
    open(2);
    assertThatThrownBy(() -> open(3)).isInstanceOf(StreamLimitException.class);
    assertThat(streams.openStreams()).isEqualTo(3);
    assertThat(subscribed).hasValue(3);
  }

  @Test
  void aRefusingSourceGivesItsPlaceBack() {
    assertThatThrownBy(
            () ->
                streams.open(
                    user(1),
                    "test",
                    8,
                    sink -> {
                      throw new IllegalStateException("denied");
                    },
                    (item, out) -> true))
        .hasMessage("denied");
    assertThat(streams.openStreams()).isZero();
  }

  @Test
  void endingAUsersStreamsClosesThemAtOnceAndOnlyTheirs() {
    open(1);
    open(1);
    open(2);
    OpenSessions sessions = streams;

    sessions.endAll(1);

    await().atMost(Duration.ofSeconds(5)).until(() -> streams.openStreams() == 1);
    assertThat(unsubscribed).hasValue(2);
  }

  @Test
  void anEndedSessionEndsTheStreamsItOpened() {
    streams.open(
        new CurrentUser(
            new UserAccount(1, "u1", "h", false, Instant.EPOCH, List.of()),
            Origin.CONSOLE,
            "10.0.0.1",
            null,
            io.kubeward.access.domain.TokenScope.FULL,
            "session-a"),
        "test",
        8,
        (Consumer<String> sink) -> unsubscribed::incrementAndGet,
        (item, out) -> true);
    open(1);

    streams.endSession("session-a");

    await().atMost(Duration.ofSeconds(5)).until(() -> streams.openStreams() == 1);
  }

  @Test
  void revalidationEndsStreamsWhoseCallerIsNoLongerValid() {
    open(1);
    open(2);
    streams.revalidate();
    assertThat(streams.openStreams()).isEqualTo(2);

    invalid.add(2L);
    streams.revalidate();

    await().atMost(Duration.ofSeconds(5)).until(() -> streams.openStreams() == 1);
  }
}
