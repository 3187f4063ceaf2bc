package io.kubeward.hpa.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a VerticalPodAutoscaler given as a generic object (a JSON map) into a {@link VpaView}. */
public final class VpaViews {

  public static final String GROUP = "autoscaling.k8s.io";
  public static final String CRD = "verticalpodautoscalers." + GROUP;

  /** The VPA's default update mode when the spec names none. */
  public static final String DEFAULT_MODE = "Auto";

  private VpaViews() {}

  public static VpaView of(Map<String, Object> object) {
    Map<String, Object> metadata = map(object.get("metadata"));
    Map<String, Object> spec = map(object.get("spec"));
    Map<String, Object> ref = map(spec.get("targetRef"));
    Map<String, Object> policy = map(spec.get("updatePolicy"));
    Map<String, Object> recommendation = map(map(object.get("status")).get("recommendation"));
    List<VpaView.ContainerRecommendation> containers = new ArrayList<>();
    if (recommendation.get("containerRecommendations") instanceof List<?> list) {
      for (Object item : list) {
        Map<String, Object> c = map(item);
        containers.add(
            new VpaView.ContainerRecommendation(
                String.valueOf(c.get("containerName")),
                quantities(c.get("target")),
                quantities(c.get("lowerBound")),
                quantities(c.get("upperBound")),
                quantities(c.get("uncappedTarget"))));
      }
    }
    Object mode = policy.get("updateMode");
    return new VpaView(
        String.valueOf(metadata.get("namespace")),
        String.valueOf(metadata.get("name")),
        ref.get("kind") == null ? null : String.valueOf(ref.get("kind")),
        ref.get("name") == null ? null : String.valueOf(ref.get("name")),
        mode == null ? DEFAULT_MODE : String.valueOf(mode),
        containers);
  }

  private static Map<String, String> quantities(Object value) {
    Map<String, String> out = new LinkedHashMap<>();
    map(value).forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
