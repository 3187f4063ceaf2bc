package io.kubeward.runtime.domain;

/**
 * A stable reason of Kubernetes Events and status conditions. Each feature declares its reasons as
 * an enum implementing this interface, so reasons are a closed set that users and alerts can rely
 * on.
 */
public interface EventReason {

  /** The reason as written to the API (UpperCamelCase). */
  String name();
}
