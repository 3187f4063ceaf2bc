package io.kubeward.alert.domain.channel.vendor;

import io.kubeward.alert.domain.Notification;
import io.kubeward.alert.domain.channel.ChannelSettings;
import io.kubeward.alert.domain.channel.ChannelSupport;
import io.kubeward.alert.domain.channel.ChannelType;
import io.kubeward.alert.domain.channel.HttpPost;
import io.kubeward.alert.domain.channel.OutboundMessage;
import io.kubeward.alert.domain.channel.RenderedText;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code wecom}: a WeCom (企业微信) group robot ("群机器人"). The secret {@code url} is the robot's webhook
 * ({@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…}): the {@code key} is the robot's
 * only credential, WeCom signs nothing. Setting {@code format}: {@code markdown} (default; the
 * title in the colour of the state, then the notification; at most 4096 bytes) or {@code text}
 * (plain, at most 2048 bytes, with {@code mentionedMobiles} as {@code mentioned_mobile_list}, which
 * only text messages support). WeCom answers HTTP 200 with {@code errcode}: anything but 0 is a
 * failure (93000 invalid webhook url, 45009 rate limit, …).
 */
public final class WeComChannelType implements ChannelType {

  public static final String TYPE = "wecom";
  public static final String URL = "url";
  public static final String FORMAT = "format";
  public static final String MENTIONED_MOBILES = "mentionedMobiles";

  static final int MAX_MARKDOWN_BYTES = 4096;
  static final int MAX_TEXT_BYTES = 2048;

  /** WeCom robots take 20 messages a minute. */
  static final int RATE_LIMIT = 20;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Set<String> settingNames() {
    return Set.of(FORMAT, MENTIONED_MOBILES);
  }

  @Override
  public Set<String> secretNames() {
    return Set.of(URL);
  }

  @Override
  public Set<String> requiredNames() {
    return Set.of(URL);
  }

  @Override
  public List<String> validate(ChannelSettings s) {
    List<String> problems = new ArrayList<>(ChannelSupport.checkHttpUrl(URL, s.secret(URL)));
    if (problems.isEmpty()
        && VendorSupport.queryParam(ChannelSupport.httpUrl(URL, s.secret(URL)), "key")
            .filter(k -> !k.isBlank())
            .isEmpty()) {
      problems.add("url must be the robot's webhook with its key=… query parameter");
    }
    String format = s.setting(FORMAT);
    if (format != null && !format.equals("markdown") && !format.equals("text")) {
      problems.add("format must be markdown or text");
    }
    problems.addAll(
        VendorSupport.checkMobiles(MENTIONED_MOBILES, s.setting(MENTIONED_MOBILES), 20));
    if (s.setting(MENTIONED_MOBILES) != null && !"text".equals(format)) {
      problems.add("mentionedMobiles needs format text (WeCom mentions only in text messages)");
    }
    problems.addAll(
        VendorSupport.checkRate(
            s.maxPerMinute(), RATE_LIMIT, "a WeCom robot accepts 20 messages a minute"));
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
    return HttpPost.json(destinations(s).get(0), ChannelSupport.json(body(n, s, text)), Map.of());
  }

  static Map<String, Object> body(Notification n, ChannelSettings s, RenderedText text) {
    Map<String, Object> body = new LinkedHashMap<>();
    if ("text".equals(s.setting(FORMAT))) {
      String content =
          VendorSupport.cut(text.title() + "\n\n" + text.plain(), MAX_TEXT_BYTES, s.language());
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("content", content);
      List<String> mobiles = VendorSupport.mobiles(s.setting(MENTIONED_MOBILES));
      if (!mobiles.isEmpty()) {
        message.put("mentioned_mobile_list", mobiles);
      }
      body.put("msgtype", "text");
      body.put("text", message);
      return body;
    }
    String heading =
        "<font color=\"" + colour(VendorSupport.tone(n)) + "\">**" + text.title() + "**</font>\n";
    String content =
        heading
            + VendorSupport.cut(
                text.markdown(), MAX_MARKDOWN_BYTES - VendorSupport.bytes(heading), s.language());
    body.put("msgtype", "markdown");
    body.put("markdown", Map.of("content", content));
    return body;
  }

  /** WeCom markdown has three font colours: info (green), comment (grey), warning (orange-red). */
  private static String colour(VendorSupport.Tone tone) {
    return switch (tone) {
      case CRITICAL, WARNING -> "warning";
      case RESOLVED -> "info";
      case INFO, TEST -> "comment";
    };
  }

  @Override
  public Optional<String> failure(int status, String body) {
    return VendorSupport.codeFailure("WeCom", status, body, "errcode", "errmsg");
  }
}
