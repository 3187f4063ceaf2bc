package io.kubeward.cluster.domain;

import java.util.List;
import java.util.Map;

/**
 * What the diagnostics and the workload pages read from a workload's pod template: the ConfigMaps,
 * Secrets and PersistentVolumeClaims it references by name (volumes, projected sources, env,
 * envFrom, image pull secrets; sorted, interned), the containers' declared ports, the template's
 * labels (which Services and budgets select) and each regular container's image. Kept once per
 * workload, never the template itself.
 */
public record PodTemplateFacts(
    List<String> configMaps,
    List<String> secrets,
    List<String> claims,
    List<NamedPort> ports,
    Map<String, String> labels,
    List<ContainerImage> images) {

  public static final PodTemplateFacts NONE =
      new PodTemplateFacts(List.of(), List.of(), List.of(), List.of(), Map.of(), List.of());

  public PodTemplateFacts {
    configMaps = configMaps == null ? List.of() : List.copyOf(configMaps);
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
    claims = claims == null ? List.of() : List.copyOf(claims);
    ports = ports == null ? List.of() : List.copyOf(ports);
    labels = labels == null ? Map.of() : labels;
    images = images == null ? List.of() : List.copyOf(images);
  }

  /** Facts without labels and images (tests). */
  public PodTemplateFacts(
      List<String> configMaps, List<String> secrets, List<String> claims, List<NamedPort> ports) {
    this(configMaps, secrets, claims, ports, Map.of(), List.of());
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
