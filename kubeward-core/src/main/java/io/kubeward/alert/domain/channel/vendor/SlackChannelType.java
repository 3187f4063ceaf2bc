package io.kubeward.alert.domain.channel.vendor;

import io.kubeward.alert.domain.AlertLabels;
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
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code slack}: a Slack incoming webhook (or a Slack-compatible one: Mattermost, Rocket.Chat). The
 * secret {@code url} is the webhook URL ({@code https://hooks.slack.com/services/T…/B…/…}: the URL
 * is the credential, Slack signs nothing). The body is Block Kit: a {@code header} (plain text, at
 * most 150 characters), the notification as {@code section}s of mrkdwn (at most 3000 characters
 * each, converted from the Markdown text) and a {@code context} line; the top-level {@code text} is
 * the title, which Slack shows in notifications. Optional settings {@code channel}, {@code
 * username}, {@code iconEmoji} are passed as legacy webhooks and compatible servers honour them.
 * Slack answers {@code 200 ok}, or an HTTP error with a reason ({@code 400 invalid_payload}, {@code
 * 404 no_service}, …): any status outside 2xx is a failure.
 */
public final class SlackChannelType implements ChannelType {

  public static final String TYPE = "slack";
  public static final String URL = "url";
  public static final String CHANNEL = "channel";
  public static final String USERNAME = "username";
  public static final String ICON_EMOJI = "iconEmoji";

  /** Slack's limits: header text, section text, blocks per message. */
  static final int MAX_HEADER = 150;

  static final int MAX_SECTION = 3000;
  static final int MAX_BLOCKS = 50;

  /** Slack accepts about one message per second per webhook. */
  static final int RATE_LIMIT = 60;

  private static final Pattern CHANNEL_NAME = Pattern.compile("[#@]?[a-z0-9._-]{1,80}");
  private static final Pattern EMOJI = Pattern.compile(":[a-z0-9_+-]{1,64}:");

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Set<String> settingNames() {
    return Set.of(CHANNEL, USERNAME, ICON_EMOJI);
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
    String channel = s.setting(CHANNEL);
    if (channel != null && !CHANNEL_NAME.matcher(channel).matches()) {
      problems.add("channel must be a Slack channel like #ops (lower-case, at most 80 characters)");
    }
    String username = s.setting(USERNAME);
    if (username != null && username.length() > 80) {
      problems.add("username must be at most 80 characters");
    }
    String emoji = s.setting(ICON_EMOJI);
    if (emoji != null && !EMOJI.matcher(emoji).matches()) {
      problems.add("iconEmoji must be an emoji code like :rotating_light:");
    }
    problems.addAll(
        VendorSupport.checkRate(
            s.maxPerMinute(), RATE_LIMIT, "Slack accepts about one message a second"));
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
    body.put("text", emoji(VendorSupport.tone(n)) + " " + text.title());
    List<Object> blocks = new ArrayList<>();
    blocks.add(
        Map.of(
            "type",
            "header",
            "text",
            Map.of(
                "type",
                "plain_text",
                "text",
                VendorSupport.cutChars(
                    emoji(VendorSupport.tone(n)) + " " + text.title(), MAX_HEADER),
                "emoji",
                true)));
    List<String> sections =
        VendorSupport.chunks(VendorSupport.slackMrkdwn(text.markdown()), MAX_SECTION);
    int room = MAX_BLOCKS - 2; // header and context
    for (int i = 0; i < sections.size() && i < room; i++) {
      String section = sections.get(i);
      if (i == room - 1 && sections.size() > room) {
        section =
            VendorSupport.cutChars(section, MAX_SECTION - 40)
                + "\n"
                + VendorSupport.Text.SHORTENED.in(s.language());
      }
      blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", section)));
    }
    blocks.add(
        Map.of(
            "type",
            "context",
            "elements",
            List.of(Map.of("type", "mrkdwn", "text", context(n, s)))));
    body.put("blocks", blocks);
    putIfSet(body, "channel", s.setting(CHANNEL));
    putIfSet(body, "username", s.setting(USERNAME));
    putIfSet(body, "icon_emoji", s.setting(ICON_EMOJI));
    return body;
  }

  private static String context(Notification n, ChannelSettings s) {
    StringBuilder b = new StringBuilder(VendorSupport.Text.SENT_BY.in(s.language()));
    String cluster = n.scope().cluster();
    if (cluster == null && !n.firing().isEmpty()) {
      cluster = n.firing().get(0).label(AlertLabels.CLUSTER);
    }
    if (cluster != null) {
      b.append(" · ").append(VendorSupport.Text.CLUSTER.in(s.language())).append(' ');
      b.append(VendorSupport.slackMrkdwn(cluster));
    }
    return b.toString();
  }

  private static String emoji(VendorSupport.Tone tone) {
    return switch (tone) {
      case CRITICAL -> "🔴";
      case WARNING -> "🟠";
      case INFO -> "🔵";
      case RESOLVED -> "✅";
      case TEST -> "🧪";
    };
  }

  private static void putIfSet(Map<String, Object> body, String key, String value) {
    if (value != null) {
      body.put(key, value);
    }
  }
}
