package io.kubeward.server.stream;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Too many open streams, of the caller or of this replica: 429 with {@code Retry-After}. */
public final class StreamLimitException extends KubewardException {

  public static final String CODE = "stream.too-many";

  StreamLimitException(String scope, int limit, Duration retryAfter) {
    super(
        CODE,
        ErrorKind.THROTTLED,
        "Too many open streams (" + scope + ")",
        props(scope, limit, retryAfter));
  }

  private static Map<String, Object> props(String scope, int limit, Duration retryAfter) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("scope", scope);
    props.put("limit", limit);
    props.put("retryAfterSeconds", Math.max(1, retryAfter.toSeconds()));
    return props;
  }
}
