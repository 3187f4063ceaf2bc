package io.kubeward.cluster.domain;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The ConfigMaps, Secrets and PersistentVolumeClaims a pod references (by name, in its namespace):
 * volumes (projected sources included), {@code env} and {@code envFrom} of every container, init
 * and ephemeral container, and {@code imagePullSecrets} (as Secrets). {@code optional} holds {@code
 * ConfigMap/<name>} and {@code Secret/<name>} for references marked optional everywhere the pod
 * makes them (a missing optional object stops nothing).
 *
 * <p>Pods of one workload reference the same objects, so the projection {@linkplain #intern
 * interns} whole values: 30,000 pods of a few hundred workloads share a few hundred instances.
 */
public record PodReferences(
    List<String> configMaps, List<String> secrets, List<String> claims, Set<String> optional) {

  public static final PodReferences NONE =
      new PodReferences(List.of(), List.of(), List.of(), Set.of());

  private static final Map<PodReferences, WeakReference<PodReferences>> INTERNED =
      new WeakHashMap<>();

  public PodReferences {
    configMaps = List.copyOf(configMaps);
    secrets = List.copyOf(secrets);
    claims = List.copyOf(claims);
    optional = Set.copyOf(optional);
  }

  public boolean isEmpty() {
    return configMaps.isEmpty() && secrets.isEmpty() && claims.isEmpty();
  }

  /**
   * Whether the pod references the object ({@code ConfigMap}, {@code Secret}, {@code
   * PersistentVolumeClaim}).
   */
  public boolean references(String kind, String name) {
    return switch (kind) {
      case "ConfigMap" -> configMaps.contains(name);
      case "Secret" -> secrets.contains(name);
      case "PersistentVolumeClaim" -> claims.contains(name);
      default -> false;
    };
  }

  /** One shared instance per distinct value (weakly held: unused values go away). */
  static PodReferences intern(PodReferences references) {
    if (references.isEmpty()) {
      return NONE;
    }
    synchronized (INTERNED) {
      WeakReference<PodReferences> existing = INTERNED.get(references);
      PodReferences shared = existing == null ? null : existing.get();
      if (shared != null) {
        return shared;
      }
      INTERNED.put(references, new WeakReference<>(references));
      return references;
    }
  }
}
