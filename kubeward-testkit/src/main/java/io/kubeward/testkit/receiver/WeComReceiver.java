package io.kubeward.testkit.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.testkit.receiver.RecordingReceiver.Answer;
import io.kubeward.testkit.receiver.RecordingReceiver.Request;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * A WeCom (企业微信) group robot ({@code POST /cgi-bin/webhook/send?key=...}) on loopback, checking a
 * request as WeCom's group robot guide describes it. The robot has no signature: the {@code key} in
 * the URL is its only secret.
 *
 * <ul>
 *   <li>{@code key} names this robot, else {@code {"errcode":93000,"errmsg":"invalid webhook
 *       url"}};
 *   <li>the body is JSON with {@code msgtype} {@code text} ({@code text.content}, at most 2048
 *       bytes) or {@code markdown} ({@code markdown.content}, at most 4096 bytes, UTF-8); a missing
 *       content answers {@code 44004 empty content}, a too long one {@code 40058}, another type
 *       {@code 40008 invalid message type}.
 * </ul>
 *
 * Success is HTTP 200 {@code {"errcode":0,"errmsg":"ok"}}; errors are HTTP 200 too.
 */
public final class WeComReceiver extends VendorReceiver {

  public static final String PATH = "/cgi-bin/webhook/send";
  public static final int MAX_MARKDOWN_BYTES = 4096;
  public static final int MAX_TEXT_BYTES = 2048;

  private final String key;

  private WeComReceiver(Clock clock, String key) {
    super(clock);
    this.key = key;
  }

  public static WeComReceiver start(String key) {
    return new WeComReceiver(Clock.systemUTC(), key);
  }

  @Override
  public URI webhookUrl() {
    return receiver().url(PATH + "?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
  }

  @Override
  protected Verdict judge(Request request) {
    if (!"POST".equals(request.method()) || !PATH.equals(request.path())) {
      return reject(request, "not POST " + PATH, Answer.status(404));
    }
    if (!request.queryParam("key").map(k -> same(key, k)).orElse(false)) {
      return reject(
          request,
          "unknown key",
          error(93000, "invalid webhook url, hint: [kubeward testkit] key not found"));
    }
    Optional<JsonNode> body = jsonObject(request);
    if (body.isEmpty()) {
      return reject(request, "body is not a JSON object", error(40008, "invalid message type"));
    }
    JsonNode json = body.get();
    String type = text(json, "msgtype");
    int limit;
    String content;
    switch (type) {
      case "markdown" -> {
        content = text(json, "markdown", "content");
        limit = MAX_MARKDOWN_BYTES;
      }
      case "text" -> {
        content = text(json, "text", "content");
        limit = MAX_TEXT_BYTES;
      }
      default -> {
        return reject(request, "msgtype '" + type + "'", error(40008, "invalid message type"));
      }
    }
    if (content.isBlank()) {
      return reject(request, "empty content", error(44004, "empty content"));
    }
    if (utf8Length(content) > limit) {
      return reject(
          request,
          type + ".content is " + utf8Length(content) + " bytes",
          error(40058, type + ".content exceed max length " + limit));
    }
    return accept(request, Answer.json(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
  }

  private static Answer error(int code, String message) {
    return Answer.json(
        200, "{\"errcode\":" + code + ",\"errmsg\":" + DingTalkReceiver.quote(message) + "}");
  }
}
