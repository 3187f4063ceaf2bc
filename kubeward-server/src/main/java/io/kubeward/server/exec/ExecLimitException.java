package io.kubeward.server.exec;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;

/** Too many open exec sessions or port-forward connections of the caller: 429. */
final class ExecLimitException extends KubewardException {

  static final String CODE = "exec.too-many";

  ExecLimitException(String what, int limit) {
    super(
        CODE,
        ErrorKind.THROTTLED,
        "Too many open " + what + " (limit " + limit + ")",
        props("what", what, "limit", limit, "retryAfterSeconds", 10));
  }
}
