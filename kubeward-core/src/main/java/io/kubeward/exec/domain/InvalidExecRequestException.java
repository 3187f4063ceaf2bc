package io.kubeward.exec.domain;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;

/** A malformed exec or port-forward request (shell, command, container, port, size): 400. */
public final class InvalidExecRequestException extends KubewardException {

  public static final String CODE = "exec.invalid";

  private InvalidExecRequestException(String field, String problem) {
    super(
        CODE, ErrorKind.INVALID, field + " " + problem, props("field", field, "problem", problem));
  }

  public static InvalidExecRequestException of(String field, String problem) {
    return new InvalidExecRequestException(field, problem);
  }
}
