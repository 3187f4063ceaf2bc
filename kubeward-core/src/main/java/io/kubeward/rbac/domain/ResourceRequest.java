package io.kubeward.rbac.domain;

import org.jspecify.annotations.Nullable;

/**
 * A request as the RBAC authorizer sees it: {@code verb} on {@code resource} (with an optional
 * {@code subresource}, e.g. {@code pods} + {@code exec}) of {@code apiGroup} ({@code ""} is the
 * core group), in {@code namespace} (null: cluster-scoped or across all namespaces), on the object
 * {@code name} (null: no particular object, as list or create).
 */
public record ResourceRequest(
    String verb,
    String apiGroup,
    String resource,
    @Nullable String subresource,
    @Nullable String namespace,
    @Nullable String name) {

  public ResourceRequest {
    apiGroup = apiGroup == null ? "" : apiGroup;
    subresource = subresource == null || subresource.isEmpty() ? null : subresource;
    namespace = namespace == null || namespace.isEmpty() ? null : namespace;
    name = name == null || name.isEmpty() ? null : name;
  }

  /** {@code pods} or {@code pods/exec}: what a rule's resources are compared with. */
  public String combinedResource() {
    return subresource == null ? resource : resource + "/" + subresource;
  }
}
