package io.kubeward.resource.domain;

import java.util.List;

/**
 * A kind the cluster serves, from discovery. {@code group} is empty for the core group.
 *
 * @param plural the resource name in URLs ({@code deployments})
 * @param verbs what the apiserver allows on it ({@code get}, {@code list}, {@code patch}, ...)
 */
public record KindInfo(
    String group,
    String version,
    String kind,
    String plural,
    boolean namespaced,
    List<String> verbs) {

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  public boolean isSecret() {
    return group.isEmpty() && "Secret".equals(kind);
  }
}
