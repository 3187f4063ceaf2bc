package io.kubeward.cluster.domain;

import static io.kubeward.cluster.domain.ProjectionSupport.intern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Pod templates of workloads to their {@link PodTemplateFacts}. */
public final class PodTemplates {

  private PodTemplates() {}

  public static PodTemplateFacts facts(PodTemplateSpec template) {
    if (template == null) {
      return PodTemplateFacts.NONE;
    }
    PodTemplateFacts facts = facts(template.getSpec());
    Map<String, String> labels =
        template.getMetadata() == null
            ? Map.of()
            : ProjectionSupport.labels(template.getMetadata());
    if (labels.isEmpty() && facts.images().isEmpty()) {
      return facts;
    }
    return new PodTemplateFacts(
        facts.configMaps(), facts.secrets(), facts.claims(), facts.ports(), labels, facts.images());
  }

  public static PodTemplateFacts facts(PodSpec spec) {
    if (spec == null) {
      return PodTemplateFacts.NONE;
    }
    TreeSet<String> configMaps = new TreeSet<>();
    TreeSet<String> secrets = new TreeSet<>();
    TreeSet<String> claims = new TreeSet<>();
    List<NamedPort> ports = new ArrayList<>();
    if (spec.getVolumes() != null) {
      for (Volume volume : spec.getVolumes()) {
        if (volume.getConfigMap() != null) {
          add(configMaps, volume.getConfigMap().getName());
        }
        if (volume.getSecret() != null) {
          add(secrets, volume.getSecret().getSecretName());
        }
        if (volume.getPersistentVolumeClaim() != null) {
          add(claims, volume.getPersistentVolumeClaim().getClaimName());
        }
        if (volume.getProjected() != null && volume.getProjected().getSources() != null) {
          for (VolumeProjection source : volume.getProjected().getSources()) {
            if (source.getConfigMap() != null) {
              add(configMaps, source.getConfigMap().getName());
            }
            if (source.getSecret() != null) {
              add(secrets, source.getSecret().getName());
            }
          }
        }
      }
    }
    if (spec.getImagePullSecrets() != null) {
      for (LocalObjectReference pullSecret : spec.getImagePullSecrets()) {
        add(secrets, pullSecret.getName());
      }
    }
    List<Container> containers = new ArrayList<>();
    if (spec.getInitContainers() != null) {
      containers.addAll(spec.getInitContainers());
    }
    if (spec.getContainers() != null) {
      containers.addAll(spec.getContainers());
    }
    for (Container container : containers) {
      if (container.getEnv() != null) {
        for (EnvVar env : container.getEnv()) {
          if (env.getValueFrom() != null) {
            if (env.getValueFrom().getConfigMapKeyRef() != null) {
              add(configMaps, env.getValueFrom().getConfigMapKeyRef().getName());
            }
            if (env.getValueFrom().getSecretKeyRef() != null) {
              add(secrets, env.getValueFrom().getSecretKeyRef().getName());
            }
          }
        }
      }
      if (container.getEnvFrom() != null) {
        for (EnvFromSource from : container.getEnvFrom()) {
          if (from.getConfigMapRef() != null) {
            add(configMaps, from.getConfigMapRef().getName());
          }
          if (from.getSecretRef() != null) {
            add(secrets, from.getSecretRef().getName());
          }
        }
      }
    }
    if (spec.getContainers() != null) {
      for (Container container : spec.getContainers()) {
        if (container.getPorts() != null) {
          for (ContainerPort port : container.getPorts()) {
            if (port.getContainerPort() != null) {
              ports.add(new NamedPort(intern(port.getName()), port.getContainerPort()));
            }
          }
        }
      }
    }
    List<ContainerImage> images = new ArrayList<>();
    if (spec.getContainers() != null) {
      for (Container container : spec.getContainers()) {
        if (container.getName() != null) {
          images.add(new ContainerImage(intern(container.getName()), intern(container.getImage())));
        }
      }
    }
    if (configMaps.isEmpty()
        && secrets.isEmpty()
        && claims.isEmpty()
        && ports.isEmpty()
        && images.isEmpty()) {
      return PodTemplateFacts.NONE;
    }
    return new PodTemplateFacts(
        List.copyOf(configMaps),
        List.copyOf(secrets),
        List.copyOf(claims),
        List.copyOf(ports),
        Map.of(),
        List.copyOf(images));
  }

  private static void add(TreeSet<String> names, String name) {
    if (name != null && !name.isEmpty()) {
      names.add(name.intern());
    }
  }
}
