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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code dingtalk}: a DingTalk custom robot ("自定义机器人"). The secret {@code url} is the robot's
 * webhook ({@code https://oapi.dingtalk.com/robot/send?access_token=…}); with the secret {@code
 * secret} (the {@code SEC…} string of the robot's "加签" security setting) each request is signed as
 * DingTalk documents: {@code timestamp} (milliseconds) and {@code sign} = URL-encoded
 * Base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret)) appended to the query —
 * DingTalk refuses a timestamp more than an hour off. The body is a {@code markdown} message
 * ({@code title} for the notification preview, {@code text} the notification with hard line
 * breaks), with {@code at.atMobiles} (setting {@code atMobiles}, mentioned in the text as DingTalk
 * requires) and {@code at.isAtAll} (setting {@code atAll}). DingTalk answers HTTP 200 with {@code
 * errcode}: anything but 0 is a failure (e.g. 310000 sign not match, 300001 token is not exist).
 */
public final class DingTalkChannelType implements ChannelType {

  public static final String TYPE = "dingtalk";
  public static final String URL = "url";
  public static final String SECRET = "secret";
  public static final String AT_MOBILES = "atMobiles";
  public static final String AT_ALL = "atAll";

  /** The markdown text is kept below DingTalk's 20,000-byte message limit. */
  static final int MAX_TEXT_BYTES = 18_000;

  /** DingTalk robots take 20 messages a minute (then refuse for 10 minutes). */
  static final int RATE_LIMIT = 20;

  static final int MAX_MENTIONS = 20;

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Set<String> settingNames() {
    return Set.of(AT_MOBILES, AT_ALL);
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
      URI url = ChannelSupport.httpUrl(URL, s.secret(URL));
      if (VendorSupport.queryParam(url, "access_token").filter(t -> !t.isBlank()).isEmpty()) {
        problems.add("url must be the robot's webhook with its access_token=… query parameter");
      }
      if (VendorSupport.queryParam(url, "timestamp").isPresent()
          || VendorSupport.queryParam(url, "sign").isPresent()) {
        problems.add("url must not carry timestamp or sign: give the secret, each send is signed");
      }
    }
    problems.addAll(VendorSupport.checkMobiles(AT_MOBILES, s.setting(AT_MOBILES), MAX_MENTIONS));
    problems.addAll(VendorSupport.checkFlag(AT_ALL, s.setting(AT_ALL)));
    problems.addAll(
        VendorSupport.checkRate(
            s.maxPerMinute(),
            RATE_LIMIT,
            "a DingTalk robot accepts 20 messages a minute and then refuses for 10 minutes"));
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
    URI url = destinations(s).get(0);
    String secret = s.secret(SECRET);
    if (secret != null) {
      String timestamp = Long.toString(now.toEpochMilli());
      url = VendorSupport.withQuery(url, "timestamp", timestamp, "sign", sign(secret, timestamp));
    }
    return HttpPost.json(url, ChannelSupport.json(body(n, s, text)), Map.of());
  }

  /**
   * DingTalk's signature before URL encoding: Base64(HmacSHA256(key = secret, data = timestamp +
   * "\n" + secret)), UTF-8.
   */
  public static String sign(String secret, String timestamp) {
    return Base64.getEncoder()
        .encodeToString(ChannelSupport.hmacSha256(secret, timestamp + "\n" + secret));
  }

  static Map<String, Object> body(Notification n, ChannelSettings s, RenderedText text) {
    List<String> mobiles = VendorSupport.mobiles(s.setting(AT_MOBILES));
    boolean atAll = VendorSupport.flag(s.setting(AT_ALL));
    StringBuilder mentions = new StringBuilder();
    for (String mobile : mobiles) {
      mentions.append(mentions.isEmpty() ? "\n\n" : " ").append('@').append(mobile);
    }
    String heading = "#### " + text.title() + "\n\n";
    String markdown =
        VendorSupport.cut(
            VendorSupport.hardBreaks(text.markdown()),
            MAX_TEXT_BYTES
                - VendorSupport.bytes(heading)
                - VendorSupport.bytes(mentions.toString()),
            s.language());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("msgtype", "markdown");
    body.put("markdown", Map.of("title", text.title(), "text", heading + markdown + mentions));
    body.put("at", Map.of("atMobiles", mobiles, "isAtAll", atAll));
    return body;
  }

  @Override
  public Optional<String> failure(int status, String body) {
    return VendorSupport.codeFailure("DingTalk", status, body, "errcode", "errmsg");
  }
}
