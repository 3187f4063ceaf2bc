package io.kubeward.testkit.scenario;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeward.testkit.Kubectl;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares Kubernetes objects as a user sees them: fetched through the real {@code kubectl} binary
 * ({@code kubectl get <resources> -n <ns> -l <selector> -o json}), with what the apiserver and its
 * controllers manage or allocate taken out ({@link #normalize}), object by object, down to the
 * field. A restored object equals its original when the differences are empty.
 *
 * <p>Taken out: {@code metadata.uid, resourceVersion, creationTimestamp, managedFields, generation,
 * selfLink, ownerReferences, deletionTimestamp, deletionGracePeriodSeconds, namespace} (the
 * namespace is the one asked for, possibly mapped); the {@code kubernetes.io/} finalizers;
 * annotations and labels under prefixes the cluster or Kubeward add ({@link #DROPPED_PREFIXES});
 * {@code status}; a Service's {@code clusterIP(s)}, {@code nodePort}s and {@code
 * healthCheckNodePort}; a PersistentVolume's {@code claimRef} and a claim's {@code volumeName} (the
 * binding). Everything else counts: labels, annotations, specs, data, rules, subjects.
 */
public final class ObjectComparison {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Annotation and label key prefixes taken out: added by the cluster or by Kubeward. */
  public static final List<String> DROPPED_PREFIXES =
      List.of(
          "kubeward.io/",
          "deployment.kubernetes.io/",
          "pv.kubernetes.io/",
          "volume.kubernetes.io/",
          "volume.beta.kubernetes.io/",
          "kubectl.kubernetes.io/last-applied-configuration");

  private static final List<String> DROPPED_METADATA =
      List.of(
          "uid",
          "resourceVersion",
          "creationTimestamp",
          "managedFields",
          "generation",
          "selfLink",
          "ownerReferences",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "namespace");

  private final Kubectl kubectl;

  public ObjectComparison(Kubectl kubectl) {
    this.kubectl = kubectl;
  }

  /** One object: {@code <Kind>.<group>/<name>} ({@code Service/web} for the core group). */
  public record Key(String kind, String group, String name) implements Comparable<Key> {
    static Key of(Map<String, Object> object) {
      String apiVersion = String.valueOf(object.get("apiVersion"));
      int slash = apiVersion.indexOf('/');
      String group = slash < 0 ? "" : apiVersion.substring(0, slash);
      Map<String, Object> metadata = map(object.get("metadata"));
      return new Key(
          String.valueOf(object.get("kind")), group, String.valueOf(metadata.get("name")));
    }

    @Override
    public int compareTo(Key other) {
      return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
      return kind + (group.isEmpty() ? "" : "." + group) + "/" + name;
    }
  }

  /** A difference: an object missing or unexpected, or one field's values. */
  public record Difference(Key object, String path, Object expected, Object actual) {
    @Override
    public String toString() {
      if (path.isEmpty()) {
        return object + (actual == null ? " is missing" : " was not expected");
      }
      return object + " " + path + ": expected " + expected + ", but was " + actual;
    }
  }

  /**
   * The normalized objects of {@code resources} (kubectl's names, e.g. {@code deployments.apps}) in
   * {@code namespace} matching {@code selector}, by key, as kubectl answers them.
   */
  public Map<Key, Map<String, Object>> fetch(
      String namespace, List<String> resources, String selector) {
    String json =
        kubectl.run(
            "get", String.join(",", resources), "-n", namespace, "-l", selector, "-o", "json");
    return normalizedByKey(parse(json));
  }

  /** The normalized items of a kubectl {@code List}, by key. */
  static Map<Key, Map<String, Object>> normalizedByKey(Map<String, Object> list) {
    Map<Key, Map<String, Object>> byKey = new TreeMap<>();
    for (Object item : list(list.get("items"))) {
      Map<String, Object> object = normalize(map(item));
      byKey.put(Key.of(object), object);
    }
    return byKey;
  }

  static Map<String, Object> parse(String json) {
    try {
      return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (java.io.IOException e) {
      throw new IllegalStateException("kubectl answered no JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The {@code source} objects as they should look in {@code targetNamespace}: references to the
   * source namespace in RoleBinding subjects point to the target (as a namespace mapping must).
   */
  public static Map<Key, Map<String, Object>> mapped(
      Map<Key, Map<String, Object>> source, String sourceNamespace, String targetNamespace) {
    Map<Key, Map<String, Object>> mapped = new TreeMap<>();
    source.forEach(
        (key, object) -> {
          Map<String, Object> copy = deepCopy(object);
          if (key.kind().equals("RoleBinding")) {
            for (Object subject : list(copy.get("subjects"))) {
              Map<String, Object> s = map(subject);
              if (sourceNamespace.equals(s.get("namespace"))) {
                s.put("namespace", targetNamespace);
              }
            }
          }
          mapped.put(key, copy);
        });
    return mapped;
  }

  /** Every difference between the expected and the actual objects, in key order. */
  public static List<Difference> compare(
      Map<Key, Map<String, Object>> expected, Map<Key, Map<String, Object>> actual) {
    List<Difference> differences = new ArrayList<>();
    TreeSet<Key> keys = new TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    for (Key key : keys) {
      Map<String, Object> want = expected.get(key);
      Map<String, Object> got = actual.get(key);
      if (want == null || got == null) {
        differences.add(new Difference(key, "", want == null ? null : key, got));
      } else {
        diff(key, "", want, got, differences);
      }
    }
    return differences;
  }

  /** A readable report of differences, for an assertion message (at most {@code limit} lines). */
  public static String describe(List<Difference> differences, int limit) {
    StringBuilder text = new StringBuilder();
    differences.stream().limit(limit).forEach(d -> text.append("\n  ").append(d));
    if (differences.size() > limit) {
      text.append("\n  … and ").append(differences.size() - limit).append(" more");
    }
    return text.toString();
  }

  private static void diff(
      Key key, String path, Object want, Object got, List<Difference> differences) {
    if (want instanceof Map<?, ?> w && got instanceof Map<?, ?> g) {
      TreeSet<String> fields = new TreeSet<>();
      w.keySet().forEach(k -> fields.add(String.valueOf(k)));
      g.keySet().forEach(k -> fields.add(String.valueOf(k)));
      for (String field : fields) {
        diff(key, path + "." + field, w.get(field), g.get(field), differences);
      }
    } else if (want instanceof List<?> w && got instanceof List<?> g && w.size() == g.size()) {
      for (int i = 0; i < w.size(); i++) {
        diff(key, path + "[" + i + "]", w.get(i), g.get(i), differences);
      }
    } else if (!Objects.equals(want, got)) {
      differences.add(new Difference(key, path, want, got));
    }
  }

  /**
   * A copy of {@code object} without what the apiserver, its controllers or Kubeward manage or
   * allocate (see the class comment).
   */
  public static Map<String, Object> normalize(Map<String, Object> object) {
    Map<String, Object> copy = deepCopy(object);
    copy.remove("status");
    String kind = String.valueOf(copy.get("kind"));
    Map<String, Object> metadata = map(copy.get("metadata"));
    DROPPED_METADATA.forEach(metadata::remove);
    dropPrefixed(metadata, "annotations");
    dropPrefixed(metadata, "labels");
    if (metadata.get("finalizers") instanceof List<?> finalizers) {
      List<Object> kept = new ArrayList<>();
      for (Object f : finalizers) {
        String name = String.valueOf(f);
        if (!name.startsWith("kubernetes.io/") && !name.equals("kubernetes")) {
          kept.add(f);
        }
      }
      if (kept.isEmpty()) {
        metadata.remove("finalizers");
      } else {
        metadata.put("finalizers", kept);
      }
    }
    Map<String, Object> spec = map(copy.get("spec"));
    if (kind.equals("Service")) {
      spec.remove("clusterIP");
      spec.remove("clusterIPs");
      spec.remove("healthCheckNodePort");
      for (Object port : list(spec.get("ports"))) {
        map(port).remove("nodePort");
      }
    }
    if (kind.equals("PersistentVolume")) {
      spec.remove("claimRef");
    }
    if (kind.equals("PersistentVolumeClaim")) {
      // the binding: set by the PV controller when it binds a claim, cleared by a restore whose
      // archive does not hold the volume (ADR 0042: the old volume is Released, bound to the
      // deleted claim's uid, and would never bind the restored claim)
      spec.remove("volumeName");
    }
    return copy;
  }

  private static void dropPrefixed(Map<String, Object> metadata, String field) {
    Map<String, Object> values = map(metadata.get(field));
    Iterator<String> keys = values.keySet().iterator();
    while (keys.hasNext()) {
      String key = keys.next();
      if (DROPPED_PREFIXES.stream().anyMatch(key::startsWith)) {
        keys.remove();
      }
    }
    if (values.isEmpty()) {
      metadata.remove(field);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  private static List<Object> list(Object value) {
    @SuppressWarnings("unchecked")
    List<Object> list = value instanceof List<?> l ? (List<Object>) l : List.of();
    return list;
  }

  @SuppressWarnings("unchecked")
  private static <T> T deepCopy(T value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
      return (T) copy;
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      l.forEach(v -> copy.add(deepCopy(v)));
      return (T) copy;
    }
    return value;
  }
}
