package io.kubeward.workload.domain.ops;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/** Refusals of a workload operation, each with its stable code (bundle {@code problem.<code>}). */
public final class WorkloadOpException extends KubewardException {

  public static final String INVALID = "workload.invalid";
  public static final String NOT_FOUND = "workload.not-found";
  public static final String UNSUPPORTED = "workload.unsupported";
  public static final String REVISION_NOT_FOUND = "workload.revision-not-found";

  private WorkloadOpException(
      String code, ErrorKind kind, String message, Map<String, Object> properties) {
    super(code, kind, message, properties);
  }

  /** The request is not valid: a number out of range, a bad image reference, ... */
  public static WorkloadOpException invalid(String reason) {
    return new WorkloadOpException(
        INVALID, ErrorKind.INVALID, "Invalid operation: " + reason, props("reason", reason));
  }

  public static WorkloadOpException notFound(String kind, String namespace, String name) {
    return new WorkloadOpException(
        NOT_FOUND,
        ErrorKind.NOT_FOUND,
        kind + " " + namespace + "/" + name + " does not exist",
        props("kind", kind, "namespace", namespace, "name", name));
  }

  /** The operation does not apply to the kind ({@code scale} a DaemonSet). */
  public static WorkloadOpException unsupported(String operation, String kind) {
    return new WorkloadOpException(
        UNSUPPORTED,
        ErrorKind.INVALID,
        "A " + kind + " cannot be changed by " + operation,
        props("operation", operation, "kind", kind));
  }

  public static WorkloadOpException revisionNotFound(long revision, String kind, String name) {
    return new WorkloadOpException(
        REVISION_NOT_FOUND,
        ErrorKind.NOT_FOUND,
        kind + " " + name + " has no revision " + revision,
        props("revision", revision, "kind", kind, "name", name));
  }
}
