package io.kubeward.testkit.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.testkit.receiver.RecordingReceiver.Answer;
import io.kubeward.testkit.receiver.RecordingReceiver.Request;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * A Slack incoming webhook ({@code POST /services/T.../B.../<secret>}) on loopback, answering as
 * Slack's "incoming webhooks" documentation describes. Slack does not sign incoming webhooks: the
 * URL is the secret. Unlike the Chinese vendors, Slack reports errors with HTTP status codes and a
 * plain-text reason:
 *
 * <ul>
 *   <li>an unknown URL: {@code 404 no_service};
 *   <li>a body that is not a JSON object: {@code 400 invalid_payload};
 *   <li>neither {@code text} nor {@code blocks}: {@code 400 no_text};
 *   <li>blocks Slack would refuse (more than 50, an unknown type, a header above 150 characters, a
 *       section text above 3000): {@code 400 invalid_blocks}.
 * </ul>
 *
 * Success is {@code 200 ok} (text/plain).
 */
public final class SlackReceiver extends VendorReceiver {

  public static final String PATH_PREFIX = "/services/";
  public static final int MAX_BLOCKS = 50;
  public static final int MAX_HEADER_CHARS = 150;
  public static final int MAX_SECTION_CHARS = 3000;
  private static final Set<String> BLOCK_TYPES =
      Set.of("header", "section", "context", "divider", "actions", "image", "rich_text");

  private final String path;

  private SlackReceiver(Clock clock, String secretPath) {
    super(clock);
    this.path = PATH_PREFIX + secretPath;
  }

  /** {@code secretPath} is what follows {@code /services/}, e.g. {@code T0/B0/XXXX}. */
  public static SlackReceiver start(String secretPath) {
    return new SlackReceiver(Clock.systemUTC(), secretPath);
  }

  @Override
  public URI webhookUrl() {
    return receiver().url(path);
  }

  @Override
  protected Verdict judge(Request request) {
    if (!"POST".equals(request.method()) || !same(path, request.path())) {
      return reject(request, "unknown webhook", Answer.text(404, "no_service"));
    }
    Optional<JsonNode> body = jsonObject(request);
    if (body.isEmpty()) {
      return reject(request, "not a JSON object", Answer.text(400, "invalid_payload"));
    }
    JsonNode json = body.get();
    JsonNode blocks = json.path("blocks");
    if (text(json, "text").isBlank() && (!blocks.isArray() || blocks.isEmpty())) {
      return reject(request, "no text and no blocks", Answer.text(400, "no_text"));
    }
    if (!blocks.isMissingNode()) {
      Optional<String> problem = blockProblem(blocks);
      if (problem.isPresent()) {
        return reject(request, problem.get(), Answer.text(400, "invalid_blocks"));
      }
    }
    return accept(request, Answer.text(200, "ok"));
  }

  private static Optional<String> blockProblem(JsonNode blocks) {
    if (!blocks.isArray()) {
      return Optional.of("blocks is not an array");
    }
    if (blocks.size() > MAX_BLOCKS) {
      return Optional.of(blocks.size() + " blocks");
    }
    for (JsonNode block : blocks) {
      String type = text(block, "type");
      if (!BLOCK_TYPES.contains(type)) {
        return Optional.of("block type '" + type + "'");
      }
      if (type.equals("header")
          && (!"plain_text".equals(text(block, "text", "type"))
              || text(block, "text", "text").isEmpty()
              || text(block, "text", "text").length() > MAX_HEADER_CHARS)) {
        return Optional.of("header text must be plain_text of 1.." + MAX_HEADER_CHARS);
      }
      if (type.equals("section")) {
        String kind = text(block, "text", "type");
        String content = text(block, "text", "text");
        if (!(kind.equals("mrkdwn") || kind.equals("plain_text"))
            || content.isEmpty()
            || content.length() > MAX_SECTION_CHARS) {
          return Optional.of("section text must be mrkdwn/plain_text of 1.." + MAX_SECTION_CHARS);
        }
      }
    }
    return Optional.empty();
  }
}
