package io.kubeward.alert.domain.channel;

import static io.kubeward.alert.domain.channel.ChannelFixtures.firing;
import static io.kubeward.alert.domain.channel.ChannelFixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookChannelTypeTest {

  private final WebhookChannelType type = new WebhookChannelType();
  private final RenderedText text = new RenderedText("title", "**md**", "plain");

  @Test
  void rendersTheAlertsAsJson() throws Exception {
    HttpPost post =
        (HttpPost)
            type.render(
                firing("ops", "n1"),
                webhook("ops", "http://127.0.0.1:1/hook", Map.of()),
                text,
                Instant.parse("2026-12-03T10:06:00Z"));

    assertThat(post.url()).hasToString("http://127.0.0.1:1/hook");
    assertThat(post.headers())
        .containsEntry("Content-Type", "application/json; charset=utf-8")
        .doesNotContainKey(WebhookChannelType.SIGNATURE_HEADER);
    JsonNode json = new ObjectMapper().readTree(post.body());
    assertThat(json.path("status").asText()).isEqualTo("firing");
    assertThat(json.path("title").asText()).isEqualTo("title");
    assertThat(json.path("sentAt").asText()).isEqualTo("2026-12-03T10:06:00Z");
    assertThat(json.path("alerts")).hasSize(1);
    assertThat(json.path("alerts").get(0).path("labels").path("node").asText()).isEqualTo("n1");
    assertThat(json.path("alerts").get(0).path("status").asText()).isEqualTo("firing");
  }

  @Test
  void listsAtMostMaxAlerts() throws Exception {
    String[] nodes = new String[WebhookChannelType.MAX_ALERTS + 5];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = "n" + i;
    }
    HttpPost post =
        (HttpPost)
            type.render(
                firing("ops", nodes),
                webhook("ops", "http://127.0.0.1:1/hook", Map.of()),
                text,
                Instant.now());
    JsonNode json = new ObjectMapper().readTree(post.body());
    assertThat(json.path("alerts")).hasSize(WebhookChannelType.MAX_ALERTS);
    assertThat(json.path("truncatedAlerts").asInt()).isEqualTo(5);
    assertThat(json.path("firingCount").asInt()).isEqualTo(nodes.length);
  }

  @Test
  void signsTheBodyWithHmacSha256() throws Exception {
    String key = "0123456789abcdef-secret";
    HttpPost post =
        (HttpPost)
            type.render(
                firing("ops", "n1"),
                webhook("ops", "http://127.0.0.1:1/hook", Map.of(WebhookChannelType.HMAC_KEY, key)),
                text,
                Instant.now());

    // as a receiver does it, independently of Kubeward's helpers
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(post.body()));
    assertThat(post.headers()).containsEntry("X-Kubeward-Signature", expected);
  }

  @Test
  void aUrlMayBeASecret() {
    ChannelSettings s =
        new ChannelSettings(
            "ops",
            "webhook",
            true,
            ChannelLanguage.EN,
            Map.of(),
            Map.of("url", "https://hooks.example.com/T0K3N"),
            null,
            null,
            30,
            false);
    assertThat(ChannelValidator.validate(s, type)).isEmpty();
    assertThat(type.destinations(s)).singleElement().hasToString("https://hooks.example.com/T0K3N");
    assertThat(s.toString()).doesNotContain("T0K3N");
  }

  @Test
  void validation() {
    assertThat(
            ChannelValidator.validate(
                webhook("Ops!", "ftp://x", Map.of("hmacKey", "short", "other", "x")), type))
        .anySatisfy(p -> assertThat(p).startsWith("name must be a DNS label"))
        .anySatisfy(p -> assertThat(p).contains("secrets [other] are unknown"));
    assertThat(ChannelValidator.validate(webhook("ops", "ftp://x", Map.of()), type))
        .containsExactly("url must start with http:// or https://");
    assertThat(
            ChannelValidator.validate(
                webhook("ops", "http://h/x", Map.of("hmacKey", "short")), type))
        .containsExactly("hmacKey must be at least 16 characters");
    assertThat(type.failure(200, "")).isEmpty();
    assertThat(type.failure(503, "busy")).contains("HTTP 503: busy");
  }
}
