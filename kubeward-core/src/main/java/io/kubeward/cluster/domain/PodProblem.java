package io.kubeward.cluster.domain;

/**
 * A closed set of reasons why a pod needs attention. One pod has at most one problem: the most
 * specific cause wins (see {@link PodProjection#problemOf}).
 */
public enum PodProblem {
  /** Evicted by the kubelet (node pressure); the pod is Failed. */
  EVICTED("Evicted"),
  /** The scheduler found no node for it. */
  UNSCHEDULABLE("Unschedulable"),
  /** An image cannot be pulled and the kubelet is backing off. */
  IMAGE_PULL_BACK_OFF("ImagePullBackOff"),
  /** An image pull just failed. */
  ERR_IMAGE_PULL("ErrImagePull"),
  /** A referenced ConfigMap/Secret (key) is missing. */
  CREATE_CONTAINER_CONFIG_ERROR("CreateContainerConfigError"),
  /** A container was killed for exceeding its memory limit (now or in its last run). */
  OOM_KILLED("OOMKilled"),
  /** A container keeps crashing and the kubelet is backing off. */
  CRASH_LOOP_BACK_OFF("CrashLoopBackOff");

  private final String reason;

  PodProblem(String reason) {
    this.reason = reason;
  }

  /** The reason string as Kubernetes (and kubectl) shows it. */
  public String reason() {
    return reason;
  }

  /** The problem for a container waiting/terminated reason, or {@code null} if it is not one. */
  static PodProblem fromContainerReason(String reason) {
    if (reason == null) {
      return null;
    }
    return switch (reason) {
      case "ImagePullBackOff" -> IMAGE_PULL_BACK_OFF;
      case "ErrImagePull", "InvalidImageName", "ErrImageNeverPull" -> ERR_IMAGE_PULL;
      case "CreateContainerConfigError" -> CREATE_CONTAINER_CONFIG_ERROR;
      case "OOMKilled" -> OOM_KILLED;
      case "CrashLoopBackOff" -> CRASH_LOOP_BACK_OFF;
      default -> null;
    };
  }
}
