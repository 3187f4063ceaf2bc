package io.kubeward.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure a user may see. It carries a stable {@link #code()} (e.g. {@code cluster.unreachable})
 * that clients can rely on, a {@link #kind()} that the edges translate, and named {@link
 * #properties()} that both fill the localized message (in insertion order, as {@code {0}}, {@code
 * {1}}, ...) and are exposed as extension members of a problem response. The Java message is
 * English, for logs.
 */
public class KubewardException extends RuntimeException {

  private final String code;
  private final ErrorKind kind;
  private final Map<String, Object> properties;

  public KubewardException(
      String code, ErrorKind kind, String message, Map<String, Object> properties) {
    super(message);
    this.code = code;
    this.kind = kind;
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  public String code() {
    return code;
  }

  public ErrorKind kind() {
    return kind;
  }

  public Map<String, Object> properties() {
    return properties;
  }

  /**
   * Named properties from {@code name, value, name, value, ...}, in that order (the order of the
   * message's arguments); a {@code null} value becomes {@code "-"}.
   */
  protected static Map<String, Object> props(Object... pairs) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      properties.put((String) pairs[i], pairs[i + 1] == null ? "-" : pairs[i + 1]);
    }
    return properties;
  }

  /** The property values in insertion order, as arguments for a message pattern. */
  public Object[] messageArguments() {
    return properties.values().toArray();
  }
}
