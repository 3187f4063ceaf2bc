package io.kubeward.capacity.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;

/**
 * A what-if that cannot be answered as asked: a number out of its bounds, a quantity that is not
 * one, a drain without exactly one target (400, {@code problem.capacity.*} in en/zh).
 */
public final class CapacityRequestException extends KubewardException {

  public static final String OUT_OF_RANGE = "capacity.out-of-range";
  public static final String INVALID_QUANTITY = "capacity.invalid-quantity";
  public static final String UNKNOWN_QUESTION = "capacity.unknown-question";
  public static final String NOT_SCALABLE = "capacity.not-scalable";
  public static final String NO_REQUESTS = "capacity.no-requests";
  public static final String DRAIN_TARGET = "capacity.drain-target";
  public static final String NO_NODES = "capacity.no-nodes";
  public static final String TOO_MANY_PODS = "capacity.too-many-pods";

  private CapacityRequestException(String code, String message, Object... properties) {
    super(code, ErrorKind.INVALID, message, props(properties));
  }

  public static CapacityRequestException outOfRange(String parameter, String value, String max) {
    return new CapacityRequestException(
        OUT_OF_RANGE,
        parameter + " " + value + " is not between 0 and " + max,
        "parameter",
        parameter,
        "value",
        value,
        "max",
        max);
  }

  public static CapacityRequestException invalidQuantity(String parameter, String value) {
    return new CapacityRequestException(
        INVALID_QUANTITY,
        parameter + " " + value + " is not a Kubernetes quantity",
        "parameter",
        parameter,
        "value",
        value);
  }

  public static CapacityRequestException unknownQuestion(String question) {
    return new CapacityRequestException(
        UNKNOWN_QUESTION, "unknown what-if question " + question, "question", question);
  }

  public static CapacityRequestException notScalable(String kind) {
    return new CapacityRequestException(
        NOT_SCALABLE, kind + " is not Deployment, StatefulSet or ReplicaSet", "kind", kind);
  }

  public static CapacityRequestException noRequests() {
    return new CapacityRequestException(NO_REQUESTS, "give cpu, memory or both");
  }

  public static CapacityRequestException drainTarget() {
    return new CapacityRequestException(DRAIN_TARGET, "give exactly one of node, zone, pool");
  }

  public static CapacityRequestException noNodes(String subject, String cluster) {
    return new CapacityRequestException(
        NO_NODES,
        "no node of " + cluster + " is in " + subject,
        "subject",
        subject,
        "cluster",
        cluster);
  }

  public static CapacityRequestException tooManyPods(String subject, long pods, int max) {
    return new CapacityRequestException(
        TOO_MANY_PODS,
        subject + " has " + pods + " pods, more than " + max,
        "subject",
        subject,
        "pods",
        pods,
        "max",
        max);
  }
}
