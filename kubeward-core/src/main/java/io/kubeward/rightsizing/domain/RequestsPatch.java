package io.kubeward.rightsizing.domain;

import io.fabric8.kubernetes.api.model.Quantity;
import io.kubeward.usage.domain.Units;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The strategic merge patch that changes exactly one container's requests in a workload's pod
 * template (containers merge by name, {@code resources.requests} by key: the other containers and
 * the limits stay as they are); a {@code null} request removes the key (a revert to "none"). The
 * workload's {@code resourceVersion} rides along, so a change made meanwhile makes the API server
 * refuse with a conflict instead of overwriting it.
 */
public final class RequestsPatch {

  private RequestsPatch() {}

  /** The workload kinds whose pod template can be patched. */
  public static final List<String> KINDS =
      List.of("Deployment", "StatefulSet", "DaemonSet", "CronJob");

  /**
   * The patch.
   *
   * @param requests the requests to write (null fields: remove); the limits in it are written only
   *     where not {@code null}
   */
  public static Map<String, Object> of(
      String workloadKind, String container, ContainerRequests requests, String resourceVersion) {
    if (!KINDS.contains(workloadKind)) {
      throw new IllegalArgumentException("a " + workloadKind + " cannot be right-sized");
    }
    Map<String, Object> resources = new LinkedHashMap<>();
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("cpu", requests.cpuRequest() == null ? null : Quantities.cpu(requests.cpuRequest()));
    req.put(
        "memory",
        requests.memoryRequest() == null ? null : Quantities.memory(requests.memoryRequest()));
    resources.put("requests", req);
    Map<String, Object> limits = new LinkedHashMap<>();
    if (requests.cpuLimit() != null) {
      limits.put("cpu", Quantities.cpu(requests.cpuLimit()));
    }
    if (requests.memoryLimit() != null) {
      limits.put("memory", Quantities.memory(requests.memoryLimit()));
    }
    if (!limits.isEmpty()) {
      resources.put("limits", limits);
    }
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", container);
    entry.put("resources", resources);
    Map<String, Object> template = Map.of("spec", Map.of("containers", List.of(entry)));
    Map<String, Object> spec =
        workloadKind.equals("CronJob")
            ? Map.of("jobTemplate", Map.of("spec", Map.of("template", template)))
            : Map.of("template", template);
    Map<String, Object> patch = new LinkedHashMap<>();
    if (resourceVersion != null) {
      patch.put("metadata", Map.of("resourceVersion", resourceVersion));
    }
    patch.put("spec", spec);
    return patch;
  }

  /** The requests and limits of {@code container} in a pod template (JSON-like maps), if any. */
  public static Optional<ContainerRequests> read(Map<String, Object> template, String container) {
    if (!(template.get("spec") instanceof Map<?, ?> spec)
        || !(spec.get("containers") instanceof List<?> containers)) {
      return Optional.empty();
    }
    for (Object c : containers) {
      if (c instanceof Map<?, ?> m && container.equals(m.get("name"))) {
        Map<?, ?> resources = m.get("resources") instanceof Map<?, ?> r ? r : Map.of();
        Map<?, ?> requests = resources.get("requests") instanceof Map<?, ?> r ? r : Map.of();
        Map<?, ?> limits = resources.get("limits") instanceof Map<?, ?> l ? l : Map.of();
        return Optional.of(
            new ContainerRequests(
                cpu(requests.get("cpu")),
                bytes(requests.get("memory")),
                cpu(limits.get("cpu")),
                bytes(limits.get("memory"))));
      }
    }
    return Optional.empty();
  }

  private static Long cpu(Object value) {
    return value == null ? null : Units.millis(new Quantity(value.toString()));
  }

  private static Long bytes(Object value) {
    return value == null ? null : Units.whole(new Quantity(value.toString()));
  }
}
