package io.kubeward.workload.domain.ops;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The patches the operations send, built here without I/O, each as kubectl builds it: merge patches
 * for replicas, pause and suspend, a strategic merge patch for restart and set image, a JSON patch
 * replacing the pod template for a Deployment's rollback ({@code kubectl rollout undo}).
 */
public final class WorkloadPatches {

  /** The template annotation {@code kubectl rollout restart} sets. */
  public static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

  /** Labels the controllers add to a revision's template; kubectl strips them too. */
  public static final List<String> HASH_LABELS =
      List.of("pod-template-hash", "controller-revision-hash");

  private WorkloadPatches() {}

  /** {@code {"spec":{"replicas":n}}} (merge patch). */
  public static Map<String, Object> replicas(int replicas) {
    return Map.of("spec", Map.of("replicas", replicas));
  }

  /** {@code {"spec":{"paused":p}}} (merge patch). */
  public static Map<String, Object> paused(boolean paused) {
    return Map.of("spec", Map.of("paused", paused));
  }

  /** {@code {"spec":{"suspend":s}}} (merge patch of a CronJob). */
  public static Map<String, Object> suspend(boolean suspend) {
    return Map.of("spec", Map.of("suspend", suspend));
  }

  /** The restart annotation on the pod template, in RFC 3339 seconds like kubectl. */
  public static Map<String, Object> restart(Instant now) {
    String at = now.truncatedTo(ChronoUnit.SECONDS).toString();
    return Map.of(
        "spec",
        Map.of("template", Map.of("metadata", Map.of("annotations", Map.of(RESTARTED_AT, at)))));
  }

  /**
   * Strategic merge patch setting images by container name; {@code initContainers} names those of
   * the images that belong to init containers. {@code cronJob}: the template sits under {@code
   * spec.jobTemplate.spec.template}.
   */
  public static Map<String, Object> images(
      Map<String, String> containers, Map<String, String> initContainers, boolean cronJob) {
    Map<String, Object> podSpec = new LinkedHashMap<>();
    if (!containers.isEmpty()) {
      podSpec.put("containers", named(containers));
    }
    if (!initContainers.isEmpty()) {
      podSpec.put("initContainers", named(initContainers));
    }
    Map<String, Object> template = Map.of("template", Map.of("spec", podSpec));
    return cronJob
        ? Map.of("spec", Map.of("jobTemplate", Map.of("spec", template)))
        : Map.of("spec", template);
  }

  private static List<Map<String, Object>> named(Map<String, String> images) {
    List<Map<String, Object>> list = new ArrayList<>();
    images.forEach((name, image) -> list.add(Map.of("name", name, "image", image)));
    return list;
  }

  /**
   * A Deployment's rollback as {@code kubectl rollout undo --to-revision} does it: a JSON patch
   * replacing {@code spec.template} by the revision's template without the hash labels.
   */
  public static List<Map<String, Object>> rollbackDeployment(Map<String, Object> template) {
    return List.of(
        Map.of("op", "replace", "path", "/spec/template", "value", withoutHashLabels(template)));
  }

  /** A deep copy of a pod template without {@link #HASH_LABELS} (and no empty labels map). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> withoutHashLabels(Map<String, Object> template) {
    Map<String, Object> copy = (Map<String, Object>) deepCopy(template);
    if (copy.get("metadata") instanceof Map<?, ?> metadata
        && metadata.get("labels") instanceof Map<?, ?> labels) {
      Map<String, Object> kept = new LinkedHashMap<>((Map<String, Object>) labels);
      HASH_LABELS.forEach(kept::remove);
      Map<String, Object> meta = (Map<String, Object>) metadata;
      if (kept.isEmpty()) {
        meta.remove("labels");
      } else {
        meta.put("labels", kept);
      }
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Object deepCopy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(deepCopy(v)));
      return copy;
    }
    return value;
  }
}
