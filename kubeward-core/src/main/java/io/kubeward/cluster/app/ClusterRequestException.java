package io.kubeward.cluster.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import io.kubeward.common.Paging;
import java.util.Map;

/** Bad input to a cluster or list request (400), or a cluster that cannot be removed (409). */
public final class ClusterRequestException extends KubewardException {

  public static final String INVALID_KUBECONFIG = "cluster.invalid-kubeconfig";
  public static final String INVALID_NAME = "cluster.invalid-name";
  public static final String NOT_REMOVABLE = "cluster.not-removable";
  public static final String INVALID_LABEL_SELECTOR = "list.invalid-label-selector";
  public static final String INVALID_CONTINUE = "list.invalid-continue";
  public static final String INVALID_PARAMETER = Paging.INVALID_PARAMETER;
  public static final String UNKNOWN_KIND = "list.unknown-kind";

  private ClusterRequestException(
      String code, ErrorKind kind, String message, Map<String, Object> properties) {
    super(code, kind, message, properties);
  }

  public static ClusterRequestException invalidKubeconfig(String cluster, String reason) {
    return new ClusterRequestException(
        INVALID_KUBECONFIG,
        ErrorKind.INVALID,
        "The kubeconfig of cluster " + cluster + " cannot be used: " + reason,
        props("cluster", cluster, "reason", reason));
  }

  public static ClusterRequestException invalidName(String name) {
    return new ClusterRequestException(
        INVALID_NAME,
        ErrorKind.INVALID,
        "Invalid cluster name " + name,
        props("cluster", String.valueOf(name)));
  }

  public static ClusterRequestException notRemovable(String cluster) {
    return new ClusterRequestException(
        NOT_REMOVABLE,
        ErrorKind.CONFLICT,
        "Cluster " + cluster + " comes from the start-up configuration and cannot be removed",
        props("cluster", cluster));
  }

  public static ClusterRequestException invalidLabelSelector(
      String selector, int position, String reason) {
    return new ClusterRequestException(
        INVALID_LABEL_SELECTOR,
        ErrorKind.INVALID,
        "Invalid label selector " + selector + ": " + reason,
        props("labelSelector", selector, "reason", reason, "position", position));
  }

  public static ClusterRequestException invalidContinue(String reason) {
    return new ClusterRequestException(
        INVALID_CONTINUE, ErrorKind.INVALID, reason, props("reason", reason));
  }

  public static ClusterRequestException invalidParameter(
      String parameter, String value, String reason) {
    return new ClusterRequestException(
        INVALID_PARAMETER,
        ErrorKind.INVALID,
        "Invalid " + parameter + " " + value + ": " + reason,
        props("parameter", parameter, "value", String.valueOf(value), "reason", reason));
  }

  public static ClusterRequestException unknownKind(String kind, String known) {
    return new ClusterRequestException(
        UNKNOWN_KIND,
        ErrorKind.INVALID,
        "No cached kind " + kind,
        props("kind", kind, "known", known));
  }
}
