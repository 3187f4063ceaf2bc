package io.kubeward.capacity.domain.scheduling;

/**
 * Why one node does not take a pod, as the scheduler plugin that says no. {@code code} is stable
 * (the API's and the i18n key's {@code whatif.reason.<code>}); {@code detail} what the words need
 * (a taint {@code dedicated=gpu:NoSchedule}, a topology key), empty when none.
 */
public record Rejection(String code, String detail) {

  public static final String UNSCHEDULABLE = "node-unschedulable";
  public static final String INSUFFICIENT_CPU = "insufficient-cpu";
  public static final String INSUFFICIENT_MEMORY = "insufficient-memory";
  public static final String TOO_MANY_PODS = "too-many-pods";
  public static final String UNTOLERATED_TAINT = "untolerated-taint";
  public static final String NODE_AFFINITY = "node-affinity";
  public static final String ANTI_AFFINITY = "pod-anti-affinity";
  public static final String EXISTING_ANTI_AFFINITY = "existing-pod-anti-affinity";
  public static final String AFFINITY = "pod-affinity";
  public static final String SPREAD_SKEW = "topology-spread";
  public static final String SPREAD_MISSING_LABEL = "topology-spread-missing-label";

  public Rejection {
    detail = detail == null ? "" : detail;
  }

  public static Rejection of(String code) {
    return new Rejection(code, "");
  }
}
