package io.kubeward.alert.domain.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kubeward.alert.domain.Alert;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * What channel types share: URL checks, HMAC-SHA256, SHA-256, JSON writing/reading, the JSON form
 * of an alert, and response excerpts for error messages.
 */
public final class ChannelSupport {

  /** The longest URL a channel may have. */
  public static final int MAX_URL = 2048;

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private ChannelSupport() {}

  /**
   * Parses an {@code http}/{@code https} URL without user info or fragment (a query is allowed: a
   * robot's {@code access_token}, {@code key}).
   *
   * @throws IllegalArgumentException with a reason naming {@code field}
   */
  public static URI httpUrl(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    if (value.length() > MAX_URL) {
      throw new IllegalArgumentException(field + " must be at most " + MAX_URL + " characters");
    }
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(field + " is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(field + " must start with http:// or https://");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException(field + " must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(field + " must not hold credentials");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException(field + " must not have a fragment");
    }
    return uri;
  }

  /** The problem of an URL setting, if any, as a list for {@link ChannelType#validate}. */
  public static List<String> checkHttpUrl(String field, @Nullable String value) {
    try {
      httpUrl(field, value);
      return List.of();
    } catch (IllegalArgumentException e) {
      return List.of(e.getMessage());
    }
  }

  /** HMAC-SHA256 of {@code data} with {@code key}. */
  public static byte[] hmacSha256(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** HMAC-SHA256 of UTF-8 {@code data} with the UTF-8 {@code key}. */
  public static byte[] hmacSha256(String key, String data) {
    return hmacSha256(key.getBytes(StandardCharsets.UTF_8), data.getBytes(StandardCharsets.UTF_8));
  }

  /** SHA-256 as lower-case hex. */
  public static String sha256Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Lower-case hex. */
  public static String hex(byte[] data) {
    return HexFormat.of().formatHex(data);
  }

  /** JSON of maps, lists, strings, numbers, booleans, records (UTF-8). */
  public static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalArgumentException("not writable as JSON: " + e.getMessage(), e);
    }
  }

  /** A JSON answer, empty when it is no JSON. */
  public static Optional<JsonNode> readJson(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(JSON.readTree(body));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * An alert as the webhook (and Alertmanager-like payloads) show it: status, labels, annotations,
   * startsAt, endsAt (resolution), fingerprint, value.
   */
  public static Map<String, Object> alertJson(Alert alert) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", alert.resolved() ? "resolved" : "firing");
    m.put("fingerprint", alert.fingerprint());
    m.put("scope", alert.scope().key());
    m.put("rule", alert.rule().toString());
    m.put("labels", alert.labels());
    m.put("annotations", new java.util.TreeMap<>(alert.annotations()));
    m.put(
        "startsAt",
        (alert.firingSince() != null ? alert.firingSince() : alert.activeSince()).toString());
    m.put("endsAt", alert.resolvedAt() == null ? null : alert.resolvedAt().toString());
    m.put("value", alert.value());
    return m;
  }

  /** {@code ": <first 200 characters of body>"}, or nothing for an empty body. */
  public static String excerpt(@Nullable String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String flat = body.strip().replaceAll("\\s+", " ");
    return ": " + (flat.length() > 200 ? flat.substring(0, 200) + "…" : flat);
  }
}
