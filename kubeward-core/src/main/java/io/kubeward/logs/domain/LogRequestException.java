package io.kubeward.logs.domain;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/**
 * A log request Kubeward does not send: an option out of its bounds ({@code logs.invalid-option}),
 * a container the pod does not have ({@code logs.container-not-found}), a pod of several containers
 * without a container named ({@code logs.container-required}), no previous container ({@code
 * logs.previous-absent}), a workload kind that has no pods ({@code logs.invalid-workload}).
 */
public final class LogRequestException extends KubewardException {

  public static final String INVALID_OPTION = "logs.invalid-option";
  public static final String CONTAINER_NOT_FOUND = "logs.container-not-found";
  public static final String CONTAINER_REQUIRED = "logs.container-required";
  public static final String PREVIOUS_ABSENT = "logs.previous-absent";
  public static final String INVALID_WORKLOAD = "logs.invalid-workload";

  private LogRequestException(String code, ErrorKind kind, Map<String, Object> properties) {
    super(code, kind, code + " " + properties, properties);
  }

  /** {@code option} has a value out of {@code allowed} (message: option, value, allowed). */
  public static LogRequestException invalidOption(String option, Object value, String allowed) {
    return new LogRequestException(
        INVALID_OPTION,
        ErrorKind.INVALID,
        props("option", option, "value", String.valueOf(value), "allowed", allowed));
  }

  public static LogRequestException containerNotFound(
      String pod, String container, String containers) {
    return new LogRequestException(
        CONTAINER_NOT_FOUND,
        ErrorKind.NOT_FOUND,
        props("pod", pod, "container", container, "containers", containers));
  }

  public static LogRequestException containerRequired(String pod, String containers) {
    return new LogRequestException(
        CONTAINER_REQUIRED, ErrorKind.INVALID, props("pod", pod, "containers", containers));
  }

  public static LogRequestException previousAbsent(String pod, String container) {
    return new LogRequestException(
        PREVIOUS_ABSENT, ErrorKind.NOT_FOUND, props("pod", pod, "container", container));
  }

  public static LogRequestException invalidWorkload(String kind) {
    return new LogRequestException(
        INVALID_WORKLOAD,
        ErrorKind.INVALID,
        props(
            "kind",
            kind,
            "allowed",
            "Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob"));
  }
}
