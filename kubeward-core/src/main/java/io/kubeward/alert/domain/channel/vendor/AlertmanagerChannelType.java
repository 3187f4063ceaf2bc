package io.kubeward.alert.domain.channel.vendor;

import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertLabels;
import io.kubeward.alert.domain.Notification;
import io.kubeward.alert.domain.channel.ChannelSettings;
import io.kubeward.alert.domain.channel.ChannelSupport;
import io.kubeward.alert.domain.channel.ChannelType;
import io.kubeward.alert.domain.channel.HttpPost;
import io.kubeward.alert.domain.channel.OutboundMessage;
import io.kubeward.alert.domain.channel.RenderedText;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code alertmanager}: forwards the alerts to an existing Prometheus Alertmanager through its v2
 * API, {@code POST <url>/api/v2/alerts} with a JSON array of postable alerts ({@code labels},
 * {@code annotations}, {@code startsAt}, {@code endsAt}, {@code generatorURL}), so a site keeps its
 * Alertmanager routing "instead of, or besides" Kubeward's: it is a channel like any other, and the
 * policy routes to it.
 *
 * <ul>
 *   <li>{@code url}: Alertmanager's base URL (a setting, or a secret when a proxy puts a token in
 *       it); a path prefix ({@code --web.route-prefix}) is kept;
 *   <li>secrets {@code username} + {@code password} (basic auth) or {@code bearerToken};
 *   <li>{@code endsAfter}: firing alerts are sent with {@code endsAt} = now + this (Go duration,
 *       default 5h, 1m..30d). Alertmanager resolves an alert whose {@code endsAt} passes, so it
 *       must be longer than the route's repeat interval (default 4h), which re-sends firing alerts;
 *       a resolved alert is sent with {@code endsAt} = its resolution;
 *   <li>{@code generatorUrl}: the console's base URL; each alert links {@code
 *       <generatorUrl>/alerts/<fingerprint>?cluster=<cluster>}.
 * </ul>
 *
 * Label and annotation names Alertmanager's classic mode refuses (e.g. {@code summary.zh-CN}) are
 * written with {@code _} for each other character ({@code summary_zh_CN}), so the forward works in
 * every mode. Alertmanager answers 200 (empty) or 400 with the reason.
 */
public final class AlertmanagerChannelType implements ChannelType {

  public static final String TYPE = "alertmanager";
  public static final String URL = "url";
  public static final String USERNAME = "username";
  public static final String PASSWORD = "password";
  public static final String BEARER_TOKEN = "bearerToken";
  public static final String ENDS_AFTER = "endsAfter";
  public static final String GENERATOR_URL = "generatorUrl";

  public static final String API_PATH = "/api/v2/alerts";
  static final Duration DEFAULT_ENDS_AFTER = Duration.ofHours(5);
  static final Duration MIN_ENDS_AFTER = Duration.ofMinutes(1);
  static final Duration MAX_ENDS_AFTER = Duration.ofDays(30);

  /** A test message's made-up alert stays in Alertmanager this long. */
  static final Duration TEST_ENDS_AFTER = Duration.ofMinutes(5);

  private static final Pattern CLASSIC_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern GO_DURATION =
      Pattern.compile("((\\d+)d)?((\\d+)h)?((\\d+)m)?((\\d+)s)?");

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Set<String> settingNames() {
    return Set.of(URL, ENDS_AFTER, GENERATOR_URL, USERNAME);
  }

  @Override
  public Set<String> secretNames() {
    return Set.of(URL, USERNAME, PASSWORD, BEARER_TOKEN);
  }

  @Override
  public Set<String> requiredNames() {
    return Set.of(URL);
  }

  @Override
  public List<String> validate(ChannelSettings s) {
    List<String> problems =
        new ArrayList<>(ChannelSupport.checkHttpUrl(URL, s.settingOrSecret(URL)));
    if (problems.isEmpty()
        && ChannelSupport.httpUrl(URL, s.settingOrSecret(URL)).getRawQuery() != null) {
      problems.add("url must be Alertmanager's base URL, without a query");
    }
    String username = s.settingOrSecret(USERNAME);
    String password = s.secret(PASSWORD);
    String token = s.secret(BEARER_TOKEN);
    if ((username == null) != (password == null)) {
      problems.add("username and password go together (basic auth)");
    }
    if (username != null && username.contains(":")) {
      problems.add("username must not contain ':'");
    }
    if (token != null && (username != null || password != null)) {
      problems.add("give either username and password or bearerToken, not both");
    }
    if (token != null && !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      problems.add("bearerToken must be printable ASCII without spaces");
    }
    String endsAfter = s.setting(ENDS_AFTER);
    if (endsAfter != null) {
      Duration d = parseDuration(endsAfter);
      if (d == null) {
        problems.add("endsAfter must be a duration like 5h or 90m");
      } else if (d.compareTo(MIN_ENDS_AFTER) < 0 || d.compareTo(MAX_ENDS_AFTER) > 0) {
        problems.add("endsAfter must be between 1m and 30d");
      }
    }
    problems.addAll(
        s.setting(GENERATOR_URL) == null
            ? List.of()
            : ChannelSupport.checkHttpUrl(GENERATOR_URL, s.setting(GENERATOR_URL)));
    return problems;
  }

  @Override
  public List<URI> destinations(ChannelSettings s) {
    URI base = ChannelSupport.httpUrl(URL, s.settingOrSecret(URL));
    String text = base.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return List.of(URI.create(text + API_PATH));
  }

  @Override
  public OutboundMessage render(Notification n, ChannelSettings s, RenderedText text, Instant now) {
    Duration endsAfter = endsAfter(s);
    if (n.test() && endsAfter.compareTo(TEST_ENDS_AFTER) > 0) {
      endsAfter = TEST_ENDS_AFTER;
    }
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (Alert a : n.firing()) {
      alerts.add(postable(a, s, now.plus(endsAfter)));
    }
    for (Alert a : n.resolved()) {
      alerts.add(postable(a, s, a.resolvedAt() != null ? a.resolvedAt() : now));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    String username = s.settingOrSecret(USERNAME);
    String password = s.secret(PASSWORD);
    String token = s.secret(BEARER_TOKEN);
    if (username != null && password != null) {
      headers.put(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    } else if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    return HttpPost.json(destinations(s).get(0), ChannelSupport.json(alerts), headers);
  }

  static Map<String, Object> postable(Alert a, ChannelSettings s, Instant endsAt) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("labels", names(a.labels()));
    m.put("annotations", names(a.annotations()));
    Instant starts = a.firingSince() != null ? a.firingSince() : a.activeSince();
    m.put("startsAt", starts.toString());
    m.put("endsAt", (endsAt.isBefore(starts) ? starts : endsAt).toString());
    String console = s.setting(GENERATOR_URL);
    if (console != null) {
      String base = console.endsWith("/") ? console.substring(0, console.length() - 1) : console;
      String cluster = a.label(AlertLabels.CLUSTER);
      m.put(
          "generatorURL",
          base
              + "/alerts/"
              + a.fingerprint()
              + (cluster == null
                  ? ""
                  : "?cluster=" + URLEncoder.encode(cluster, StandardCharsets.UTF_8)));
    }
    return m;
  }

  /** Names as Alertmanager's classic mode takes them: other characters become {@code _}. */
  static Map<String, String> names(Map<String, String> in) {
    Map<String, String> out = new TreeMap<>();
    in.forEach(
        (k, v) -> {
          String name = classicName(k);
          out.merge(name, v, (first, second) -> first);
        });
    return out;
  }

  static String classicName(String name) {
    if (CLASSIC_NAME.matcher(name).matches()) {
      return name;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      ok |= i > 0 && c >= '0' && c <= '9';
      b.append(ok ? c : '_');
    }
    return b.isEmpty() ? "_" : b.toString();
  }

  static Duration endsAfter(ChannelSettings s) {
    String value = s.setting(ENDS_AFTER);
    Duration d = value == null ? null : parseDuration(value);
    return d == null ? DEFAULT_ENDS_AFTER : d;
  }

  /**
   * A Go-style duration of days, hours, minutes, seconds ({@code 5h}, {@code 1h30m}, {@code 7d}).
   */
  static @Nullable Duration parseDuration(String text) {
    String value = text.strip();
    if (value.isEmpty() || value.length() > 32) {
      return null;
    }
    var m = GO_DURATION.matcher(value);
    if (!m.matches()) {
      return null;
    }
    try {
      Duration d = Duration.ZERO;
      if (m.group(2) != null) {
        d = d.plusDays(Long.parseLong(m.group(2)));
      }
      if (m.group(4) != null) {
        d = d.plusHours(Long.parseLong(m.group(4)));
      }
      if (m.group(6) != null) {
        d = d.plusMinutes(Long.parseLong(m.group(6)));
      }
      if (m.group(8) != null) {
        d = d.plusSeconds(Long.parseLong(m.group(8)));
      }
      return d;
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      return null;
    }
  }
}
