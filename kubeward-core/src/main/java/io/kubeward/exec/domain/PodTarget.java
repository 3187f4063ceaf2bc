package io.kubeward.exec.domain;

import io.kubeward.common.Names;
import org.jspecify.annotations.Nullable;

/**
 * The pod (and container) an exec session or a port-forward goes to.
 *
 * @param container {@code null} for the pod's only (or default) container, and for port-forwards
 */
public record PodTarget(String cluster, String namespace, String pod, @Nullable String container) {

  /**
   * @throws InvalidExecRequestException for names Kubernetes would not accept
   */
  public PodTarget {
    if (!Names.isNamespace(namespace)) {
      throw InvalidExecRequestException.of("namespace", "is not a namespace name");
    }
    if (!Names.isObjectName(pod)) {
      throw InvalidExecRequestException.of("pod", "is not a pod name");
    }
    if (container != null && (container.isBlank() || !Names.isNamespace(container))) {
      throw InvalidExecRequestException.of("container", "is not a container name");
    }
  }
}
