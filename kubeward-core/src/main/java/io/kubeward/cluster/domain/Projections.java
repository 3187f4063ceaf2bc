package io.kubeward.cluster.domain;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pure functions from full Kubernetes objects to the compact views the cache keeps. They run once
 * per watch event; the full object is garbage right after.
 */
public final class Projections {

  public static final String ZONE_LABEL = "topology.kubernetes.io/zone";
  static final String LEGACY_ZONE_LABEL = "failure-domain.beta.kubernetes.io/zone";

  private Projections() {}

  public static PodView pod(Pod pod) {
    ObjectMeta meta = pod.getMetadata();
    PodStatus status = pod.getStatus();
    String nodeName = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    return new PodView(
        meta.getNamespace(),
        meta.getName(),
        meta.getUid(),
        nodeName,
        PodPhase.parse(status == null ? null : status.getPhase()),
        problemOf(pod),
        meta.getResourceVersion());
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

  public static NodeView node(Node node) {
    ObjectMeta meta = node.getMetadata();
    boolean ready = false;
    Map<String, Quantity> allocatable = Map.of();
    String kubeletVersion = null;
    if (node.getStatus() != null) {
      if (node.getStatus().getConditions() != null) {
        for (NodeCondition condition : node.getStatus().getConditions()) {
          if ("Ready".equals(condition.getType())) {
            ready = "True".equals(condition.getStatus());
          }
        }
      }
      if (node.getStatus().getAllocatable() != null) {
        allocatable = node.getStatus().getAllocatable();
      }
      if (node.getStatus().getNodeInfo() != null) {
        kubeletVersion = node.getStatus().getNodeInfo().getKubeletVersion();
      }
    }
    boolean unschedulable =
        node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
    return new NodeView(
        meta.getName(),
        meta.getUid(),
        ready,
        unschedulable,
        zoneOf(meta),
        new Resources(
            millis(allocatable.get("cpu")),
            whole(allocatable.get("memory")),
            whole(allocatable.get("pods"))),
        kubeletVersion,
        meta.getResourceVersion());
  }

  private static String zoneOf(ObjectMeta meta) {
    Map<String, String> labels = meta.getLabels();
    if (labels == null) {
      return null;
    }
    String zone = labels.get(ZONE_LABEL);
    return zone != null ? zone : labels.get(LEGACY_ZONE_LABEL);
  }

  /** A quantity in thousandths, rounded up (CPU {@code 100m} is 100, {@code 2} is 2000). */
  static long millis(Quantity quantity) {
    if (quantity == null) {
      return 0;
    }
    return Quantity.getAmountInBytes(quantity)
        .multiply(BigDecimal.valueOf(1000))
        .setScale(0, RoundingMode.CEILING)
        .longValueExact();
  }

  /** A quantity as a whole number, rounded up ({@code 1Ki} is 1024). */
  static long whole(Quantity quantity) {
    if (quantity == null) {
      return 0;
    }
    return Quantity.getAmountInBytes(quantity).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  public static DeploymentView deployment(Deployment deployment) {
    ObjectMeta meta = deployment.getMetadata();
    DeploymentSpec spec = deployment.getSpec();
    DeploymentStatus status = deployment.getStatus();
    // spec.replicas defaults to 1 when unset.
    int desired = spec == null || spec.getReplicas() == null ? 1 : spec.getReplicas();
    return new DeploymentView(
        meta.getNamespace(),
        meta.getName(),
        meta.getUid(),
        desired,
        status == null ? 0 : zeroIfNull(status.getReadyReplicas()),
        status == null ? 0 : zeroIfNull(status.getAvailableReplicas()),
        status == null ? 0 : zeroIfNull(status.getUpdatedReplicas()),
        meta.getResourceVersion());
  }

  private static int zeroIfNull(Integer value) {
    return value == null ? 0 : value;
  }

  public static NamespaceView namespace(Namespace namespace) {
    ObjectMeta meta = namespace.getMetadata();
    String phase = namespace.getStatus() == null ? null : namespace.getStatus().getPhase();
    return new NamespaceView(meta.getName(), meta.getUid(), phase, meta.getResourceVersion());
  }

  public static ServiceView service(Service service) {
    ObjectMeta meta = service.getMetadata();
    String type = service.getSpec() == null ? null : service.getSpec().getType();
    return new ServiceView(
        meta.getNamespace(), meta.getName(), meta.getUid(), type, meta.getResourceVersion());
  }
}
