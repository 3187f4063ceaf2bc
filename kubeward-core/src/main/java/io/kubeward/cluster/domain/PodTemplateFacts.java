package io.kubeward.cluster.domain;

import java.util.List;

/**
 * What the diagnostics read from a workload's pod template: the ConfigMaps, Secrets and
 * PersistentVolumeClaims it references by name (volumes, projected sources, env, envFrom, image
 * pull secrets; sorted, interned) and the containers' declared ports. Kept once per workload, never
 * the template itself.
 */
public record PodTemplateFacts(
    List<String> configMaps, List<String> secrets, List<String> claims, List<NamedPort> ports) {

  public static final PodTemplateFacts NONE =
      new PodTemplateFacts(List.of(), List.of(), List.of(), List.of());

  public PodTemplateFacts {
    configMaps = configMaps == null ? List.of() : List.copyOf(configMaps);
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
    claims = claims == null ? List.of() : List.copyOf(claims);
    ports = ports == null ? List.of() : List.copyOf(ports);
  }

  /** Whether the template references the object of {@code kind} named {@code name}. */
  public boolean references(String kind, String name) {
    return switch (kind) {
      case "ConfigMap" -> configMaps.contains(name);
      case "Secret" -> secrets.contains(name);
      case "PersistentVolumeClaim" -> claims.contains(name);
      default -> false;
    };
  }
}
