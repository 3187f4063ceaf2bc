package io.kubeward.backup.domain.archive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strips the fields the API server manages from an object before it is archived: {@code
 * metadata.uid}, {@code resourceVersion}, {@code generation}, {@code creationTimestamp}, {@code
 * managedFields}, {@code selfLink}, {@code deletionTimestamp}, {@code deletionGracePeriodSeconds}
 * and the annotation {@code kubectl.kubernetes.io/last-applied-configuration}. {@code status} is
 * kept (informative; a restore does not write it). The given map is not changed.
 */
public final class ObjectCleaner {

  public static final List<String> STRIPPED_METADATA =
      List.of(
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "managedFields",
          "selfLink",
          "deletionTimestamp",
          "deletionGracePeriodSeconds");

  public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private ObjectCleaner() {}

  public static Map<String, Object> strip(Map<String, Object> object) {
    Map<String, Object> copy = new LinkedHashMap<>(object);
    if (copy.get("metadata") instanceof Map<?, ?> metadata) {
      Map<String, Object> meta = new LinkedHashMap<>();
      metadata.forEach((k, v) -> meta.put(String.valueOf(k), v));
      STRIPPED_METADATA.forEach(meta::remove);
      if (meta.get("annotations") instanceof Map<?, ?> annotations) {
        if (annotations.containsKey(LAST_APPLIED)) {
          Map<String, Object> kept = new LinkedHashMap<>();
          annotations.forEach((k, v) -> kept.put(String.valueOf(k), v));
          kept.remove(LAST_APPLIED);
          if (kept.isEmpty()) {
            meta.remove("annotations");
          } else {
            meta.put("annotations", kept);
          }
        }
      }
      copy.put("metadata", meta);
    }
    return copy;
  }
}
