package io.kubeward.diagnostics.domain;

import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Read-only lookups over one cluster's shared cache, made by the engine for the rules. Kinds are
 * named as Kubernetes writes them ({@code Pod}, {@code ConfigMap}); a kind the cache does not keep
 * (or has not listed yet) gives empty answers. Views are the cache's compact projections ({@code
 * PodView}, {@code DeploymentView}, {@code ServiceView}, {@code NodeView}, {@code ObjectView}).
 */
public interface ClusterFacts {

  Optional<KubeObjectView> get(String kind, @Nullable String namespace, String name);

  /** All objects of a kind, in one namespace or (namespace {@code null}) everywhere. */
  List<KubeObjectView> list(String kind, @Nullable String namespace);

  /** Objects of a kind in a namespace whose labels match every pair (an empty map selects none). */
  List<KubeObjectView> selected(String kind, String namespace, Map<String, String> matchLabels);

  /** Objects of a kind in a namespace whose controlling owner is {@code ownerKind/ownerName}. */
  List<KubeObjectView> ownedBy(String kind, String namespace, String ownerKind, String ownerName);

  /**
   * The cached events of an object, newest first ({@code ObjectView} fields: {@code reason}, {@code
   * message}, {@code count}, {@code lastSeen}; status is the type, Normal or Warning).
   */
  List<ObjectView> eventsFor(ObjectRef ref);

  /** The engine's clock: the only time a rule may read. */
  Instant now();

  /** Settings of the rules (thresholds), from the engine's configuration. */
  default RuleSettings settings() {
    return RuleSettings.DEFAULTS;
  }
}
