package io.kubeward.upgrade.domain;

import org.jspecify.annotations.Nullable;

/**
 * One row of the removals table: an API version of a resource, when it was deprecated, when it
 * stops being served ({@code null}: no removal scheduled) and what replaces it.
 *
 * @param group the API group ("" for the core group)
 * @param resource the plural resource name, as the apiserver's metric and discovery name it
 */
public record ApiRemoval(
    String group,
    String version,
    String resource,
    String kind,
    KubeMinor deprecatedIn,
    @Nullable KubeMinor removedIn,
    String replacement) {

  public String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** Whether a cluster at {@code target} no longer serves it. */
  public boolean removedBy(KubeMinor target) {
    return removedIn != null && removedIn.compareTo(target) <= 0;
  }
}
