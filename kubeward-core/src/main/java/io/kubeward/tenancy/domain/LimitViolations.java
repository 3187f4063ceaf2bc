package io.kubeward.tenancy.domain;

import io.kubeward.cluster.domain.ContainerResources;
import io.kubeward.cluster.domain.PodView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The violation preview: which existing pods (grouped by workload, one violation per workload,
 * container and rule) a proposed ResourceQuota or LimitRange would refuse on their next rollout, as
 * the apiserver's admission would (ResourceQuota: a new pod must fit the remaining quota and must
 * name requests/limits for every compute resource the quota tracks; LimitRanger: requests at least
 * {@code min}, limits at most {@code max}, limit/request at most the ratio, with the proposed
 * defaults filling missing values). Pods that are finished (Succeeded/Failed) are not counted.
 */
public final class LimitViolations {

  private static final List<String> COMPUTE =
      List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory", "cpu", "memory");

  private LimitViolations() {}

  /**
   * @param hard the proposed hard values
   * @param used the quota's current {@code status.used} (empty for a new quota)
   * @param workloadOf names the workload of a pod
   */
  public static List<Violation> quota(
      Map<String, String> hard,
      Map<String, String> used,
      List<PodView> pods,
      Function<PodView, String> workloadOf) {
    Map<String, String> checked = QuantityBounds.check("quota", hard);
    List<Violation> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Map.Entry<String, String> e : checked.entrySet()) {
      String resource = e.getKey();
      long limit = QuantityBounds.millisOrUnits(resource, e.getValue());
      String now = used.get(resource);
      if (now != null && QuantityBounds.millisOrUnits(resource, now) > limit) {
        out.add(
            new Violation(
                null,
                null,
                null,
                resource,
                "quota-exceeded",
                resource
                    + ": "
                    + now
                    + " is used, more than the new "
                    + e.getValue()
                    + "; no new pod that needs it is admitted until usage falls below",
                resource
                    + "：已使用 "
                    + now
                    + "，超过新的上限 "
                    + e.getValue()
                    + "；在用量降下来之前，需要它的新 Pod 都会被拒绝"));
      }
      if (!COMPUTE.contains(resource)) {
        continue;
      }
      for (PodView pod : running(pods)) {
        for (ContainerResources c : pod.containers()) {
          long value = containerValue(resource, c);
          String workload = workloadOf.apply(pod);
          if (value == 0 && seen.add(workload + "|" + c.name() + "|" + resource + "|missing")) {
            out.add(
                new Violation(
                    workload,
                    pod.name(),
                    c.name(),
                    resource,
                    "quota-missing-request",
                    workload
                        + ", container "
                        + c.name()
                        + ": sets no "
                        + words(resource)
                        + ", which the quota tracks; its next pod is refused",
                    workload
                        + " 的容器 "
                        + c.name()
                        + " 未设置 "
                        + words(resource)
                        + "，而配额限制了它；下次创建 Pod 时会被拒绝"));
          }
        }
        long podValue = podValue(resource, pod);
        String workload = workloadOf.apply(pod);
        if (podValue > limit && seen.add(workload + "|" + resource + "|large")) {
          out.add(
              new Violation(
                  workload,
                  pod.name(),
                  null,
                  resource,
                  "quota-pod-too-large",
                  workload
                      + ": one pod needs "
                      + format(resource, podValue)
                      + " of "
                      + resource
                      + ", more than the whole new quota "
                      + e.getValue()
                      + "; its next pod can never be admitted",
                  workload
                      + "：单个 Pod 需要 "
                      + format(resource, podValue)
                      + " 的 "
                      + resource
                      + "，超过整个新配额 "
                      + e.getValue()
                      + "；下次创建 Pod 时一定会被拒绝"));
        }
      }
    }
    return out;
  }

  /** Per container, the LimitRanger rules of a proposed {@code type: Container} limit range. */
  public static List<Violation> limitRange(
      LimitRangeSpec spec, List<PodView> pods, Function<PodView, String> workloadOf) {
    List<Violation> out = new ArrayList<>();
    Map<String, Violation> unique = new LinkedHashMap<>();
    for (PodView pod : running(pods)) {
      String workload = workloadOf.apply(pod);
      for (ContainerResources c : pod.containers()) {
        for (String resource : List.of("cpu", "memory")) {
          long request = resource.equals("cpu") ? c.cpuRequest() : c.memoryRequest();
          long limit = resource.equals("cpu") ? c.cpuLimit() : c.memoryLimit();
          if (limit == 0 && spec.defaultLimits().containsKey(resource)) {
            limit = QuantityBounds.millisOrUnits(resource, spec.defaultLimits().get(resource));
          }
          if (request == 0) {
            if (spec.defaultRequests().containsKey(resource)) {
              request =
                  QuantityBounds.millisOrUnits(resource, spec.defaultRequests().get(resource));
            } else if (limit > 0) {
              request = limit;
            }
          }
          String key = workload + "|" + c.name() + "|" + resource + "|";
          String min = spec.min().get(resource);
          if (min != null) {
            long minValue = QuantityBounds.millisOrUnits(resource, min);
            if (request == 0) {
              put(
                  unique,
                  key + "missing-request",
                  violation(
                      workload,
                      pod,
                      c,
                      resource,
                      "missing-request",
                      "sets no " + resource + " request; the minimum " + min + " requires one",
                      "未设置 " + resource + " 请求值；最小值 " + min + " 要求设置"));
            } else if (request < minValue) {
              put(
                  unique,
                  key + "below-min",
                  violation(
                      workload,
                      pod,
                      c,
                      resource,
                      "below-min",
                      "requests "
                          + format(resource, request)
                          + " "
                          + resource
                          + ", below the minimum "
                          + min,
                      resource + " 请求值 " + format(resource, request) + " 低于最小值 " + min));
            }
          }
          String max = spec.max().get(resource);
          if (max != null) {
            long maxValue = QuantityBounds.millisOrUnits(resource, max);
            if (limit == 0) {
              put(
                  unique,
                  key + "missing-limit",
                  violation(
                      workload,
                      pod,
                      c,
                      resource,
                      "missing-limit",
                      "sets no " + resource + " limit; the maximum " + max + " requires one",
                      "未设置 " + resource + " 限制值；最大值 " + max + " 要求设置"));
            } else if (limit > maxValue) {
              put(
                  unique,
                  key + "above-max",
                  violation(
                      workload,
                      pod,
                      c,
                      resource,
                      "above-max",
                      "limits "
                          + resource
                          + " to "
                          + format(resource, limit)
                          + ", above the maximum "
                          + max,
                      resource + " 限制值 " + format(resource, limit) + " 超过最大值 " + max));
            }
          }
          String ratio = spec.maxLimitRequestRatio().get(resource);
          if (ratio != null && limit > 0 && request > 0) {
            BigDecimal actual =
                BigDecimal.valueOf(limit).divide(BigDecimal.valueOf(request), 3, RoundingMode.UP);
            if (actual.compareTo(QuantityBounds.amount("ratio", ratio)) > 0) {
              put(
                  unique,
                  key + "ratio",
                  violation(
                      workload,
                      pod,
                      c,
                      resource,
                      "ratio",
                      resource
                          + " limit/request is "
                          + actual.stripTrailingZeros().toPlainString()
                          + ", above the allowed "
                          + ratio,
                      resource
                          + " 限制值/请求值 为 "
                          + actual.stripTrailingZeros().toPlainString()
                          + "，超过允许的 "
                          + ratio));
            }
          }
        }
      }
    }
    out.addAll(unique.values());
    return out;
  }

  private static void put(Map<String, Violation> unique, String key, Violation violation) {
    unique.putIfAbsent(key, violation);
  }

  private static Violation violation(
      String workload,
      PodView pod,
      ContainerResources c,
      String resource,
      String rule,
      String en,
      String zh) {
    return new Violation(
        workload,
        pod.name(),
        c.name(),
        resource,
        rule,
        workload + ", container " + c.name() + ": " + en + "; its next pod is refused",
        workload + " 的容器 " + c.name() + "：" + zh + "；下次创建 Pod 时会被拒绝");
  }

  private static List<PodView> running(List<PodView> pods) {
    Map<String, PodView> sorted = new TreeMap<>();
    for (PodView pod : pods) {
      String phase = pod.phase() == null ? "" : pod.phase().name();
      if (!phase.equals("SUCCEEDED") && !phase.equals("FAILED")) {
        sorted.put(pod.name(), pod);
      }
    }
    return List.copyOf(sorted.values());
  }

  private static long containerValue(String resource, ContainerResources c) {
    return switch (resource) {
      case "requests.cpu", "cpu" -> c.cpuRequest();
      case "requests.memory", "memory" -> c.memoryRequest();
      case "limits.cpu" -> c.cpuLimit();
      case "limits.memory" -> c.memoryLimit();
      default -> 1;
    };
  }

  private static long podValue(String resource, PodView pod) {
    return switch (resource) {
      case "requests.cpu", "cpu" -> pod.requests().cpuMillis();
      case "requests.memory", "memory" -> pod.requests().memoryBytes();
      case "limits.cpu" -> pod.limits().cpuMillis();
      case "limits.memory" -> pod.limits().memoryBytes();
      default -> 0;
    };
  }

  private static String words(String resource) {
    return resource.startsWith("limits.")
        ? resource.substring(7) + " limit"
        : resource.replace("requests.", "") + " request";
  }

  static String format(String resource, long value) {
    return resource.endsWith("cpu") ? value + "m" : value + "";
  }
}
