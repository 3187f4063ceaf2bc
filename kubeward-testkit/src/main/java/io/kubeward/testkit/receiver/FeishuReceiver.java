package io.kubeward.testkit.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.testkit.receiver.RecordingReceiver.Answer;
import io.kubeward.testkit.receiver.RecordingReceiver.Request;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * A Feishu (Lark) custom bot ({@code POST /open-apis/bot/v2/hook/<token>}) on loopback, checking a
 * request as Feishu's "custom bot" guide describes it:
 *
 * <ul>
 *   <li>the path's token names this bot, else {@code {"code":19001,"msg":"param invalid: incoming
 *       webhook access token invalid"}};
 *   <li>signature verification (a secret was given): the JSON body carries {@code timestamp}
 *       (seconds, within one hour of now) and {@code sign} = Base64(HmacSHA256(key = timestamp +
 *       "\n" + secret, data = empty)) — the string to sign is the KEY, unlike DingTalk; else {@code
 *       {"code":19021,"msg":"sign match fail or timestamp is not within one hour from current
 *       time"}};
 *   <li>the body is at most 20 KB, a JSON object with a known {@code msg_type}; {@code text} needs
 *       {@code content.text}, {@code interactive} needs a {@code card} object, else {@code
 *       {"code":9499,"msg":"Bad Request"}}.
 * </ul>
 *
 * Success is HTTP 200 {@code {"StatusCode":0,"StatusMessage":"success","code":0,"data":{},
 * "msg":"success"}}; errors are HTTP 200 too with {@code code} ≠ 0.
 */
public final class FeishuReceiver extends VendorReceiver {

  public static final String PATH_PREFIX = "/open-apis/bot/v2/hook/";
  public static final int MAX_BODY_BYTES = 20 * 1024;
  static final Duration WINDOW = Duration.ofHours(1);
  private static final Set<String> TYPES =
      Set.of("text", "post", "image", "share_chat", "interactive");

  private final String token;
  private final String secret; // null: no signature verification

  private FeishuReceiver(Clock clock, String token, String secret) {
    super(clock);
    this.token = token;
    this.secret = secret;
  }

  /** A bot with signature verification ("签名校验") on. */
  public static FeishuReceiver signed(String token, String secret) {
    return new FeishuReceiver(Clock.systemUTC(), token, secret);
  }

  public static FeishuReceiver signed(Clock clock, String token, String secret) {
    return new FeishuReceiver(clock, token, secret);
  }

  public static FeishuReceiver unsigned(String token) {
    return new FeishuReceiver(Clock.systemUTC(), token, null);
  }

  @Override
  public URI webhookUrl() {
    return receiver().url(PATH_PREFIX + token);
  }

  /** The signature Feishu expects for this timestamp (seconds). */
  public static String expectedSign(String secret, String timestamp) {
    byte[] key = (timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8);
    return Base64.getEncoder().encodeToString(hmacSha256(key, new byte[0]));
  }

  @Override
  protected Verdict judge(Request request) {
    if (!"POST".equals(request.method()) || !request.path().startsWith(PATH_PREFIX)) {
      return reject(request, "not POST " + PATH_PREFIX + "...", Answer.status(404));
    }
    if (!same(token, request.path().substring(PATH_PREFIX.length()))) {
      return reject(
          request,
          "unknown token",
          error(19001, "param invalid: incoming webhook access token invalid"));
    }
    if (request.body().length > MAX_BODY_BYTES) {
      return reject(request, "body above 20 KB", error(9499, "Bad Request"));
    }
    Optional<JsonNode> body = jsonObject(request);
    if (body.isEmpty()) {
      return reject(request, "body is not a JSON object", error(9499, "Bad Request"));
    }
    JsonNode json = body.get();
    if (secret != null) {
      String timestamp = text(json, "timestamp");
      String sign = text(json, "sign");
      String failed = "sign match fail or timestamp is not within one hour from current time";
      long seconds;
      try {
        seconds = Long.parseLong(timestamp);
      } catch (NumberFormatException e) {
        return reject(request, "no timestamp", error(19021, failed));
      }
      if (Math.abs(clock.instant().getEpochSecond() - seconds) > WINDOW.toSeconds()) {
        return reject(request, "timestamp outside one hour", error(19021, failed));
      }
      if (!same(expectedSign(secret, timestamp), sign)) {
        return reject(request, "sign does not match", error(19021, failed));
      }
    }
    String type = text(json, "msg_type");
    boolean complete =
        switch (type) {
          case "text" -> !text(json, "content", "text").isBlank();
          case "interactive" -> json.path("card").isObject();
          default -> TYPES.contains(type);
        };
    if (!complete) {
      return reject(request, "msg_type '" + type + "' incomplete", error(9499, "Bad Request"));
    }
    return accept(
        request,
        Answer.json(
            200,
            "{\"StatusCode\":0,\"StatusMessage\":\"success\",\"code\":0,\"data\":{},"
                + "\"msg\":\"success\"}"));
  }

  private static Answer error(int code, String message) {
    return Answer.json(
        200, "{\"code\":" + code + ",\"data\":{},\"msg\":" + DingTalkReceiver.quote(message) + "}");
  }
}
