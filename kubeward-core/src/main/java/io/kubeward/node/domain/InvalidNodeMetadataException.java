package io.kubeward.node.domain;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A label or taint that Kubernetes would refuse; nothing has been changed. */
public final class InvalidNodeMetadataException extends KubewardException {

  public static final String INVALID_LABEL = "node.invalid-label";
  public static final String INVALID_TAINT = "node.invalid-taint";

  private InvalidNodeMetadataException(String code, String message, Map<String, Object> props) {
    super(code, ErrorKind.INVALID, message, props);
  }

  static InvalidNodeMetadataException label(String key, String reason) {
    return new InvalidNodeMetadataException(
        INVALID_LABEL, "Invalid label \"" + key + "\": " + reason, props(key, reason));
  }

  static InvalidNodeMetadataException taint(String key, String reason) {
    return new InvalidNodeMetadataException(
        INVALID_TAINT, "Invalid taint \"" + key + "\": " + reason, props(key, reason));
  }

  private static Map<String, Object> props(String key, String reason) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("key", key == null ? "" : key);
    properties.put("reason", reason);
    return properties;
  }
}
