package io.kubeward.testkit.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.testkit.receiver.RecordingReceiver.Answer;
import io.kubeward.testkit.receiver.RecordingReceiver.Request;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * A DingTalk custom robot ({@code POST /robot/send?access_token=...}) on loopback, checking a
 * request as DingTalk's "custom robot security settings" describe it:
 *
 * <ul>
 *   <li>{@code access_token} names this robot, else {@code {"errcode":300001,"errmsg":"token is not
 *       exist"}};
 *   <li>signed mode (a secret was given): the query carries {@code timestamp} (milliseconds, within
 *       one hour of now) and {@code sign} = URL-encoded Base64(HmacSHA256(key = secret, data =
 *       timestamp + "\n" + secret)), UTF-8; a mismatch or an old timestamp answers {@code
 *       {"errcode":310000,"errmsg":"sign not match"}} / {@code "invalid timestamp"};
 *   <li>the body is JSON with a known {@code msgtype}; {@code markdown} needs {@code
 *       markdown.title} and {@code markdown.text}, {@code text} needs {@code text.content}, else
 *       {@code {"errcode":40035,"errmsg":"缺少参数 json"}}.
 * </ul>
 *
 * Success is {@code {"errcode":0,"errmsg":"ok"}} with HTTP 200 — DingTalk answers 200 for its
 * errors too, which is why a sender must read {@code errcode}.
 */
public final class DingTalkReceiver extends VendorReceiver {

  public static final String PATH = "/robot/send";
  static final Duration WINDOW = Duration.ofHours(1);
  private static final Set<String> TYPES =
      Set.of("text", "link", "markdown", "actionCard", "feedCard");

  private final String accessToken;
  private final String secret; // null: not in signed mode

  private DingTalkReceiver(Clock clock, String accessToken, String secret) {
    super(clock);
    this.accessToken = accessToken;
    this.secret = secret;
  }

  /** A robot in signed mode ("加签"): {@code secret} is the {@code SEC...} string. */
  public static DingTalkReceiver signed(String accessToken, String secret) {
    return new DingTalkReceiver(Clock.systemUTC(), accessToken, secret);
  }

  public static DingTalkReceiver signed(Clock clock, String accessToken, String secret) {
    return new DingTalkReceiver(clock, accessToken, secret);
  }

  /** A robot without the signed mode (keywords or IP allow-list are not emulated). */
  public static DingTalkReceiver unsigned(String accessToken) {
    return new DingTalkReceiver(Clock.systemUTC(), accessToken, null);
  }

  @Override
  public URI webhookUrl() {
    return receiver()
        .url(PATH + "?access_token=" + URLEncoder.encode(accessToken, StandardCharsets.UTF_8));
  }

  /** The signature DingTalk expects for this timestamp, Base64 (before URL encoding). */
  public static String expectedSign(String secret, String timestamp) {
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    byte[] data = (timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8);
    return Base64.getEncoder().encodeToString(hmacSha256(key, data));
  }

  @Override
  protected Verdict judge(Request request) {
    if (!"POST".equals(request.method()) || !PATH.equals(request.path())) {
      return reject(request, "not POST " + PATH, Answer.status(404));
    }
    if (!request.queryParam("access_token").map(t -> same(accessToken, t)).orElse(false)) {
      return reject(request, "unknown access_token", error(300001, "token is not exist"));
    }
    if (secret != null) {
      Optional<String> timestamp = request.queryParam("timestamp");
      Optional<String> sign = request.queryParam("sign");
      if (timestamp.isEmpty() || sign.isEmpty()) {
        return reject(request, "no timestamp or sign", error(310000, "sign not match"));
      }
      long millis;
      try {
        millis = Long.parseLong(timestamp.get());
      } catch (NumberFormatException e) {
        return reject(request, "timestamp not a number", error(310000, "invalid timestamp"));
      }
      if (Math.abs(clock.millis() - millis) > WINDOW.toMillis()) {
        return reject(request, "timestamp outside one hour", error(310000, "invalid timestamp"));
      }
      // queryParam URL-decodes once, as DingTalk does before comparing.
      if (!same(expectedSign(secret, timestamp.get()), sign.get())) {
        return reject(request, "sign does not match", error(310000, "sign not match"));
      }
    }
    Optional<JsonNode> body = jsonObject(request);
    if (body.isEmpty()) {
      return reject(request, "body is not a JSON object", error(40035, "缺少参数 json"));
    }
    JsonNode json = body.get();
    String type = text(json, "msgtype");
    boolean complete =
        switch (type) {
          case "markdown" ->
              !text(json, "markdown", "title").isBlank()
                  && !text(json, "markdown", "text").isBlank();
          case "text" -> !text(json, "text", "content").isBlank();
          default -> TYPES.contains(type);
        };
    if (!complete) {
      return reject(request, "msgtype '" + type + "' incomplete", error(40035, "缺少参数 json"));
    }
    return accept(request, Answer.json(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
  }

  private static Answer error(int code, String message) {
    return Answer.json(200, "{\"errcode\":" + code + ",\"errmsg\":" + quote(message) + "}");
  }

  static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
