package io.kubeward.resource.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pure transformations of an object given as nested maps (as parsed from JSON/YAML): drop what
 * nobody should edit or read ({@code metadata.managedFields}, the last-applied annotation) and
 * redact a Secret's values.
 */
public final class ObjectCleaner {

  public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
  public static final String REDACTED = "<redacted>";

  private ObjectCleaner() {}

  /** A deep copy without managedFields and the last-applied annotation. */
  public static Map<String, Object> clean(Map<String, Object> object) {
    Map<String, Object> copy = deepCopy(object);
    if (copy.get("metadata") instanceof Map<?, ?> metadata) {
      @SuppressWarnings("unchecked")
      Map<String, Object> meta = (Map<String, Object>) metadata;
      meta.remove("managedFields");
      if (meta.get("annotations") instanceof Map<?, ?> annotations) {
        annotations.remove(LAST_APPLIED);
        if (annotations.isEmpty()) {
          meta.remove("annotations");
        }
      }
    }
    return copy;
  }

  /**
   * The metadata fields the API server manages, dropped by {@link #stripServerFields} (besides
   * {@code managedFields} and the last-applied annotation that {@link #clean} drops).
   */
  public static final java.util.List<String> SERVER_MANAGED_METADATA =
      java.util.List.of(
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "selfLink",
          "deletionTimestamp",
          "deletionGracePeriodSeconds");

  /**
   * {@link #clean} and, further, without the fields the API server manages ({@link
   * #SERVER_MANAGED_METADATA}): an object as a backup archives it (ADR 0040). {@code status} is
   * kept (informative; a restore does not write it).
   */
  public static Map<String, Object> stripServerFields(Map<String, Object> object) {
    Map<String, Object> copy = clean(object);
    if (copy.get("metadata") instanceof Map<?, ?> metadata) {
      SERVER_MANAGED_METADATA.forEach(metadata::remove);
    }
    return copy;
  }

  /** A copy whose {@code data} and {@code stringData} values are replaced by {@value #REDACTED}. */
  public static Map<String, Object> redactSecret(Map<String, Object> secret) {
    return redact(secret, value -> REDACTED);
  }

  /**
   * A copy whose secret values are replaced by {@code marker(value)}, e.g. a keyed fingerprint so
   * that a diff shows which keys change without showing the values.
   */
  public static Map<String, Object> redactSecret(
      Map<String, Object> secret, java.util.function.Function<Object, String> marker) {
    return redact(secret, marker);
  }

  private static Map<String, Object> redact(
      Map<String, Object> secret, java.util.function.Function<Object, String> marker) {
    Map<String, Object> copy = deepCopy(secret);
    for (String field : new String[] {"data", "stringData"}) {
      if (copy.get(field) instanceof Map<?, ?> values) {
        Map<String, Object> redacted = new LinkedHashMap<>();
        values.forEach((k, v) -> redacted.put(String.valueOf(k), marker.apply(v)));
        copy.put(field, redacted);
      }
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, copyValue(v)));
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Object copyValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      return deepCopy((Map<String, Object>) map);
    }
    if (value instanceof java.util.List<?> list) {
      return list.stream().map(ObjectCleaner::copyValue).toList();
    }
    return value;
  }

  /** {@code metadata.<field>} as a string, or {@code null}. */
  public static String metadata(Map<String, Object> object, String field) {
    if (object.get("metadata") instanceof Map<?, ?> meta && meta.get(field) != null) {
      return String.valueOf(meta.get(field));
    }
    return null;
  }
}
