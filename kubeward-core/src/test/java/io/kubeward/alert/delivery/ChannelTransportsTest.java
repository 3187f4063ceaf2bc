package io.kubeward.alert.delivery;

import static io.kubeward.alert.domain.channel.ChannelFixtures.firing;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.kubeward.alert.app.AlertHistory;
import io.kubeward.alert.app.channel.ChannelDelivery;
import io.kubeward.alert.app.channel.ChannelStore;
import io.kubeward.alert.app.channel.ChannelTypes;
import io.kubeward.alert.app.channel.DeliverySettings;
import io.kubeward.alert.domain.Delivery;
import io.kubeward.alert.domain.HistoryEntry;
import io.kubeward.alert.domain.channel.ChannelLanguage;
import io.kubeward.alert.domain.channel.ChannelSettings;
import io.kubeward.alert.domain.channel.WebhookChannelType;
import io.kubeward.history.app.OutboundGuard;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The delivery engine with its real transports: a webhook to an HTTP server on loopback that checks
 * the signature as a receiver would, and mails through GreenMail, parsed back.
 */
class ChannelTransportsTest {

  private static final ServerSetup SMTP = new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort();
  private static final ServerSetup SMTPS = new ServerSetup(0, "127.0.0.1", "smtps").dynamicPort();

  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(new ServerSetup[] {SMTP, SMTPS})
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser("alerts@example.com", "alerts", "s3cret"))
          .withPerMethodLifecycle(true);

  private final DeliverySettings settings =
      new DeliverySettings(
          3,
          Duration.ofMillis(20),
          Duration.ofMillis(50),
          100,
          Duration.ofSeconds(2),
          Duration.ofSeconds(2),
          4096,
          Duration.ofSeconds(10));
  private final Map<String, ChannelStore.Stored> channels =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final List<HistoryEntry> history = new CopyOnWriteArrayList<>();
  private final JdkHttpTransport http = new JdkHttpTransport(settings);
  private final ChannelDelivery delivery =
      new ChannelDelivery(
          new ChannelStore() {
            @Override
            public List<Stored> all() {
              return List.copyOf(channels.values());
            }

            @Override
            public Optional<Stored> find(String name) {
              return Optional.ofNullable(channels.get(name));
            }

            @Override
            public boolean insert(Stored c) {
              return channels.putIfAbsent(c.settings().name(), c) == null;
            }

            @Override
            public boolean update(Stored c) {
              return channels.replace(c.settings().name(), c) != null;
            }

            @Override
            public boolean delete(String name) {
              return channels.remove(name) != null;
            }
          },
          ChannelTypes.builtIn(),
          new OutboundGuard(OutboundGuard.HostResolver.SYSTEM),
          http,
          new SmtpMailTransport(settings, true),
          (AlertHistory) history::add,
          settings,
          Clock.systemUTC(),
          ChannelDelivery.Sleeper.SYSTEM);
  private HttpServer server;

  @AfterEach
  void stop() {
    delivery.close();
    http.close();
    if (server != null) {
      server.stop(0);
    }
  }

  private void add(ChannelSettings s) {
    channels.put(s.name(), new ChannelStore.Stored(s, "admin", Instant.now()));
  }

  private int serve(String path, com.sun.net.httpserver.HttpHandler handler) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(path, handler);
    server.start();
    return server.getAddress().getPort();
  }

  @Test
  void aSignedWebhookIsRetriedUntilTheReceiverAcceptsIt() throws Exception {
    String key = "0123456789abcdef-key";
    AtomicInteger calls = new AtomicInteger();
    List<String> verified = new ArrayList<>();
    int port =
        serve(
            "/hook",
            exchange -> {
              byte[] body = exchange.getRequestBody().readAllBytes();
              String signature = exchange.getRequestHeaders().getFirst("X-Kubeward-Signature");
              if (WebhookChannelType.signature(key, body).equals(signature)) {
                verified.add(new String(body, StandardCharsets.UTF_8));
              }
              int status = calls.incrementAndGet() < 3 ? 503 : 200;
              exchange.sendResponseHeaders(status, -1);
              exchange.close();
            });
    add(
        new ChannelSettings(
            "ops",
            "webhook",
            true,
            ChannelLanguage.EN,
            Map.of("url", "http://127.0.0.1:" + port + "/hook"),
            Map.of("hmacKey", key),
            null,
            null,
            30,
            true));

    Delivery d = delivery.send(firing("ops", "n1")).get(10, TimeUnit.SECONDS);

    assertThat(d.delivered()).isTrue();
    assertThat(d.attempts()).isEqualTo(3);
    assertThat(verified).hasSize(3).allSatisfy(b -> assertThat(b).contains("\"node\":\"n1\""));
    assertThat(history)
        .extracting(HistoryEntry::result)
        .containsExactly("retrying", "retrying", "delivered");
    assertThat(history).extracting(HistoryEntry::payloadHash).doesNotContainNull();
  }

  @Test
  void redirectsAreNotFollowedAndAnswersAreBounded() throws Exception {
    int port =
        serve(
            "/",
            exchange -> {
              if (exchange.getRequestURI().getPath().equals("/big")) {
                byte[] big = new byte[1_000_000];
                exchange.sendResponseHeaders(500, big.length);
                exchange.getResponseBody().write(big);
              } else {
                exchange.getResponseHeaders().add("Location", "http://169.254.169.254/");
                exchange.sendResponseHeaders(302, -1);
              }
              exchange.close();
            });
    ChannelSettings s =
        new ChannelSettings(
            "ops",
            "webhook",
            true,
            ChannelLanguage.EN,
            Map.of("url", "http://127.0.0.1:" + port + "/redirect"),
            Map.of(),
            null,
            null,
            30,
            true);
    add(s);
    Delivery redirected = delivery.sendOnce(firing("ops", "n1"));
    assertThat(redirected.delivered()).isFalse();
    assertThat(redirected.error()).startsWith("HTTP 302");

    var answer =
        http.post(
            new io.kubeward.alert.domain.channel.HttpPost(
                java.net.URI.create("http://127.0.0.1:" + port + "/big"), Map.of(), new byte[0]));
    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.body()).hasSize(4096);
  }

  @Test
  void aBodyTricklingInIsCutAtTheRequestTimeout() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    int port =
        serve(
            "/slow",
            exchange -> {
              exchange.sendResponseHeaders(200, 0);
              exchange.getResponseBody().write('{');
              exchange.getResponseBody().flush();
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              exchange.close();
            });
    long started = System.nanoTime();
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  http.post(
                      new io.kubeward.alert.domain.channel.HttpPost(
                          java.net.URI.create("http://127.0.0.1:" + port + "/slow"),
                          Map.of(),
                          new byte[0])))
          .isInstanceOf(java.net.http.HttpTimeoutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    } finally {
      release.countDown();
    }
  }

  @Test
  void theGuardRefusesLoopbackWithoutAllowPrivateAddresses() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    int port =
        serve(
            "/hook",
            exchange -> {
              calls.incrementAndGet();
              exchange.sendResponseHeaders(200, -1);
              exchange.close();
            });
    add(
        new ChannelSettings(
            "ops",
            "webhook",
            true,
            ChannelLanguage.EN,
            Map.of("url", "http://127.0.0.1:" + port + "/hook"),
            Map.of(),
            null,
            null,
            30,
            false));

    Delivery d = delivery.send(firing("ops", "n1")).get(10, TimeUnit.SECONDS);

    assertThat(d.delivered()).isFalse();
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(calls).hasValue(0);
  }

  private ChannelSettings email(String security, int port, String password) {
    return new ChannelSettings(
        "mail",
        "email",
        true,
        ChannelLanguage.ZH_CN,
        Map.of(
            "host", "127.0.0.1",
            "port", Integer.toString(port),
            "security", security,
            "username", "alerts",
            "from", "alerts@example.com",
            "to", "oncall@example.com, ops@example.com"),
        password == null ? Map.of() : Map.of("password", password),
        null,
        null,
        30,
        true);
  }

  @Test
  void aMailOverTlsWithAuthenticationIsParsedBack() throws Exception {
    add(email("tls", MAIL.getSmtps().getPort(), "s3cret"));

    Delivery d = delivery.send(firing("mail", "n1", "n2")).get(10, TimeUnit.SECONDS);

    assertThat(d.delivered()).as(String.valueOf(d.error())).isTrue();
    assertThat(MAIL.waitForIncomingEmail(5_000, 2)).isTrue();
    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(2);
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo("[告警:2] node-not-ready（集群 local）");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("alerts@example.com");
    assertThat(mail.getAllRecipients())
        .extracting(Object::toString)
        .containsExactly("oncall@example.com", "ops@example.com");
    Multipart parts = (Multipart) mail.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat((String) parts.getBodyPart(0).getContent())
        .contains("告警中 (2)")
        .contains("节点 n1 未就绪")
        .contains("节点 n2 未就绪");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat((String) parts.getBodyPart(1).getContent())
        .contains("<strong>告警中 (2)</strong>")
        .contains("<li><strong>critical</strong> node-not-ready — 节点 n1 未就绪");
  }

  @Test
  void aWrongPasswordIsAPermanentFailure() throws Exception {
    add(email("tls", MAIL.getSmtps().getPort(), "wrong"));

    Delivery d = delivery.send(firing("mail", "n1")).get(10, TimeUnit.SECONDS);

    assertThat(d.delivered()).isFalse();
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.error()).contains("refused the username or password");
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void starttlsIsRequiredNeverSilentlyDropped() throws Exception {
    // GreenMail's SMTP offers no STARTTLS: the mail must not go out in clear text
    add(email("starttls", MAIL.getSmtp().getPort(), "s3cret"));

    Delivery d = delivery.send(firing("mail", "n1")).get(10, TimeUnit.SECONDS);

    assertThat(d.delivered()).isFalse();
    assertThat(d.error()).containsIgnoringCase("STARTTLS");
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void plainSmtpWithoutAuthenticationForALocalRelay() throws Exception {
    ChannelSettings s = email("none", MAIL.getSmtp().getPort(), null);
    Map<String, String> noUser = new java.util.TreeMap<>(s.settings());
    noUser.remove("username");
    add(
        new ChannelSettings(
            "mail",
            "email",
            true,
            ChannelLanguage.EN,
            noUser,
            Map.of(),
            "{{ status }}",
            null,
            30,
            true));

    Delivery d = delivery.send(firing("mail", "n1")).get(10, TimeUnit.SECONDS);

    assertThat(d.delivered()).as(String.valueOf(d.error())).isTrue();
    assertThat(MAIL.waitForIncomingEmail(5_000, 2)).isTrue();
    assertThat(MAIL.getReceivedMessages()[0].getSubject()).isEqualTo("FIRING");
  }
}
