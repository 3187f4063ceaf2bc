package io.kubeward.describe.domain;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a pod spec that pods and pod templates describe alike: containers (with their
 * statuses for a pod), volumes, tolerations and node selectors; the ConfigMaps, Secrets and PVCs
 * they reference become related objects (a Secret by name and key only, never its values).
 */
final class PodSpecs {

  static final List<String> CONTAINER_COLUMNS =
      List.of(
          "Name",
          "Image",
          "Ports",
          "State",
          "Last State",
          "Exit Code",
          "Ready",
          "Restart Count",
          "Requests",
          "Limits",
          "Mounts",
          "Environment");

  static final List<String> TEMPLATE_COLUMNS =
      List.of("Name", "Image", "Ports", "Requests", "Limits", "Mounts", "Environment");

  private PodSpecs() {}

  /** Containers of a pod, with each one's status (by name) if known. */
  static List<List<String>> containers(
      @Nullable List<Container> containers, @Nullable List<ContainerStatus> statuses) {
    Map<String, ContainerStatus> byName = new HashMap<>();
    if (statuses != null) {
      statuses.forEach(s -> byName.put(s.getName(), s));
    }
    List<List<String>> rows = new ArrayList<>();
    if (containers == null) {
      return rows;
    }
    for (Container c : containers) {
      ContainerStatus status = byName.get(c.getName());
      ContainerState state = status == null ? null : status.getState();
      ContainerState last = status == null ? null : status.getLastState();
      Integer exitCode = exitCode(state);
      if (exitCode == null) {
        exitCode = exitCode(last);
      }
      rows.add(
          List.of(
              c.getName(),
              Text.of(c.getImage()),
              ports(c.getPorts()),
              state(state),
              state(last),
              exitCode == null ? "" : exitCode.toString(),
              status != null && Boolean.TRUE.equals(status.getReady()) ? "True" : "False",
              status == null || status.getRestartCount() == null
                  ? "0"
                  : status.getRestartCount().toString(),
              c.getResources() == null
                  ? Text.NONE
                  : Text.quantities(c.getResources().getRequests()),
              c.getResources() == null ? Text.NONE : Text.quantities(c.getResources().getLimits()),
              mounts(c.getVolumeMounts()),
              environment(c)));
    }
    return rows;
  }

  /** Containers of a template (no statuses). */
  static List<List<String>> templateContainers(@Nullable List<Container> containers) {
    List<List<String>> rows = new ArrayList<>();
    if (containers == null) {
      return rows;
    }
    for (Container c : containers) {
      rows.add(
          List.of(
              c.getName(),
              Text.of(c.getImage()),
              ports(c.getPorts()),
              c.getResources() == null
                  ? Text.NONE
                  : Text.quantities(c.getResources().getRequests()),
              c.getResources() == null ? Text.NONE : Text.quantities(c.getResources().getLimits()),
              mounts(c.getVolumeMounts()),
              environment(c)));
    }
    return rows;
  }

  /** A pod template as its own section ("Pod Template"): labels, containers, volumes. */
  static void template(
      DescriptionBuilder builder, @Nullable PodTemplateSpec template, @Nullable String namespace) {
    if (template == null) {
      return;
    }
    DescriptionBuilder.SectionBuilder section = builder.section("Pod Template");
    section.row(
        "Labels",
        Text.pairs(template.getMetadata() == null ? null : template.getMetadata().getLabels()));
    PodSpec spec = template.getSpec();
    if (spec != null) {
      section.row("Service Account", spec.getServiceAccountName());
      section.row("Node-Selectors", Text.pairs(spec.getNodeSelector()));
      section.row("Tolerations", tolerations(spec.getTolerations()));
      section.table(
          "Init Containers", TEMPLATE_COLUMNS, templateContainers(spec.getInitContainers()));
      section.table("Containers", TEMPLATE_COLUMNS, templateContainers(spec.getContainers()));
      section.table("Volumes", VOLUME_COLUMNS, volumes(spec.getVolumes()));
      relateReferences(builder, spec, namespace);
    }
    section.done();
  }

  static final List<String> VOLUME_COLUMNS = List.of("Name", "Type", "Source");

  static List<List<String>> volumes(@Nullable List<Volume> volumes) {
    List<List<String>> rows = new ArrayList<>();
    if (volumes == null) {
      return rows;
    }
    for (Volume v : volumes) {
      rows.add(List.of(v.getName(), volumeType(v), volumeSource(v)));
    }
    return rows;
  }

  static String volumeType(Volume v) {
    if (v.getConfigMap() != null) return "ConfigMap";
    if (v.getSecret() != null) return "Secret";
    if (v.getPersistentVolumeClaim() != null) return "PersistentVolumeClaim";
    if (v.getEmptyDir() != null) return "EmptyDir";
    if (v.getHostPath() != null) return "HostPath";
    if (v.getProjected() != null) return "Projected";
    if (v.getDownwardAPI() != null) return "DownwardAPI";
    if (v.getNfs() != null) return "NFS";
    if (v.getCsi() != null) return "CSI";
    if (v.getEphemeral() != null) return "Ephemeral";
    return "Other";
  }

  static String volumeSource(Volume v) {
    if (v.getConfigMap() != null) return v.getConfigMap().getName();
    if (v.getSecret() != null) return v.getSecret().getSecretName();
    if (v.getPersistentVolumeClaim() != null)
      return v.getPersistentVolumeClaim().getClaimName()
          + (Boolean.TRUE.equals(v.getPersistentVolumeClaim().getReadOnly()) ? " (read-only)" : "");
    if (v.getEmptyDir() != null)
      return "medium="
          + Text.of(v.getEmptyDir().getMedium())
          + ", sizeLimit="
          + (v.getEmptyDir().getSizeLimit() == null
              ? Text.UNSET
              : Text.quantity(v.getEmptyDir().getSizeLimit()));
    if (v.getHostPath() != null) return v.getHostPath().getPath();
    if (v.getNfs() != null) return v.getNfs().getServer() + ":" + v.getNfs().getPath();
    if (v.getCsi() != null) return v.getCsi().getDriver();
    if (v.getProjected() != null && v.getProjected().getSources() != null) {
      List<String> parts = new ArrayList<>();
      for (VolumeProjection p : v.getProjected().getSources()) {
        if (p.getConfigMap() != null) parts.add("ConfigMap " + p.getConfigMap().getName());
        if (p.getSecret() != null) parts.add("Secret " + p.getSecret().getName());
        if (p.getServiceAccountToken() != null) parts.add("ServiceAccountToken");
        if (p.getDownwardAPI() != null) parts.add("DownwardAPI");
      }
      return String.join(", ", parts);
    }
    return "";
  }

  /** ConfigMaps, Secrets and PVCs referenced by volumes, env and envFrom, as related objects. */
  static void relateReferences(
      DescriptionBuilder builder, PodSpec spec, @Nullable String namespace) {
    if (spec.getVolumes() != null) {
      for (Volume v : spec.getVolumes()) {
        if (v.getConfigMap() != null) {
          builder.relate("configmap", "ConfigMap", namespace, v.getConfigMap().getName());
        }
        if (v.getSecret() != null) {
          builder.relate("secret", "Secret", namespace, v.getSecret().getSecretName());
        }
        if (v.getPersistentVolumeClaim() != null) {
          builder.relate(
              "pvc",
              "PersistentVolumeClaim",
              namespace,
              v.getPersistentVolumeClaim().getClaimName());
        }
        if (v.getProjected() != null && v.getProjected().getSources() != null) {
          for (VolumeProjection p : v.getProjected().getSources()) {
            if (p.getConfigMap() != null) {
              builder.relate("configmap", "ConfigMap", namespace, p.getConfigMap().getName());
            }
            if (p.getSecret() != null) {
              builder.relate("secret", "Secret", namespace, p.getSecret().getName());
            }
          }
        }
      }
    }
    List<Container> all = new ArrayList<>();
    if (spec.getInitContainers() != null) all.addAll(spec.getInitContainers());
    if (spec.getContainers() != null) all.addAll(spec.getContainers());
    for (Container c : all) {
      if (c.getEnvFrom() != null) {
        for (EnvFromSource from : c.getEnvFrom()) {
          if (from.getConfigMapRef() != null) {
            builder.relate("configmap", "ConfigMap", namespace, from.getConfigMapRef().getName());
          }
          if (from.getSecretRef() != null) {
            builder.relate("secret", "Secret", namespace, from.getSecretRef().getName());
          }
        }
      }
      if (c.getEnv() != null) {
        for (EnvVar env : c.getEnv()) {
          EnvVarSource source = env.getValueFrom();
          if (source == null) continue;
          if (source.getConfigMapKeyRef() != null) {
            builder.relate(
                "configmap", "ConfigMap", namespace, source.getConfigMapKeyRef().getName());
          }
          if (source.getSecretKeyRef() != null) {
            builder.relate("secret", "Secret", namespace, source.getSecretKeyRef().getName());
          }
        }
      }
    }
    if (spec.getImagePullSecrets() != null) {
      spec.getImagePullSecrets()
          .forEach(s -> builder.relate("secret", "Secret", namespace, s.getName()));
    }
  }

  static String tolerations(@Nullable List<Toleration> tolerations) {
    if (tolerations == null || tolerations.isEmpty()) {
      return Text.NONE;
    }
    List<String> parts = new ArrayList<>();
    for (Toleration t : tolerations) {
      StringBuilder b = new StringBuilder(t.getKey() == null ? "" : t.getKey());
      if ("Exists".equals(t.getOperator())) {
        b.append(b.isEmpty() ? "op=Exists" : " op=Exists");
      } else if (t.getValue() != null && !t.getValue().isEmpty()) {
        b.append('=').append(t.getValue());
      }
      if (t.getEffect() != null && !t.getEffect().isEmpty()) {
        b.append(':').append(t.getEffect());
      }
      if (t.getTolerationSeconds() != null) {
        b.append(" for ").append(t.getTolerationSeconds()).append('s');
      }
      parts.add(b.toString());
    }
    return String.join(", ", parts);
  }

  private static @Nullable Integer exitCode(@Nullable ContainerState state) {
    return state == null || state.getTerminated() == null
        ? null
        : state.getTerminated().getExitCode();
  }

  /**
   * {@code Running (since ...)}, {@code Waiting (CrashLoopBackOff)}, {@code Terminated (Error)}.
   */
  static String state(@Nullable ContainerState state) {
    if (state == null) {
      return "";
    }
    if (state.getRunning() != null) {
      return "Running"
          + (state.getRunning().getStartedAt() == null
              ? ""
              : " (since " + state.getRunning().getStartedAt() + ")");
    }
    if (state.getWaiting() != null) {
      return "Waiting"
          + (state.getWaiting().getReason() == null
              ? ""
              : " (" + state.getWaiting().getReason() + ")");
    }
    if (state.getTerminated() != null) {
      var t = state.getTerminated();
      return "Terminated"
          + (t.getReason() == null ? "" : " (" + t.getReason() + ")")
          + (t.getFinishedAt() == null ? "" : " at " + t.getFinishedAt());
    }
    return "";
  }

  private static String ports(@Nullable List<ContainerPort> ports) {
    if (ports == null || ports.isEmpty()) {
      return Text.NONE;
    }
    List<String> parts = new ArrayList<>();
    for (ContainerPort p : ports) {
      parts.add(
          p.getContainerPort()
              + "/"
              + (p.getProtocol() == null ? "TCP" : p.getProtocol())
              + (p.getName() == null ? "" : " (" + p.getName() + ")"));
    }
    return String.join(", ", parts);
  }

  private static String mounts(@Nullable List<VolumeMount> mounts) {
    if (mounts == null || mounts.isEmpty()) {
      return Text.NONE;
    }
    List<String> parts = new ArrayList<>();
    for (VolumeMount m : mounts) {
      parts.add(
          m.getMountPath()
              + " from "
              + m.getName()
              + (Boolean.TRUE.equals(m.getReadOnly()) ? " (ro)" : " (rw)"));
    }
    return String.join(", ", parts);
  }

  /**
   * Environment as kubectl writes it: plain values, and where a value comes from (a ConfigMap's or
   * Secret's key, a field, a resource) without reading it; envFrom sources by name.
   */
  static String environment(Container c) {
    List<String> parts = new ArrayList<>();
    if (c.getEnvFrom() != null) {
      for (EnvFromSource from : c.getEnvFrom()) {
        String prefix = from.getPrefix() == null ? "" : " (prefix " + from.getPrefix() + ")";
        if (from.getConfigMapRef() != null) {
          parts.add("ConfigMap " + from.getConfigMapRef().getName() + prefix);
        }
        if (from.getSecretRef() != null) {
          parts.add("Secret " + from.getSecretRef().getName() + prefix);
        }
      }
    }
    if (c.getEnv() != null) {
      for (EnvVar env : c.getEnv()) {
        EnvVarSource source = env.getValueFrom();
        if (source == null) {
          parts.add(env.getName() + "=" + (env.getValue() == null ? "" : env.getValue()));
        } else if (source.getSecretKeyRef() != null) {
          parts.add(
              env.getName()
                  + " <set to the key '"
                  + source.getSecretKeyRef().getKey()
                  + "' in secret '"
                  + source.getSecretKeyRef().getName()
                  + "'>");
        } else if (source.getConfigMapKeyRef() != null) {
          parts.add(
              env.getName()
                  + " <set to the key '"
                  + source.getConfigMapKeyRef().getKey()
                  + "' of config map '"
                  + source.getConfigMapKeyRef().getName()
                  + "'>");
        } else if (source.getFieldRef() != null) {
          parts.add(env.getName() + " (" + source.getFieldRef().getFieldPath() + ")");
        } else if (source.getResourceFieldRef() != null) {
          parts.add(env.getName() + " (" + source.getResourceFieldRef().getResource() + ")");
        } else {
          parts.add(env.getName());
        }
      }
    }
    return parts.isEmpty() ? Text.NONE : String.join("; ", parts);
  }
}
