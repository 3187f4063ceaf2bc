package io.kubeward.alert.domain.channel;

import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.Notification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generic {@code webhook}: a JSON POST of the notification with its alerts to {@code url} (a
 * setting, or a secret when the URL embeds a token). With the secret {@code hmacKey} the request
 * carries {@code X-Kubeward-Signature: sha256=<hex HMAC-SHA256 of the body>}; the body holds the
 * time it was rendered ({@code sentAt}), so a receiver can refuse replays. At most {@link
 * #MAX_ALERTS} alerts are listed ({@code truncatedAlerts} counts the rest).
 */
public final class WebhookChannelType implements ChannelType {

  public static final String TYPE = "webhook";
  public static final String URL = "url";
  public static final String HMAC_KEY = "hmacKey";
  public static final String SIGNATURE_HEADER = "X-Kubeward-Signature";

  /** At most this many alerts are listed in one body (firing first); the rest are counted. */
  public static final int MAX_ALERTS = 1000;

  /** The version of the JSON body. */
  public static final String VERSION = "1";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Set<String> settingNames() {
    return Set.of(URL);
  }

  @Override
  public Set<String> secretNames() {
    return Set.of(URL, HMAC_KEY);
  }

  @Override
  public Set<String> requiredNames() {
    return Set.of(URL);
  }

  @Override
  public List<String> validate(ChannelSettings s) {
    List<String> problems =
        new ArrayList<>(ChannelSupport.checkHttpUrl(URL, s.settingOrSecret(URL)));
    String key = s.secret(HMAC_KEY);
    if (key != null && key.length() < 16) {
      problems.add("hmacKey must be at least 16 characters");
    }
    return problems;
  }

  @Override
  public List<URI> destinations(ChannelSettings s) {
    return List.of(ChannelSupport.httpUrl(URL, s.settingOrSecret(URL)));
  }

  @Override
  public OutboundMessage render(Notification n, ChannelSettings s, RenderedText text, Instant now) {
    byte[] body = ChannelSupport.json(body(n, s, text, now));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("User-Agent", "Kubeward-Alerting/" + VERSION);
    String key = s.secret(HMAC_KEY);
    if (key != null) {
      headers.put(SIGNATURE_HEADER, signature(key, body));
    }
    return HttpPost.json(destinations(s).get(0), body, headers);
  }

  /** {@code sha256=<hex HMAC-SHA256 of body with key>}: what a receiver recomputes. */
  public static String signature(String key, byte[] body) {
    return "sha256="
        + ChannelSupport.hex(ChannelSupport.hmacSha256(key.getBytes(StandardCharsets.UTF_8), body));
  }

  static Map<String, Object> body(
      Notification n, ChannelSettings s, RenderedText text, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", VERSION);
    m.put("channel", n.channel());
    m.put("status", n.firing().isEmpty() ? "resolved" : "firing");
    m.put("test", n.test());
    m.put("scope", n.scope().key());
    m.put("groupKey", n.groupKey());
    m.put("groupLabels", new java.util.TreeMap<>(n.groupLabels()));
    m.put("createdAt", n.createdAt().toString());
    m.put("sentAt", now.toString());
    m.put("language", s.language().tag());
    m.put("title", text.title());
    m.put("text", text.plain());
    m.put("markdown", text.markdown());
    m.put("firingCount", n.firing().size());
    m.put("resolvedCount", n.resolved().size());
    List<Map<String, Object>> alerts = new ArrayList<>();
    int truncated = 0;
    for (List<Alert> list : List.of(n.firing(), n.resolved())) {
      for (Alert a : list) {
        if (alerts.size() < MAX_ALERTS) {
          alerts.add(ChannelSupport.alertJson(a));
        } else {
          truncated++;
        }
      }
    }
    m.put("alerts", alerts);
    m.put("truncatedAlerts", truncated);
    return m;
  }
}
