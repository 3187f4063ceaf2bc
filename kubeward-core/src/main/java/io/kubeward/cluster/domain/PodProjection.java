package io.kubeward.cluster.domain;

import static io.kubeward.cluster.domain.ProjectionSupport.createdAt;
import static io.kubeward.cluster.domain.ProjectionSupport.intern;
import static io.kubeward.cluster.domain.ProjectionSupport.labels;
import static io.kubeward.cluster.domain.ProjectionSupport.millis;
import static io.kubeward.cluster.domain.ProjectionSupport.owner;
import static io.kubeward.cluster.domain.ProjectionSupport.whole;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pods to {@link PodView}s: placement, phase, readiness, restarts, the one most specific problem
 * and the effective requests and limits as the scheduler counts them.
 */
public final class PodProjection {

  private PodProjection() {}

  public static PodView pod(Pod pod) {
    ObjectMeta meta = pod.getMetadata();
    PodStatus status = pod.getStatus();
    PodSpec spec = pod.getSpec();
    int containers = spec == null || spec.getContainers() == null ? 0 : spec.getContainers().size();
    int ready = 0;
    int restarts = 0;
    if (status != null && status.getContainerStatuses() != null) {
      for (ContainerStatus container : status.getContainerStatuses()) {
        if (Boolean.TRUE.equals(container.getReady())) {
          ready++;
        }
        restarts += container.getRestartCount() == null ? 0 : container.getRestartCount();
      }
    }
    return new PodView(
        intern(meta.getNamespace()),
        meta.getName(),
        meta.getUid(),
        meta.getResourceVersion(),
        createdAt(meta),
        labels(meta),
        owner(meta),
        intern(spec == null ? null : spec.getNodeName()),
        PodPhase.parse(status == null ? null : status.getPhase()),
        problemOf(pod),
        (ready + "/" + containers).intern(),
        restarts,
        status == null ? null : status.getPodIP(),
        podResources(spec, true),
        podResources(spec, false),
        containers(spec));
  }

  /** The regular containers with their own requests and limits (CPU and memory only). */
  static List<ContainerResources> containers(PodSpec spec) {
    if (spec == null || spec.getContainers() == null || spec.getContainers().isEmpty()) {
      return List.of();
    }
    List<ContainerResources> out = new ArrayList<>(spec.getContainers().size());
    for (Container container : spec.getContainers()) {
      Resources requests = containerResources(container.getResources(), true);
      Resources limits = containerResources(container.getResources(), false);
      out.add(
          new ContainerResources(
              intern(container.getName()),
              requests.cpuMillis(),
              requests.memoryBytes(),
              limits.cpuMillis(),
              limits.memoryBytes()));
    }
    return List.copyOf(out);
  }

  /**
   * A pod's effective requests (or limits) as the scheduler counts them: the larger of the sum over
   * its containers and the largest init container, plus the pod overhead; {@code pods} is 1.
   */
  static Resources podResources(PodSpec spec, boolean requests) {
    if (spec == null) {
      return new Resources(0, 0, 1, 0);
    }
    Resources sum = Resources.ZERO;
    if (spec.getContainers() != null) {
      for (Container container : spec.getContainers()) {
        sum = sum.plus(containerResources(container.getResources(), requests));
      }
    }
    if (spec.getInitContainers() != null) {
      for (Container container : spec.getInitContainers()) {
        sum = sum.max(containerResources(container.getResources(), requests));
      }
    }
    if (spec.getOverhead() != null) {
      sum = sum.plus(resources(spec.getOverhead()));
    }
    return new Resources(sum.cpuMillis(), sum.memoryBytes(), 1, sum.ephemeralStorageBytes());
  }

  private static Resources containerResources(ResourceRequirements resources, boolean requests) {
    if (resources == null) {
      return Resources.ZERO;
    }
    Map<String, Quantity> values = requests ? resources.getRequests() : resources.getLimits();
    if (requests && (values == null || values.isEmpty())) {
      // Kubernetes defaults requests to limits when only limits are set.
      values = resources.getLimits();
    } else if (requests && resources.getLimits() != null) {
      Map<String, Quantity> merged = new HashMap<>(resources.getLimits());
      merged.putAll(values);
      values = merged;
    }
    return values == null ? Resources.ZERO : resources(values);
  }

  private static Resources resources(Map<String, Quantity> values) {
    return new Resources(
        millis(values.get("cpu")),
        whole(values.get("memory")),
        0,
        whole(values.get("ephemeral-storage")));
  }

  /**
   * The single most specific problem of a pod, or {@code null}. Precedence: {@link
   * PodProblem#EVICTED}, then {@link PodProblem#UNSCHEDULABLE}, then the container problems in the
   * order image pull, config error, OOMKilled, CrashLoopBackOff, over init containers first. A
   * container crash-looping after being OOM-killed counts as {@link PodProblem#OOM_KILLED}: the
   * root cause is what an operator acts on. Succeeded pods have no problem.
   */
  public static PodProblem problemOf(Pod pod) {
    PodStatus status = pod.getStatus();
    if (status == null || "Succeeded".equals(status.getPhase())) {
      return null;
    }
    if ("Failed".equals(status.getPhase()) && "Evicted".equals(status.getReason())) {
      return PodProblem.EVICTED;
    }
    if (isUnschedulable(status)) {
      return PodProblem.UNSCHEDULABLE;
    }
    List<ContainerStatus> containers = new ArrayList<>();
    addAll(containers, status.getInitContainerStatuses());
    addAll(containers, status.getContainerStatuses());
    PodProblem worst = null;
    for (ContainerStatus container : containers) {
      PodProblem problem = problemOf(container);
      if (problem != null && (worst == null || problem.ordinal() < worst.ordinal())) {
        worst = problem;
      }
    }
    return worst;
  }

  private static boolean isUnschedulable(PodStatus status) {
    if (status.getConditions() == null) {
      return false;
    }
    for (PodCondition condition : status.getConditions()) {
      if ("PodScheduled".equals(condition.getType())
          && "False".equals(condition.getStatus())
          && "Unschedulable".equals(condition.getReason())) {
        return true;
      }
    }
    return false;
  }

  private static PodProblem problemOf(ContainerStatus container) {
    ContainerStateWaiting waiting =
        container.getState() == null ? null : container.getState().getWaiting();
    ContainerStateTerminated terminated =
        container.getState() == null ? null : container.getState().getTerminated();
    ContainerStateTerminated last =
        container.getLastState() == null ? null : container.getLastState().getTerminated();

    PodProblem fromWaiting =
        waiting == null ? null : PodProblem.fromContainerReason(waiting.getReason());
    if (terminated != null && "OOMKilled".equals(terminated.getReason())) {
      return PodProblem.OOM_KILLED;
    }
    if (fromWaiting == PodProblem.CRASH_LOOP_BACK_OFF
        && last != null
        && "OOMKilled".equals(last.getReason())) {
      return PodProblem.OOM_KILLED;
    }
    return fromWaiting;
  }

  private static <T> void addAll(List<T> target, List<T> source) {
    if (source != null) {
      target.addAll(source);
    }
  }
}
