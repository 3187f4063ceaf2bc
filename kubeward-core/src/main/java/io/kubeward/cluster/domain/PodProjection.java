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
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        containers(spec),
        diagnosis(pod, ready, containers, restarts),
        references(spec));
  }

  /**
   * The diagnosis of a pod that is not simply running and ready: {@code null} for a Succeeded pod
   * and for a Running pod with every container ready and no restarts, else the pod's reason and
   * message, PodScheduled's reason and message while it is False, the Ready condition's transition
   * time while it is False, the start time and every container's state.
   */
  static PodDiagnosis diagnosis(Pod pod, int ready, int containers, int restarts) {
    PodStatus status = pod.getStatus();
    if (status == null) {
      return null;
    }
    String phase = status.getPhase();
    if ("Succeeded".equals(phase)
        || ("Running".equals(phase) && ready == containers && restarts == 0)) {
      return null;
    }
    String scheduledReason = null;
    String scheduledMessage = null;
    Instant notReadySince = null;
    if (status.getConditions() != null) {
      for (PodCondition condition : status.getConditions()) {
        if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())) {
          scheduledReason = intern(condition.getReason());
          scheduledMessage = cut(condition.getMessage());
        } else if ("Ready".equals(condition.getType()) && "False".equals(condition.getStatus())) {
          notReadySince = ProjectionSupport.instant(condition.getLastTransitionTime());
        }
      }
    }
    return new PodDiagnosis(
        intern(status.getReason()),
        cut(status.getMessage()),
        scheduledReason,
        scheduledMessage,
        notReadySince,
        ProjectionSupport.instant(status.getStartTime()),
        containerStates(status.getInitContainerStatuses()),
        containerStates(status.getContainerStatuses()));
  }

  private static List<PodDiagnosis.ContainerState> containerStates(List<ContainerStatus> statuses) {
    if (statuses == null || statuses.isEmpty()) {
      return List.of();
    }
    List<PodDiagnosis.ContainerState> out = new ArrayList<>(statuses.size());
    for (ContainerStatus container : statuses) {
      var state = container.getState();
      String kind = "unknown";
      String reason = null;
      String message = null;
      Integer exitCode = null;
      Instant since = null;
      if (state != null && state.getWaiting() != null) {
        kind = "waiting";
        reason = state.getWaiting().getReason();
        message = state.getWaiting().getMessage();
      } else if (state != null && state.getTerminated() != null) {
        ContainerStateTerminated terminated = state.getTerminated();
        kind = "terminated";
        reason = terminated.getReason();
        message = terminated.getMessage();
        exitCode = terminated.getExitCode();
        since = ProjectionSupport.instant(terminated.getFinishedAt());
      } else if (state != null && state.getRunning() != null) {
        kind = "running";
        since = ProjectionSupport.instant(state.getRunning().getStartedAt());
      }
      ContainerStateTerminated last =
          container.getLastState() == null ? null : container.getLastState().getTerminated();
      out.add(
          new PodDiagnosis.ContainerState(
              intern(container.getName()),
              intern(container.getImage()),
              Boolean.TRUE.equals(container.getReady()),
              container.getRestartCount() == null ? 0 : container.getRestartCount(),
              kind,
              intern(reason),
              cut(message),
              exitCode,
              since,
              last == null ? null : termination(last)));
    }
    return List.copyOf(out);
  }

  private static PodDiagnosis.Termination termination(ContainerStateTerminated terminated) {
    return new PodDiagnosis.Termination(
        intern(terminated.getReason()),
        terminated.getExitCode() == null ? 0 : terminated.getExitCode(),
        terminated.getSignal(),
        cut(terminated.getMessage()),
        ProjectionSupport.instant(terminated.getStartedAt()),
        ProjectionSupport.instant(terminated.getFinishedAt()));
  }

  private static String cut(String message) {
    if (message == null || message.isEmpty()) {
      return null;
    }
    return message.length() > PodDiagnosis.MAX_MESSAGE
        ? message.substring(0, PodDiagnosis.MAX_MESSAGE) + "…"
        : message;
  }

  /**
   * The ConfigMaps, Secrets and PVCs a pod references: volumes (projected sources too), env and
   * envFrom of every container, init and ephemeral container, and imagePullSecrets; interned.
   */
  static PodReferences references(PodSpec spec) {
    if (spec == null) {
      return PodReferences.NONE;
    }
    References refs = new References();
    if (spec.getVolumes() != null) {
      for (Volume volume : spec.getVolumes()) {
        if (volume.getConfigMap() != null) {
          refs.configMap(volume.getConfigMap().getName(), volume.getConfigMap().getOptional());
        }
        if (volume.getSecret() != null) {
          refs.secret(volume.getSecret().getSecretName(), volume.getSecret().getOptional());
        }
        if (volume.getPersistentVolumeClaim() != null) {
          refs.claim(volume.getPersistentVolumeClaim().getClaimName());
        }
        if (volume.getProjected() != null && volume.getProjected().getSources() != null) {
          for (VolumeProjection source : volume.getProjected().getSources()) {
            if (source.getConfigMap() != null) {
              refs.configMap(source.getConfigMap().getName(), source.getConfigMap().getOptional());
            }
            if (source.getSecret() != null) {
              refs.secret(source.getSecret().getName(), source.getSecret().getOptional());
            }
          }
        }
      }
    }
    addContainers(refs, spec.getInitContainers());
    addContainers(refs, spec.getContainers());
    if (spec.getEphemeralContainers() != null) {
      for (EphemeralContainer container : spec.getEphemeralContainers()) {
        addEnv(refs, container.getEnv(), container.getEnvFrom());
      }
    }
    if (spec.getImagePullSecrets() != null) {
      for (LocalObjectReference secret : spec.getImagePullSecrets()) {
        refs.secret(secret.getName(), false);
      }
    }
    return refs.build();
  }

  private static void addContainers(References refs, List<Container> containers) {
    if (containers != null) {
      for (Container container : containers) {
        addEnv(refs, container.getEnv(), container.getEnvFrom());
      }
    }
  }

  private static void addEnv(References refs, List<EnvVar> env, List<EnvFromSource> envFrom) {
    if (env != null) {
      for (EnvVar variable : env) {
        EnvVarSource from = variable.getValueFrom();
        if (from != null && from.getConfigMapKeyRef() != null) {
          refs.configMap(
              from.getConfigMapKeyRef().getName(), from.getConfigMapKeyRef().getOptional());
        }
        if (from != null && from.getSecretKeyRef() != null) {
          refs.secret(from.getSecretKeyRef().getName(), from.getSecretKeyRef().getOptional());
        }
      }
    }
    if (envFrom != null) {
      for (EnvFromSource source : envFrom) {
        if (source.getConfigMapRef() != null) {
          refs.configMap(
              source.getConfigMapRef().getName(), source.getConfigMapRef().getOptional());
        }
        if (source.getSecretRef() != null) {
          refs.secret(source.getSecretRef().getName(), source.getSecretRef().getOptional());
        }
      }
    }
  }

  /** Collects names in first-seen order; a name is optional only if every reference says so. */
  private static final class References {
    private final Set<String> configMaps = new LinkedHashSet<>();
    private final Set<String> secrets = new LinkedHashSet<>();
    private final Set<String> claims = new LinkedHashSet<>();
    private final Set<String> optional = new HashSet<>();
    private final Set<String> required = new HashSet<>();

    void configMap(String name, Boolean isOptional) {
      add(configMaps, "ConfigMap/", name, isOptional);
    }

    void secret(String name, Boolean isOptional) {
      add(secrets, "Secret/", name, isOptional);
    }

    void claim(String name) {
      if (name != null && !name.isEmpty()) {
        claims.add(name.intern());
      }
    }

    private void add(Set<String> names, String prefix, String name, Boolean isOptional) {
      if (name == null || name.isEmpty()) {
        return;
      }
      names.add(name.intern());
      if (Boolean.TRUE.equals(isOptional)) {
        optional.add(prefix + name);
      } else {
        required.add(prefix + name);
      }
    }

    PodReferences build() {
      optional.removeAll(required);
      Set<String> interned = new HashSet<>();
      for (String key : optional) {
        interned.add(key.intern());
      }
      return PodReferences.intern(
          new PodReferences(
              List.copyOf(configMaps), List.copyOf(secrets), List.copyOf(claims), interned));
    }
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
  public static Resources podResources(PodSpec spec, boolean requests) {
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
