package io.kubeward.alert.domain.channel.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertSeverity;
import io.kubeward.alert.domain.Notification;
import io.kubeward.alert.domain.channel.ChannelLanguage;
import io.kubeward.alert.domain.channel.ChannelSupport;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the vendor types share: query parameters, byte-bounded cutting with a bilingual note, the
 * Markdown dialect conversions, the colour of a notification and the "errcode" style of answer.
 */
final class VendorSupport {

  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]+)]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+)$");
  private static final Pattern MOBILE = Pattern.compile("\\+?[0-9][0-9-]{4,19}");

  private VendorSupport() {}

  /** The texts a vendor message adds around the notification's own text. */
  enum Text {
    SHORTENED("(message shortened)", "（消息过长，已截断）"),
    SENT_BY("Sent by Kubeward", "由 Kubeward 发送"),
    CLUSTER("cluster", "集群");

    private final String en;
    private final String zh;

    Text(String en, String zh) {
      this.en = en;
      this.zh = zh;
    }

    String in(ChannelLanguage language) {
      return language.zh() ? zh : en;
    }
  }

  /** The first value of a query parameter of {@code uri}, URL-decoded. */
  static Optional<String> queryParam(URI uri, String name) {
    String query = uri.getRawQuery();
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (decode(key).equals(name)) {
        return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return Optional.empty();
  }

  private static String decode(String text) {
    try {
      return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  /** {@code uri} with {@code name=value} pairs appended to its query (values URL-encoded). */
  static URI withQuery(URI uri, String... nameValues) {
    StringBuilder b = new StringBuilder(uri.toString());
    char separator = uri.getRawQuery() == null ? '?' : '&';
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      b.append(separator)
          .append(nameValues[i])
          .append('=')
          .append(URLEncoder.encode(nameValues[i + 1], StandardCharsets.UTF_8));
      separator = '&';
    }
    return URI.create(b.toString());
  }

  /** The UTF-8 length of a text. */
  static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * {@code text} cut to at most {@code maxBytes} UTF-8 bytes, at a line end where one is near, with
   * a note in the channel's language that it was shortened; unchanged when it fits.
   */
  static String cut(String text, int maxBytes, ChannelLanguage language) {
    if (bytes(text) <= maxBytes) {
      return text;
    }
    String note = "\n" + Text.SHORTENED.in(language);
    int budget = maxBytes - bytes(note) - bytes("…");
    StringBuilder kept = new StringBuilder();
    int used = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int size = bytes(new String(Character.toChars(cp)));
      if (used + size > budget) {
        break;
      }
      kept.appendCodePoint(cp);
      used += size;
      i += Character.charCount(cp);
    }
    int lineEnd = kept.lastIndexOf("\n");
    if (lineEnd > kept.length() / 2) {
      kept.setLength(lineEnd);
      return kept + note;
    }
    return kept + "…" + note;
  }

  /** A title cut to {@code max} characters with an ellipsis. */
  static String cutChars(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /**
   * CommonMark with hard line breaks ({@code " \n"}), so that renderers which join single lines
   * (DingTalk) keep the notification's line structure; blank lines stay paragraph breaks.
   */
  static String hardBreaks(String markdown) {
    String[] lines = markdown.split("\n", -1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      b.append(lines[i]);
      if (i < lines.length - 1) {
        boolean blank = lines[i].isBlank() || lines[i + 1].isBlank();
        b.append(blank ? "\n" : "  \n");
      }
    }
    return b.toString();
  }

  /**
   * Slack's mrkdwn from the notification's Markdown: {@code &}, {@code <}, {@code >} escaped (as
   * Slack requires), {@code **bold**} → {@code *bold*}, {@code [text](url)} → {@code <url|text>},
   * headings → bold lines.
   */
  static String slackMrkdwn(String markdown) {
    String escaped = markdown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    String headings = HEADING.matcher(escaped).replaceAll("**$1**");
    String links =
        LINK.matcher(headings)
            .replaceAll(
                m ->
                    java.util.regex.Matcher.quoteReplacement(
                        "<" + m.group(2).replace("|", "%7C") + "|" + m.group(1) + ">"));
    return BOLD.matcher(links).replaceAll("*$1*");
  }

  /** Splits text into pieces of at most {@code max} characters, at line ends where possible. */
  static List<String> chunks(String text, int max) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      while (line.length() > max) {
        if (!current.isEmpty()) {
          out.add(current.toString());
          current.setLength(0);
        }
        out.add(cutChars(line, max));
        line = "";
      }
      if (current.length() + line.length() + 1 > max && !current.isEmpty()) {
        out.add(current.toString());
        current.setLength(0);
      }
      if (!current.isEmpty()) {
        current.append('\n');
      }
      current.append(line);
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString());
    }
    return out;
  }

  /** How a notification looks at a glance. */
  enum Tone {
    CRITICAL,
    WARNING,
    INFO,
    RESOLVED,
    TEST
  }

  static Tone tone(Notification n) {
    if (n.test()) {
      return Tone.TEST;
    }
    if (n.firing().isEmpty()) {
      return Tone.RESOLVED;
    }
    AlertSeverity worst = AlertSeverity.INFO;
    for (Alert a : n.firing()) {
      if (a.severity().ordinal() < worst.ordinal()) {
        worst = a.severity();
      }
    }
    return switch (worst) {
      case CRITICAL -> Tone.CRITICAL;
      case WARNING -> Tone.WARNING;
      case INFO -> Tone.INFO;
    };
  }

  /** A comma-separated list of phone numbers, as the robots' "@" lists take them. */
  static List<String> mobiles(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  /** The problems of a phone number list setting (at most {@code max}, digits, + and -). */
  static List<String> checkMobiles(String field, @Nullable String value, int max) {
    List<String> mobiles = mobiles(value);
    List<String> problems = new ArrayList<>();
    if (mobiles.size() > max) {
      problems.add(field + " must list at most " + max + " phone numbers");
    }
    for (String m : mobiles) {
      if (!MOBILE.matcher(m).matches()) {
        problems.add(field + " must be phone numbers separated by commas, not '" + m + "'");
        break;
      }
    }
    return problems;
  }

  /** A boolean setting: absent is {@code false}; only {@code true}/{@code false} are valid. */
  static boolean flag(@Nullable String value) {
    return "true".equalsIgnoreCase(value == null ? "" : value.strip());
  }

  static List<String> checkFlag(String field, @Nullable String value) {
    if (value == null || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return List.of();
    }
    return List.of(field + " must be true or false");
  }

  /**
   * The failure in an answer of the "HTTP 200 with an error code" kind (DingTalk, WeCom: {@code
   * errcode}/{@code errmsg}; Feishu: {@code code}/{@code msg}): any status outside 2xx, an answer
   * that is no JSON object with the code, or a code other than 0.
   */
  static Optional<String> codeFailure(
      String vendor, int status, String body, String codeField, String messageField) {
    if (status < 200 || status >= 300) {
      return Optional.of("HTTP " + status + ChannelSupport.excerpt(body));
    }
    Optional<JsonNode> json = ChannelSupport.readJson(body);
    JsonNode code = json.map(j -> j.get(codeField)).orElse(null);
    if (code == null || !code.canConvertToLong()) {
      return Optional.of(
          vendor
              + " answered no "
              + codeField
              + " (not a "
              + vendor
              + " robot?)"
              + ChannelSupport.excerpt(body));
    }
    if (code.asLong() != 0) {
      String message = json.get().path(messageField).asText("");
      return Optional.of(
          vendor
              + " "
              + codeField
              + " "
              + code.asLong()
              + (message.isEmpty() ? "" : ": " + message));
    }
    return Optional.empty();
  }

  /** A rate-limit problem when {@code maxPerMinute} is above what the vendor accepts. */
  static List<String> checkRate(int maxPerMinute, int vendorLimit, String vendorSentence) {
    if (maxPerMinute > vendorLimit) {
      return List.of(
          "maxPerMinute must be at most " + vendorLimit + " for this type: " + vendorSentence);
    }
    return List.of();
  }
}
