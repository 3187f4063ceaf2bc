package io.kubeward.backup.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One Kubernetes object in an archive or a restore: {@code apiVersion} as written ({@code apps/v1},
 * {@code v1}), kind, namespace ({@code null} for cluster-scoped objects) and name.
 */
public record ObjectRef(String apiVersion, String kind, @Nullable String namespace, String name) {

  public ObjectRef {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /** The API group ({@code ""} for the core group). */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  public boolean clusterScoped() {
    return namespace == null;
  }
}
