package io.kubeward.release.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The new version applied to a pod template (as a JSON map): first {@code podTemplatePatch} as a
 * strategic merge patch in the common cases (maps merge, {@code null} deletes a key, lists of
 * objects with a {@code name} — containers, env, ports, volumes — merge by name, other lists are
 * replaced), then {@code images} by container name (containers and init containers). Pure.
 */
public final class NewVersion {

  private NewVersion() {}

  public static Map<String, Object> apply(
      Map<String, Object> template, ReleaseSpec.ReleaseVersion v) {
    Map<String, Object> result = deepCopy(template);
    if (v.podTemplatePatch() != null) {
      result = merge(result, v.podTemplatePatch());
    }
    if (v.images() != null && !v.images().isEmpty()) {
      Object spec = result.get("spec");
      if (spec instanceof Map<?, ?> podSpec) {
        setImages(podSpec.get("containers"), v.images());
        setImages(podSpec.get("initContainers"), v.images());
      }
    }
    return result;
  }

  /** The container names of a template (for validation: an image for an unknown container). */
  public static List<String> containerNames(Map<String, Object> template) {
    List<String> names = new ArrayList<>();
    if (template.get("spec") instanceof Map<?, ?> spec) {
      for (String key : List.of("containers", "initContainers")) {
        if (spec.get(key) instanceof List<?> list) {
          for (Object c : list) {
            if (c instanceof Map<?, ?> m && m.get("name") instanceof String n) {
              names.add(n);
            }
          }
        }
      }
    }
    return names;
  }

  @SuppressWarnings("unchecked")
  private static void setImages(Object containers, Map<String, String> images) {
    if (containers instanceof List<?> list) {
      for (Object c : list) {
        if (c instanceof Map<?, ?> m && m.get("name") instanceof String name) {
          String image = images.get(name);
          if (image != null) {
            ((Map<String, Object>) m).put("image", image);
          }
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> merge(Map<String, Object> target, Map<String, Object> patch) {
    Map<String, Object> out = new LinkedHashMap<>(target);
    for (Map.Entry<String, Object> e : patch.entrySet()) {
      Object p = e.getValue();
      Object t = out.get(e.getKey());
      if (p == null) {
        out.remove(e.getKey());
      } else if (p instanceof Map<?, ?> pm && t instanceof Map<?, ?> tm) {
        out.put(e.getKey(), merge((Map<String, Object>) tm, (Map<String, Object>) pm));
      } else if (p instanceof List<?> pl && t instanceof List<?> tl && byName(pl) && byName(tl)) {
        out.put(e.getKey(), mergeByName((List<Object>) tl, (List<Object>) pl));
      } else {
        out.put(e.getKey(), deepCopyValue(p));
      }
    }
    return out;
  }

  private static boolean byName(List<?> list) {
    return !list.isEmpty()
        && list.stream().allMatch(o -> o instanceof Map<?, ?> m && m.get("name") instanceof String);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> mergeByName(List<Object> target, List<Object> patch) {
    List<Object> out = new ArrayList<>();
    for (Object t : target) {
      out.add(deepCopyValue(t));
    }
    for (Object p : patch) {
      Map<String, Object> pm = (Map<String, Object>) p;
      int at = -1;
      for (int i = 0; i < out.size(); i++) {
        if (Objects.equals(((Map<String, Object>) out.get(i)).get("name"), pm.get("name"))) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        out.add(deepCopyValue(pm));
      } else {
        out.set(at, merge((Map<String, Object>) out.get(at), pm));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> deepCopy(Map<String, Object> map) {
    return (Map<String, Object>) deepCopyValue(map);
  }

  @SuppressWarnings("unchecked")
  private static Object deepCopyValue(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put((String) k, deepCopyValue(v)));
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(deepCopyValue(v)));
      return out;
    }
    return value;
  }
}
