package io.kubeward.cluster.domain;

import org.jspecify.annotations.Nullable;

/**
 * A Service port: its name (if any), port, protocol and target port as written ({@code 8080} or a
 * container port's name; {@code null} when unset, which means the same number as {@code port}).
 */
public record ServicePortView(
    @Nullable String name, int port, String protocol, @Nullable String targetPort) {

  /** The target port as Kubernetes resolves a missing one: the port's own number. */
  public String effectiveTargetPort() {
    return targetPort == null ? String.valueOf(port) : targetPort;
  }

  /** Whether the target port is a container port's name rather than a number. */
  public boolean targetsName() {
    String target = effectiveTargetPort();
    return !target.chars().allMatch(Character::isDigit);
  }
}
