package io.kubeward.runtime.app;

/** The object an Event is about; {@code namespace} is null for cluster-scoped objects. */
public record EventTarget(String apiVersion, String kind, String namespace, String name) {

  public static EventTarget node(String name) {
    return new EventTarget("v1", "Node", null, name);
  }
}
