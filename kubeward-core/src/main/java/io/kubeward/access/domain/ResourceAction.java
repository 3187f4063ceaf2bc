package io.kubeward.access.domain;

import java.util.Objects;

/**
 * A Kubernetes authorization question, as in a SubjectAccessReview's {@code resourceAttributes}:
 * may one {@code verb} the {@code resource} (plural) of API {@code group} ({@code ""} for the core
 * group), optionally its {@code subresource}, in {@code namespace} ({@code null}: all namespaces,
 * or a cluster-scoped resource), optionally only the object {@code name}.
 */
public record ResourceAction(
    String verb, String group, String resource, String subresource, String namespace, String name) {

  public ResourceAction {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(resource, "resource");
  }

  public static ResourceAction of(String verb, String group, String resource, String namespace) {
    return new ResourceAction(verb, group, resource, null, namespace, null);
  }

  /** The same question in another namespace. */
  public ResourceAction in(String otherNamespace) {
    return new ResourceAction(verb, group, resource, subresource, otherNamespace, name);
  }
}
