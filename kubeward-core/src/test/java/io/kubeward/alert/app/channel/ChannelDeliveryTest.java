package io.kubeward.alert.app.channel;

import static io.kubeward.alert.domain.channel.ChannelFixtures.T0;
import static io.kubeward.alert.domain.channel.ChannelFixtures.firing;
import static io.kubeward.alert.domain.channel.ChannelFixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.alert.domain.Delivery;
import io.kubeward.alert.domain.HistoryEntry;
import io.kubeward.alert.domain.HistoryKind;
import io.kubeward.alert.domain.channel.ChannelSettings;
import io.kubeward.alert.domain.channel.ChannelSupport;
import io.kubeward.alert.domain.channel.HttpPost;
import io.kubeward.history.app.OutboundGuard;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChannelDeliveryTest {

  private final ChannelTestSupport.MemoryStore store = new ChannelTestSupport.MemoryStore();
  private final ChannelTestSupport.FakeHistory history = new ChannelTestSupport.FakeHistory();
  private final ChannelTestSupport.SleepClock clock = new ChannelTestSupport.SleepClock(T0);
  private final List<HttpPost> posts = new CopyOnWriteArrayList<>();
  private final Deque<Object> answers = new ConcurrentLinkedDeque<>();
  private final DeliverySettings settings =
      new DeliverySettings(
          4,
          Duration.ofSeconds(1),
          Duration.ofSeconds(3),
          10,
          Duration.ofSeconds(1),
          Duration.ofSeconds(1),
          4096,
          Duration.ofSeconds(5));
  // example.com resolves to a public address; 127.0.0.1 to loopback
  private final OutboundGuard guard =
      new OutboundGuard(
          host ->
              List.of(
                  host.equals("hooks.example.com")
                      ? InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14})
                      : InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})));
  private final ChannelDelivery delivery =
      new ChannelDelivery(
          store,
          ChannelTypes.builtIn(),
          guard,
          post -> {
            posts.add(post);
            Object answer = answers.pollFirst();
            if (answer instanceof IOException e) {
              throw e;
            }
            return answer == null
                ? new Transports.HttpAnswer(200, "ok")
                : (Transports.HttpAnswer) answer;
          },
          mail -> {
            throw new IOException("no mail here");
          },
          history,
          settings,
          clock,
          clock);

  @AfterEach
  void close() {
    delivery.close();
  }

  private void channel(ChannelSettings s) {
    store.insert(new ChannelStore.Stored(s, "admin", T0));
  }

  private Delivery send(String channel) throws Exception {
    return delivery.send(firing(channel, "n1")).get(10, TimeUnit.SECONDS);
  }

  @Test
  void deliversAndRecordsTheAttemptWithThePayloadHash() throws Exception {
    channel(webhook("ops", "https://hooks.example.com/x", Map.of()));

    Delivery d = send("ops");

    assertThat(d.delivered()).isTrue();
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(posts).hasSize(1);
    HistoryEntry entry = history.entries.get(0);
    assertThat(entry.kind()).isEqualTo(HistoryKind.NOTIFICATION);
    assertThat(entry.channel()).isEqualTo("ops");
    assertThat(entry.result()).isEqualTo("delivered");
    assertThat(entry.attempt()).isEqualTo(1);
    assertThat(entry.payloadHash()).isEqualTo(ChannelSupport.sha256Hex(posts.get(0).body()));
    assertThat(entry.latencyMillis()).isNotNull();
    assertThat(entry.detail()).isEqualTo("1 firing, 0 resolved");
    assertThat(entry.groupKey()).isEqualTo(firing("ops", "n1").groupKey());
  }

  @Test
  void retriesTransientFailuresWithExponentialBackoff() throws Exception {
    channel(webhook("ops", "https://hooks.example.com/x", Map.of()));
    answers.add(new ConnectException("Connection refused"));
    answers.add(new Transports.HttpAnswer(503, "busy"));
    answers.add(new Transports.HttpAnswer(429, ""));

    Delivery d = send("ops");

    assertThat(d.delivered()).isTrue();
    assertThat(d.attempts()).isEqualTo(4);
    assertThat(clock.sleeps)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
    assertThat(history.results("ops"))
        .containsExactly("retrying#1", "retrying#2", "retrying#3", "delivered#4");
    assertThat(history.entries.get(0).error()).contains("Connection refused");
    assertThat(history.entries.get(1).error()).isEqualTo("HTTP 503: busy");
  }

  @Test
  void givesUpAfterTheLastAttempt() throws Exception {
    channel(webhook("ops", "https://hooks.example.com/x", Map.of()));
    for (int i = 0; i < 4; i++) {
      answers.add(new Transports.HttpAnswer(500, "down"));
    }

    Delivery d = send("ops");

    assertThat(d.delivered()).isFalse();
    assertThat(d.attempts()).isEqualTo(4);
    assertThat(d.error()).isEqualTo("HTTP 500: down");
    assertThat(history.results("ops"))
        .containsExactly("retrying#1", "retrying#2", "retrying#3", "failed#4");
  }

  @Test
  void aClientErrorIsNotRetried() throws Exception {
    channel(webhook("ops", "https://hooks.example.com/x", Map.of()));
    answers.add(new Transports.HttpAnswer(404, "no such hook"));

    Delivery d = send("ops");

    assertThat(d.delivered()).isFalse();
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(history.results("ops")).containsExactly("failed#1");
  }

  @Test
  void theGuardRefusesPrivateAddressesUnlessAllowed() throws Exception {
    ChannelSettings s = webhook("ops", "http://127.0.0.1:9/x", Map.of());
    channel(
        new ChannelSettings(
            s.name(), s.type(), true, s.language(), s.settings(), Map.of(), null, null, 30, false));

    Delivery d = send("ops");

    assertThat(d.delivered()).isFalse();
    assertThat(d.error()).contains("refused 127.0.0.1").contains("allowPrivateAddresses");
    assertThat(posts).isEmpty();
    assertThat(history.results("ops")).containsExactly("failed#1");
  }

  @Test
  void unknownAndDisabledChannelsAreNotDelivered() throws Exception {
    ChannelSettings s = webhook("off", "https://hooks.example.com/x", Map.of());
    channel(
        new ChannelSettings(
            "off", s.type(), false, s.language(), s.settings(), Map.of(), null, null, 30, true));

    assertThat(send("nope").error()).isEqualTo("no channel nope");
    assertThat(send("off").error()).isEqualTo("channel off is disabled");
    assertThat(posts).isEmpty();
    assertThat(history.results("nope")).containsExactly("failed#0");
  }

  @Test
  void theRateLimitHoldsLaterAttemptsBack() throws Exception {
    ChannelSettings s = webhook("ops", "https://hooks.example.com/x", Map.of());
    channel(
        new ChannelSettings(
            "ops", s.type(), true, s.language(), s.settings(), Map.of(), null, null, 2, true));

    List<java.util.concurrent.CompletableFuture<Delivery>> sent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sent.add(delivery.send(firing("ops", "n" + i)));
    }
    for (var f : sent) {
      assertThat(f.get(10, TimeUnit.SECONDS).delivered()).isTrue();
    }

    assertThat(posts).hasSize(3);
    assertThat(history.results("ops"))
        .containsExactly("delivered#1", "delivered#1", "rate-limited#1", "delivered#1");
    assertThat(clock.sleeps).containsExactly(Duration.ofMinutes(1));
    // delivered in the order sent
    assertThat(posts)
        .extracting(p -> new String(p.body()))
        .satisfies(
            bodies -> {
              assertThat(bodies.get(0)).contains("\"node\":\"n0\"");
              assertThat(bodies.get(2)).contains("\"node\":\"n2\"");
            });
  }

  @Test
  void aTestMessageIsOneAttemptOutsideTheQueue() {
    channel(webhook("ops", "https://hooks.example.com/x", Map.of()));
    answers.add(new Transports.HttpAnswer(503, ""));

    Delivery d = delivery.sendOnce(ManageChannels.testNotification("ops", "admin", T0));

    assertThat(d.delivered()).isFalse();
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(history.results("ops")).containsExactly("failed#1");
    assertThat(history.entries.get(0).detail()).isEqualTo("test message");
    assertThat(new String(posts.get(0).body())).contains("\"test\":true");
  }
}
