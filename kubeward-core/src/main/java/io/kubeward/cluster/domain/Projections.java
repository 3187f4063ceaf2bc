package io.kubeward.cluster.domain;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pure functions from full Kubernetes objects to the compact views the cache keeps. They run once
 * per watch event; the full object is garbage right after. Strings that repeat across many objects
 * (namespaces, node names, label keys and values, owner kinds) are interned so that 30,000 pods of
 * a few hundred Deployments share them.
 */
public final class Projections {

  public static final String ZONE_LABEL = "topology.kubernetes.io/zone";
  static final String LEGACY_ZONE_LABEL = "failure-domain.beta.kubernetes.io/zone";
  static final int MAX_MESSAGE = 512;

  private Projections() {}

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
        podResources(spec, false));
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

  /** The label prefix of node roles ({@code node-role.kubernetes.io/<role>}). */
  public static final String ROLE_LABEL_PREFIX = "node-role.kubernetes.io/";

  public static NodeView node(Node node) {
    ObjectMeta meta = node.getMetadata();
    boolean ready = false;
    List<String> pressures = new ArrayList<>();
    List<NodeConditionView> conditions = new ArrayList<>();
    Map<String, Quantity> allocatable = Map.of();
    Map<String, Quantity> capacity = Map.of();
    NodeVersions versions = NodeVersions.UNKNOWN;
    if (node.getStatus() != null) {
      if (node.getStatus().getConditions() != null) {
        for (NodeCondition condition : node.getStatus().getConditions()) {
          if ("Ready".equals(condition.getType())) {
            ready = "True".equals(condition.getStatus());
          } else if ("True".equals(condition.getStatus()) && condition.getType() != null) {
            pressures.add(condition.getType().intern());
          }
          if (condition.getType() != null) {
            conditions.add(
                new NodeConditionView(
                    condition.getType().intern(),
                    intern(condition.getStatus()),
                    intern(condition.getReason()),
                    intern(condition.getMessage()),
                    instant(condition.getLastTransitionTime())));
          }
        }
      }
      if (node.getStatus().getAllocatable() != null) {
        allocatable = node.getStatus().getAllocatable();
      }
      if (node.getStatus().getCapacity() != null) {
        capacity = node.getStatus().getCapacity();
      }
      NodeSystemInfo info = node.getStatus().getNodeInfo();
      if (info != null) {
        versions =
            new NodeVersions(
                intern(info.getKubeletVersion()),
                intern(info.getKubeProxyVersion()),
                intern(info.getOsImage()),
                intern(info.getKernelVersion()),
                intern(info.getContainerRuntimeVersion()));
      }
    }
    boolean unschedulable =
        node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
    return new NodeView(
        intern(meta.getName()),
        meta.getUid(),
        meta.getResourceVersion(),
        createdAt(meta),
        labels(meta),
        ready,
        unschedulable,
        zoneOf(meta),
        List.copyOf(pressures),
        nodeResources(capacity),
        nodeResources(allocatable),
        versions.kubelet(),
        rolesOf(meta),
        taintsOf(node),
        List.copyOf(conditions),
        versions);
  }

  private static List<String> rolesOf(ObjectMeta meta) {
    if (meta.getLabels() == null) {
      return List.of();
    }
    List<String> roles = new ArrayList<>();
    for (String key : meta.getLabels().keySet()) {
      if (key.startsWith(ROLE_LABEL_PREFIX) && key.length() > ROLE_LABEL_PREFIX.length()) {
        roles.add(key.substring(ROLE_LABEL_PREFIX.length()).intern());
      }
    }
    roles.sort(null);
    return List.copyOf(roles);
  }

  private static List<NodeTaint> taintsOf(Node node) {
    if (node.getSpec() == null || node.getSpec().getTaints() == null) {
      return List.of();
    }
    List<NodeTaint> taints = new ArrayList<>();
    for (Taint taint : node.getSpec().getTaints()) {
      taints.add(
          new NodeTaint(
              intern(taint.getKey()), intern(taint.getValue()), intern(taint.getEffect())));
    }
    return List.copyOf(taints);
  }

  private static Instant instant(String timestamp) {
    if (timestamp == null) {
      return null;
    }
    try {
      return Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Resources nodeResources(Map<String, Quantity> values) {
    return new Resources(
        millis(values.get("cpu")),
        whole(values.get("memory")),
        whole(values.get("pods")),
        whole(values.get("ephemeral-storage")));
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
        intern(meta.getNamespace()),
        meta.getName(),
        meta.getUid(),
        meta.getResourceVersion(),
        createdAt(meta),
        labels(meta),
        desired,
        status == null ? 0 : zeroIfNull(status.getReadyReplicas()),
        status == null ? 0 : zeroIfNull(status.getAvailableReplicas()),
        status == null ? 0 : zeroIfNull(status.getUpdatedReplicas()));
  }

  private static int zeroIfNull(Integer value) {
    return value == null ? 0 : value;
  }

  public static NamespaceView namespace(Namespace namespace) {
    ObjectMeta meta = namespace.getMetadata();
    String phase = namespace.getStatus() == null ? null : namespace.getStatus().getPhase();
    return new NamespaceView(
        intern(meta.getName()),
        meta.getUid(),
        meta.getResourceVersion(),
        createdAt(meta),
        labels(meta),
        intern(phase));
  }

  public static ServiceView service(Service service) {
    ObjectMeta meta = service.getMetadata();
    String type = null;
    String clusterIp = null;
    List<String> ports = new ArrayList<>();
    if (service.getSpec() != null) {
      type = intern(service.getSpec().getType());
      clusterIp = service.getSpec().getClusterIP();
      if (service.getSpec().getPorts() != null) {
        for (ServicePort port : service.getSpec().getPorts()) {
          ports.add(
              port.getPort() + "/" + (port.getProtocol() == null ? "TCP" : port.getProtocol()));
        }
      }
    }
    return new ServiceView(
        intern(meta.getNamespace()),
        meta.getName(),
        meta.getUid(),
        meta.getResourceVersion(),
        createdAt(meta),
        labels(meta),
        type,
        clusterIp,
        String.join(",", ports));
  }

  public static ObjectView replicaSet(ReplicaSet object) {
    var spec = object.getSpec();
    var status = object.getStatus();
    int desired = spec == null || spec.getReplicas() == null ? 1 : spec.getReplicas();
    int ready = status == null ? 0 : zeroIfNull(status.getReadyReplicas());
    int available = status == null ? 0 : zeroIfNull(status.getAvailableReplicas());
    return view(
        object,
        ready >= desired ? "Ready" : "Progressing",
        fields("desired", desired, "ready", ready, "available", available));
  }

  public static ObjectView statefulSet(StatefulSet object) {
    var spec = object.getSpec();
    var status = object.getStatus();
    int desired = spec == null || spec.getReplicas() == null ? 1 : spec.getReplicas();
    int ready = status == null ? 0 : zeroIfNull(status.getReadyReplicas());
    int updated = status == null ? 0 : zeroIfNull(status.getUpdatedReplicas());
    return view(
        object,
        ready >= desired ? "Ready" : "Progressing",
        fields("desired", desired, "ready", ready, "updated", updated));
  }

  public static ObjectView daemonSet(DaemonSet object) {
    var status = object.getStatus();
    int desired = status == null ? 0 : zeroIfNull(status.getDesiredNumberScheduled());
    int ready = status == null ? 0 : zeroIfNull(status.getNumberReady());
    int available = status == null ? 0 : zeroIfNull(status.getNumberAvailable());
    int updated = status == null ? 0 : zeroIfNull(status.getUpdatedNumberScheduled());
    return view(
        object,
        ready >= desired ? "Ready" : "Progressing",
        fields("desired", desired, "ready", ready, "available", available, "updated", updated));
  }

  public static ObjectView job(Job object) {
    var spec = object.getSpec();
    var status = object.getStatus();
    String state = "Running";
    if (status != null && status.getConditions() != null) {
      for (JobCondition condition : status.getConditions()) {
        if ("True".equals(condition.getStatus())
            && ("Complete".equals(condition.getType()) || "Failed".equals(condition.getType()))) {
          state = condition.getType();
        }
      }
    }
    if (spec != null && Boolean.TRUE.equals(spec.getSuspend()) && "Running".equals(state)) {
      state = "Suspended";
    }
    return view(
        object,
        state,
        fields(
            "completions",
            spec == null || spec.getCompletions() == null ? 1 : spec.getCompletions(),
            "succeeded",
            status == null ? 0 : zeroIfNull(status.getSucceeded()),
            "failed",
            status == null ? 0 : zeroIfNull(status.getFailed()),
            "active",
            status == null ? 0 : zeroIfNull(status.getActive())));
  }

  public static ObjectView cronJob(CronJob object) {
    var spec = object.getSpec();
    var status = object.getStatus();
    boolean suspended = spec != null && Boolean.TRUE.equals(spec.getSuspend());
    return view(
        object,
        suspended ? "Suspended" : "Scheduled",
        fields(
            "schedule",
            spec == null ? null : spec.getSchedule(),
            "active",
            status == null || status.getActive() == null ? 0 : status.getActive().size(),
            "lastSchedule",
            status == null ? null : status.getLastScheduleTime()));
  }

  public static ObjectView endpointSlice(EndpointSlice object) {
    int endpoints = 0;
    int ready = 0;
    if (object.getEndpoints() != null) {
      for (Endpoint endpoint : object.getEndpoints()) {
        endpoints++;
        if (endpoint.getConditions() == null
            || !Boolean.FALSE.equals(endpoint.getConditions().getReady())) {
          ready++;
        }
      }
    }
    Map<String, String> labels = object.getMetadata().getLabels();
    return view(
        object,
        ready + "/" + endpoints,
        fields(
            "service",
            labels == null ? null : labels.get("kubernetes.io/service-name"),
            "addressType",
            object.getAddressType(),
            "endpoints",
            endpoints,
            "ready",
            ready));
  }

  public static ObjectView ingress(Ingress object) {
    List<String> hosts = new ArrayList<>();
    String className = null;
    if (object.getSpec() != null) {
      className = object.getSpec().getIngressClassName();
      if (object.getSpec().getRules() != null) {
        for (IngressRule rule : object.getSpec().getRules()) {
          if (rule.getHost() != null) {
            hosts.add(rule.getHost());
          }
        }
      }
    }
    List<String> addresses = new ArrayList<>();
    if (object.getStatus() != null
        && object.getStatus().getLoadBalancer() != null
        && object.getStatus().getLoadBalancer().getIngress() != null) {
      object
          .getStatus()
          .getLoadBalancer()
          .getIngress()
          .forEach(i -> addresses.add(i.getIp() != null ? i.getIp() : i.getHostname()));
    }
    return view(
        object,
        addresses.isEmpty() ? "Pending" : "Ready",
        fields("className", className, "hosts", hosts, "addresses", addresses));
  }

  public static ObjectView persistentVolumeClaim(PersistentVolumeClaim object) {
    var spec = object.getSpec();
    var status = object.getStatus();
    String capacity =
        status == null
                || status.getCapacity() == null
                || status.getCapacity().get("storage") == null
            ? null
            : status.getCapacity().get("storage").toString();
    return view(
        object,
        status == null ? "Pending" : status.getPhase(),
        fields(
            "storageClass",
            spec == null ? null : spec.getStorageClassName(),
            "volumeName",
            spec == null ? null : spec.getVolumeName(),
            "capacity",
            capacity,
            "accessModes",
            spec == null || spec.getAccessModes() == null
                ? List.of()
                : List.copyOf(spec.getAccessModes())));
  }

  public static ObjectView persistentVolume(PersistentVolume object) {
    var spec = object.getSpec();
    String claim =
        spec == null || spec.getClaimRef() == null
            ? null
            : spec.getClaimRef().getNamespace() + "/" + spec.getClaimRef().getName();
    String capacity =
        spec == null || spec.getCapacity() == null || spec.getCapacity().get("storage") == null
            ? null
            : spec.getCapacity().get("storage").toString();
    return view(
        object,
        object.getStatus() == null ? "" : object.getStatus().getPhase(),
        fields(
            "capacity",
            capacity,
            "storageClass",
            spec == null ? null : spec.getStorageClassName(),
            "reclaimPolicy",
            spec == null ? null : spec.getPersistentVolumeReclaimPolicy(),
            "claim",
            claim));
  }

  public static ObjectView storageClass(StorageClass object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    boolean isDefault =
        annotations != null
            && "true".equals(annotations.get("storageclass.kubernetes.io/is-default-class"));
    return view(
        object,
        isDefault ? "Default" : "",
        fields(
            "provisioner",
            object.getProvisioner(),
            "reclaimPolicy",
            object.getReclaimPolicy(),
            "volumeBindingMode",
            object.getVolumeBindingMode(),
            "default",
            isDefault));
  }

  public static ObjectView event(Event object) {
    String message = object.getMessage();
    if (message != null && message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE) + "…";
    }
    var involved = object.getInvolvedObject();
    String lastSeen =
        object.getLastTimestamp() != null
            ? object.getLastTimestamp()
            : object.getEventTime() != null ? object.getEventTime().getTime() : null;
    return view(
        object,
        intern(object.getType()),
        fields(
            "reason",
            intern(object.getReason()),
            "message",
            message,
            "objectKind",
            involved == null ? null : intern(involved.getKind()),
            "objectName",
            involved == null ? null : involved.getName(),
            "count",
            object.getCount() == null ? 1 : object.getCount(),
            "lastSeen",
            lastSeen));
  }

  public static ObjectView horizontalPodAutoscaler(HorizontalPodAutoscaler object) {
    var spec = object.getSpec();
    var status = object.getStatus();
    int current = status == null ? 0 : zeroIfNull(status.getCurrentReplicas());
    int desired = status == null ? 0 : zeroIfNull(status.getDesiredReplicas());
    return view(
        object,
        current == desired ? "Stable" : "Scaling",
        fields(
            "target",
            spec == null || spec.getScaleTargetRef() == null
                ? null
                : spec.getScaleTargetRef().getKind() + "/" + spec.getScaleTargetRef().getName(),
            "minReplicas",
            spec == null || spec.getMinReplicas() == null ? 1 : spec.getMinReplicas(),
            "maxReplicas",
            spec == null ? 0 : zeroIfNull(spec.getMaxReplicas()),
            "currentReplicas",
            current,
            "desiredReplicas",
            desired));
  }

  public static ObjectView podDisruptionBudget(PodDisruptionBudget object) {
    var spec = object.getSpec();
    var status = object.getStatus();
    int allowed = status == null ? 0 : zeroIfNull(status.getDisruptionsAllowed());
    return view(
        object,
        allowed > 0 ? "Allowed" : "Blocked",
        fields(
            "minAvailable",
            spec == null || spec.getMinAvailable() == null
                ? null
                : String.valueOf(spec.getMinAvailable().getValue()),
            "maxUnavailable",
            spec == null || spec.getMaxUnavailable() == null
                ? null
                : String.valueOf(spec.getMaxUnavailable().getValue()),
            "currentHealthy",
            status == null ? 0 : zeroIfNull(status.getCurrentHealthy()),
            "desiredHealthy",
            status == null ? 0 : zeroIfNull(status.getDesiredHealthy()),
            "disruptionsAllowed",
            allowed));
  }

  public static ObjectView resourceQuota(ResourceQuota object) {
    return view(
        object,
        "",
        fields(
            "hard",
            quantities(object.getStatus() == null ? null : object.getStatus().getHard()),
            "used",
            quantities(object.getStatus() == null ? null : object.getStatus().getUsed())));
  }

  public static ObjectView limitRange(LimitRange object) {
    int limits =
        object.getSpec() == null || object.getSpec().getLimits() == null
            ? 0
            : object.getSpec().getLimits().size();
    return view(object, "", fields("limits", limits));
  }

  /** Key names only, never values. */
  public static ObjectView configMap(ConfigMap object) {
    List<String> keys = new ArrayList<>();
    if (object.getData() != null) {
      keys.addAll(object.getData().keySet());
    }
    if (object.getBinaryData() != null) {
      keys.addAll(object.getBinaryData().keySet());
    }
    keys.sort(null);
    return view(object, "", fields("keys", List.copyOf(keys)));
  }

  /**
   * A secret from a metadata-only list or watch ({@code PartialObjectMetadata}): identity, labels
   * and owner. The type and data never reach Kubeward's cache.
   */
  public static ObjectView secretMetadata(HasMetadata object) {
    return view(object, "", Map.of());
  }

  private static Map<String, String> quantities(Map<String, Quantity> values) {
    if (values == null) {
      return Map.of();
    }
    Map<String, String> out = new TreeMap<>();
    values.forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
    return out;
  }

  private static ObjectView view(HasMetadata object, String status, Map<String, Object> fields) {
    ObjectMeta meta = object.getMetadata();
    return new ObjectView(
        intern(meta.getNamespace()),
        meta.getName(),
        meta.getUid(),
        meta.getResourceVersion(),
        createdAt(meta),
        labels(meta),
        owner(meta),
        status == null ? "" : intern(status),
        fields);
  }

  /** An unmodifiable map of the non-null pairs, in order. */
  private static Map<String, Object> fields(Object... pairs) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        out.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  static Instant createdAt(ObjectMeta meta) {
    String timestamp = meta.getCreationTimestamp();
    if (timestamp == null) {
      return null;
    }
    try {
      return Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static Map<String, String> labels(ObjectMeta meta) {
    Map<String, String> labels = meta.getLabels();
    if (labels == null || labels.isEmpty()) {
      return Map.of();
    }
    Map<String, String> interned = new HashMap<>(labels.size() * 2);
    labels.forEach((k, v) -> interned.put(k.intern(), v == null ? "" : v.intern()));
    return Map.copyOf(interned);
  }

  /** The controller owner reference, else the first one, else {@code null}. */
  static OwnerRef owner(ObjectMeta meta) {
    List<OwnerReference> owners = meta.getOwnerReferences();
    if (owners == null || owners.isEmpty()) {
      return null;
    }
    OwnerReference chosen = owners.getFirst();
    for (OwnerReference owner : owners) {
      if (Boolean.TRUE.equals(owner.getController())) {
        chosen = owner;
        break;
      }
    }
    return new OwnerRef(intern(chosen.getKind()), chosen.getName());
  }

  private static String intern(String value) {
    return value == null ? null : value.intern();
  }
}
