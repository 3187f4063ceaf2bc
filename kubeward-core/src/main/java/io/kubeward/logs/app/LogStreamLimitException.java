package io.kubeward.logs.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The caller has {@code kubeward.logs.max-streams-per-user} log streams and downloads open: 429
 * {@code stream.too-many} (the code of every stream limit) with scope {@code logs}.
 */
public final class LogStreamLimitException extends KubewardException {

  public static final String CODE = "stream.too-many";

  LogStreamLimitException(int limit) {
    super(CODE, ErrorKind.THROTTLED, "Too many open log streams", props(limit));
  }

  private static Map<String, Object> props(int limit) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("scope", "logs");
    props.put("limit", limit);
    props.put("retryAfterSeconds", 5L);
    return props;
  }
}
