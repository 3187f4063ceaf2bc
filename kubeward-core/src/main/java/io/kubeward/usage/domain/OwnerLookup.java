package io.kubeward.usage.domain;

import io.kubeward.cluster.domain.OwnerRef;
import org.jspecify.annotations.Nullable;

/**
 * The controlling owner of a cached object (a ReplicaSet's Deployment, a Job's CronJob), {@code
 * null} if the object has none or is not cached.
 */
@FunctionalInterface
public interface OwnerLookup {

  OwnerLookup NONE = (namespace, kind, name) -> null;

  @Nullable OwnerRef ownerOf(String namespace, String kind, String name);
}
