package io.kubeward.alert.domain.channel.vendor;

import io.kubeward.alert.domain.Notification;
import io.kubeward.alert.domain.channel.ChannelSettings;
import io.kubeward.alert.domain.channel.ChannelSupport;
import io.kubeward.alert.domain.channel.ChannelType;
import io.kubeward.alert.domain.channel.HttpPost;
import io.kubeward.alert.domain.channel.OutboundMessage;
import io.kubeward.alert.domain.channel.RenderedText;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code feishu}: a Feishu (Lark) custom bot ("自定义机器人"). The secret {@code url} is the bot's
 * webhook ({@code https://open.feishu.cn/open-apis/bot/v2/hook/<token>}, or Lark's {@code
 * open.larksuite.com}); with the secret {@code secret} ("签名校验") the body carries {@code timestamp}
 * (seconds, as a string) and {@code sign} = Base64(HmacSHA256(key = timestamp + "\n" + secret, data
 * = empty)) — the string to sign is the HMAC KEY, the reverse of DingTalk; Feishu refuses a
 * timestamp more than an hour off. Setting {@code format}: {@code interactive} (default; a message
 * card with a coloured header and the notification as a {@code markdown} element) or {@code text}.
 * The body stays below Feishu's 20 KB limit. Feishu answers HTTP 200 with {@code code}: anything
 * but 0 is a failure (19021 sign match fail, 19001 token invalid, 9499 bad request, …).
 */
public final class FeishuChannelType implements ChannelType {

  public static final String TYPE = "feishu";
  public static final String URL = "url";
  public static final String SECRET = "secret";
  public static final String FORMAT = "format";

  static final String HOOK_PATH = "/open-apis/bot/v2/hook/";

  /** The notification text is kept so that the body stays below Feishu's 20 KB. */
  static final int MAX_TEXT_BYTES = 16_000;

  /** Feishu bots take 100 messages a minute (and 5 a second). */
  static final int RATE_LIMIT = 100;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Set<String> settingNames() {
    return Set.of(FORMAT);
  }

  @Override
  public Set<String> secretNames() {
    return Set.of(URL, SECRET);
  }

  @Override
  public Set<String> requiredNames() {
    return Set.of(URL);
  }

  @Override
  public List<String> validate(ChannelSettings s) {
    List<String> problems = new ArrayList<>(ChannelSupport.checkHttpUrl(URL, s.secret(URL)));
    if (problems.isEmpty()) {
      String path = ChannelSupport.httpUrl(URL, s.secret(URL)).getPath();
      if (path == null
          || !path.contains(HOOK_PATH)
          || path.endsWith(HOOK_PATH)
          || path.length() - path.indexOf(HOOK_PATH) <= HOOK_PATH.length()) {
        problems.add("url must be the bot's webhook, …" + HOOK_PATH + "<token>");
      }
    }
    String format = s.setting(FORMAT);
    if (format != null && !format.equals("interactive") && !format.equals("text")) {
      problems.add("format must be interactive or text");
    }
    problems.addAll(
        VendorSupport.checkRate(
            s.maxPerMinute(), RATE_LIMIT, "a Feishu bot accepts 100 messages a minute"));
    return problems;
  }

  /** A channel without a rate limit of its own gets the vendor's (or 30, whichever is lower). */
  @Override
  public int defaultMaxPerMinute() {
    return Math.min(30, RATE_LIMIT);
  }

  @Override
  public List<URI> destinations(ChannelSettings s) {
    return List.of(ChannelSupport.httpUrl(URL, s.secret(URL)));
  }

  @Override
  public OutboundMessage render(Notification n, ChannelSettings s, RenderedText text, Instant now) {
    Map<String, Object> body = new LinkedHashMap<>();
    String secret = s.secret(SECRET);
    if (secret != null) {
      String timestamp = Long.toString(now.getEpochSecond());
      body.put("timestamp", timestamp);
      body.put("sign", sign(secret, timestamp));
    }
    body.putAll(message(n, s, text));
    return HttpPost.json(destinations(s).get(0), ChannelSupport.json(body), Map.of());
  }

  /**
   * Feishu's signature: Base64(HmacSHA256(key = timestamp + "\n" + secret, data = empty)), UTF-8.
   */
  public static String sign(String secret, String timestamp) {
    byte[] key = (timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8);
    return Base64.getEncoder().encodeToString(ChannelSupport.hmacSha256(key, new byte[0]));
  }

  static Map<String, Object> message(Notification n, ChannelSettings s, RenderedText text) {
    Map<String, Object> body = new LinkedHashMap<>();
    if ("text".equals(s.setting(FORMAT))) {
      body.put("msg_type", "text");
      body.put(
          "content",
          Map.of(
              "text",
              VendorSupport.cut(
                  text.title() + "\n\n" + text.plain(), MAX_TEXT_BYTES, s.language())));
      return body;
    }
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("config", Map.of("wide_screen_mode", true));
    card.put(
        "header",
        Map.of(
            "template",
            colour(VendorSupport.tone(n)),
            "title",
            Map.of("tag", "plain_text", "content", text.title())));
    card.put(
        "elements",
        List.of(
            Map.of(
                "tag",
                "markdown",
                "content",
                VendorSupport.cut(text.markdown(), MAX_TEXT_BYTES, s.language())),
            Map.of(
                "tag",
                "note",
                "elements",
                List.of(
                    Map.of(
                        "tag",
                        "plain_text",
                        "content",
                        VendorSupport.Text.SENT_BY.in(s.language()))))));
    body.put("msg_type", "interactive");
    body.put("card", card);
    return body;
  }

  /** Card header templates Feishu offers: red, orange, green, blue, grey, … */
  private static String colour(VendorSupport.Tone tone) {
    return switch (tone) {
      case CRITICAL -> "red";
      case WARNING -> "orange";
      case INFO -> "blue";
      case RESOLVED -> "green";
      case TEST -> "grey";
    };
  }

  @Override
  public Optional<String> failure(int status, String body) {
    boolean legacy =
        status >= 200
            && status < 300
            && ChannelSupport.readJson(body)
                .map(j -> !j.has("code") && j.has("StatusCode"))
                .orElse(false);
    // Older answers carry only StatusCode/StatusMessage.
    return legacy
        ? VendorSupport.codeFailure("Feishu", status, body, "StatusCode", "StatusMessage")
        : VendorSupport.codeFailure("Feishu", status, body, "code", "msg");
  }
}
