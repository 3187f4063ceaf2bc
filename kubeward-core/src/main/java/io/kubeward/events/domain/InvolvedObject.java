package io.kubeward.events.domain;

import org.jspecify.annotations.Nullable;

/** An object events are about: kind, namespace ({@code null} when cluster-scoped) and name. */
public record InvolvedObject(String kind, @Nullable String namespace, String name) {

  /** Whether an event's involved object is this one. */
  public boolean matches(String kind, @Nullable String namespace, String name) {
    return this.kind.equals(kind)
        && this.name.equals(name)
        && (this.namespace == null ? namespace == null : this.namespace.equals(namespace));
  }
}
