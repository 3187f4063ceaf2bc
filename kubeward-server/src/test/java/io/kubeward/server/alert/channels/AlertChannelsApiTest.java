package io.kubeward.server.alert.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.kubeward.alert.app.NotificationSender;
import io.kubeward.alert.app.channel.ManageChannels;
import io.kubeward.alert.domain.Delivery;
import io.kubeward.alert.domain.channel.WebhookChannelType;
import io.kubeward.server.OfflineCluster;
import io.kubeward.server.RunningServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The alert channel endpoints end to end against a webhook receiver on 127.0.0.1: admin only,
 * secrets encrypted at rest and never answered, the SSRF guard, audited changes and test messages,
 * and the {@link NotificationSender} bean delivering a signed webhook.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertChannelsApiTest {

  static final String CHANNELS = "/api/v1/alerting/channels";
  static final String KEY = "very-secret-hmac-key-1234";

  RunningServer server;
  HttpServer receiver;
  final List<String> verified = new CopyOnWriteArrayList<>();
  final List<String> received = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    receiver.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          String text = new String(body, StandardCharsets.UTF_8);
          received.add(text);
          String signature = exchange.getRequestHeaders().getFirst("X-Kubeward-Signature");
          if (WebhookChannelType.signature(KEY, body).equals(signature)) {
            verified.add(text);
          }
          exchange.sendResponseHeaders(
              exchange.getRequestURI().getPath().equals("/gone") ? 410 : 200, -1);
          exchange.close();
        });
    receiver.start();
    server = RunningServer.start("--kubeconfig", OfflineCluster.kubeconfig("offline").toString());
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
    receiver.stop(0);
  }

  @BeforeEach
  void clean() {
    for (JsonNode c : server.admin().get(CHANNELS).json()) {
      server.admin().delete(CHANNELS + "/" + c.path("name").asString());
    }
    received.clear();
    verified.clear();
  }

  String url(String path) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
  }

  Map<String, Object> webhook(String name, String path, boolean allowPrivate) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("type", "webhook");
    body.put("language", "zh-CN");
    body.put("settings", Map.of("url", url(path)));
    body.put("secrets", Map.of("hmacKey", KEY));
    body.put("allowPrivateAddresses", allowPrivate);
    body.put("maxPerMinute", 30);
    return body;
  }

  @Test
  void secretsAreEncryptedAtRestAndNeverAnswered() {
    RunningServer.Response created = server.admin().post(CHANNELS, webhook("ops", "/hook", true));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body()).doesNotContain(KEY);
    assertThat(created.json().path("secrets").path("hmacKey").path("set").asBoolean()).isTrue();
    assertThat(created.json().path("settings").path("url").asString()).isEqualTo(url("/hook"));
    assertThat(created.json().path("language").asString()).isEqualTo("zh-CN");
    assertThat(server.admin().get(CHANNELS).body()).doesNotContain(KEY).contains("\"ops\"");
    assertThat(server.admin().get(CHANNELS + "/ops").body()).doesNotContain(KEY);

    String stored =
        server
            .context()
            .getBean(JdbcClient.class)
            .sql("SELECT secrets_encrypted FROM kubeward_alert_channel WHERE name = 'ops'")
            .query(String.class)
            .single();
    assertThat(stored).startsWith("v1:").doesNotContain(KEY);

    // a replace without the secret keeps it
    Map<String, Object> change = webhook("ops", "/hook2", true);
    change.remove("secrets");
    RunningServer.Response replaced = server.admin().put(CHANNELS + "/ops", change);
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.json().path("secrets").path("hmacKey").path("set").asBoolean()).isTrue();

    JsonNode audit = server.admin().get("/api/v1/audit?verb=alert-channel.create").json();
    assertThat(audit.toString()).doesNotContain(KEY).contains("secrets.hmacKey: (set)");
  }

  @Test
  void aTestMessageIsSignedDeliveredAuditedAndCounted() throws Exception {
    assertThat(server.admin().post(CHANNELS, webhook("ops", "/hook", true)).status())
        .isEqualTo(201);

    RunningServer.Response test = server.admin().post(CHANNELS + "/ops/test", Map.of());

    assertThat(test.status()).isEqualTo(200);
    assertThat(test.json().path("delivered").asBoolean()).isTrue();
    assertThat(verified).singleElement().asString().contains("\"test\":true", "[测试]");
    assertThat(server.admin().get("/api/v1/audit?verb=alert-channel.test").body())
        .contains("test message delivered");
    String metrics =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.managementUrl("/metrics")))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(metrics)
        .contains("kubeward_alerting_notifications_total{result=\"delivered\",type=\"webhook\"}")
        .contains("kubeward_alerting_notification_latency_seconds_count{type=\"webhook\"}")
        .contains("kubeward_alerting_notifications_queued");

    assertThat(server.admin().post(CHANNELS, webhook("gone", "/gone", true)).status())
        .isEqualTo(201);
    RunningServer.Response failed = server.admin().post(CHANNELS + "/gone/test", Map.of());
    assertThat(failed.json().path("delivered").asBoolean()).isFalse();
    assertThat(failed.json().path("error").asString()).isEqualTo("HTTP 410");
  }

  @Test
  void theNotificationSenderDeliversToTheChannel() throws Exception {
    assertThat(server.admin().put(CHANNELS + "/ops", webhook("ops", "/hook", true)).status())
        .isEqualTo(200);

    Delivery d =
        server
            .context()
            .getBean(NotificationSender.class)
            .send(ManageChannels.testNotification("ops", "routing", Instant.now()))
            .get(10, TimeUnit.SECONDS);

    assertThat(d.delivered()).isTrue();
    assertThat(verified).hasSize(1);
  }

  @Test
  void loopbackIsRefusedUnlessAllowed() {
    RunningServer.Response refused = server.admin().post(CHANNELS, webhook("ops", "/hook", false));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.problemCode()).isEqualTo("alert-channel.address-refused");
    assertThat(refused.json().path("detail").asString()).contains("127.0.0.1");
    RunningServer.Response zh =
        server
            .admin()
            .send(
                "POST",
                CHANNELS,
                webhook("ops", "/hook", false),
                Map.of("Accept-Language", "zh-CN"));
    assertThat(zh.json().path("title").asString()).isEqualTo("地址被拒绝");
    assertThat(server.admin().get(CHANNELS + "/ops").status()).isEqualTo(404);
  }

  @Test
  void invalidChannelsAreProblems() {
    Map<String, Object> badName = webhook("Not_A_Label", "/hook", true);
    RunningServer.Response invalid = server.admin().post(CHANNELS, badName);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.problemCode()).isEqualTo("alert-channel.invalid");

    Map<String, Object> unknown = webhook("ops", "/hook", true);
    unknown.put("type", "pager");
    assertThat(server.admin().post(CHANNELS, unknown).problemCode())
        .isEqualTo("alert-channel.unknown-type");

    Map<String, Object> template = webhook("ops", "/hook", true);
    template.put("titleTemplate", "{{ nope }}");
    assertThat(server.admin().post(CHANNELS, template).json().path("detail").asString())
        .contains("unknown variables [nope]");

    assertThat(server.admin().post(CHANNELS, webhook("ops", "/hook", true)).status())
        .isEqualTo(201);
    assertThat(server.admin().post(CHANNELS, webhook("ops", "/hook", true)).status())
        .isEqualTo(409);
    assertThat(server.admin().delete(CHANNELS + "/ops").status()).isEqualTo(204);
    assertThat(server.admin().get(CHANNELS + "/ops").status()).isEqualTo(404);
  }

  @Test
  void onlyAdministrators() {
    RunningServer.Session viewer =
        server.newUser(
            "channel-viewer",
            List.of(Map.of("role", "operator", "cluster", "*", "namespace", "*")));
    assertThat(viewer.get(CHANNELS).status()).isEqualTo(403);
    assertThat(viewer.post(CHANNELS, webhook("ops", "/hook", true)).status()).isEqualTo(403);
    assertThat(server.admin().get("/api/v1/alerting/channel-types").body())
        .contains("\"webhook\"", "\"email\"", "hmacKey");
  }
}
