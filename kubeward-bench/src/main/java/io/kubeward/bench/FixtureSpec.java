package io.kubeward.bench;

import java.util.List;

/**
 * The size of a scale fixture. Pods come from Deployments of {@value #REPLICAS} replicas (one
 * Service each), spread round-robin over the namespaces; {@code podStages} are the pod counts at
 * which memory is measured on the way up.
 */
public record FixtureSpec(
    String name, int nodes, int namespaces, int pods, int configMaps, List<Integer> podStages) {

  public static final int REPLICAS = 30;

  public FixtureSpec {
    if (podStages.stream().anyMatch(stage -> stage % REPLICAS != 0) || pods % REPLICAS != 0) {
      // Deployments of 30 replicas reach only multiples of 30: any other stage is never ready.
      throw new IllegalArgumentException(
          "pod counts must be multiples of " + REPLICAS + ": " + pods + ", " + podStages);
    }
    if (nodes < 1 || namespaces < 1 || pods < REPLICAS || configMaps < 0) {
      throw new IllegalArgumentException(
          "need at least 1 node, 1 namespace and " + REPLICAS + " pods");
    }
    if (pods > nodes * 110L) {
      throw new IllegalArgumentException(
          pods + " pods do not fit on " + nodes + " nodes of 110 pods each");
    }
    podStages = podStages.stream().filter(stage -> stage <= pods).sorted().distinct().toList();
    if (podStages.isEmpty() || podStages.getLast() != pods) {
      podStages =
          java.util.stream.Stream.concat(podStages.stream(), java.util.stream.Stream.of(pods))
              .distinct()
              .toList();
    }
  }

  /** The upstream reference density: 1,000 nodes, 30 pods per node. */
  public static FixtureSpec full() {
    return new FixtureSpec("full", 1_000, 100, 30_000, 5_000, List.of(3_000, 10_200, 30_000));
  }

  public static FixtureSpec medium() {
    return new FixtureSpec("medium", 340, 34, 10_200, 1_700, List.of(3_000, 10_200));
  }

  public static FixtureSpec small() {
    return new FixtureSpec("small", 100, 10, 3_000, 500, List.of(3_000));
  }

  /**
   * {@code pods} (whole Deployments) at the scale fixture's density: {@code nodes} nodes, one
   * namespace per 10 nodes, one ConfigMap per 6 pods (at least 10).
   */
  public static FixtureSpec atScaleDensity(
      String name, int pods, int nodes, List<Integer> podStages) {
    return new FixtureSpec(
        name, nodes, Math.max(1, nodes / 10), pods, Math.max(10, pods / 6), podStages);
  }

  /** {@link #atScaleDensity} with one node per 30 pods and one stage, all of them. */
  public static FixtureSpec atScaleDensity(String name, int pods) {
    return atScaleDensity(name, pods, Math.max(1, (pods + REPLICAS - 1) / REPLICAS), List.of(pods));
  }

  public static FixtureSpec named(String name) {
    return switch (name) {
      case "full" -> full();
      case "medium" -> medium();
      case "small" -> small();
      default ->
          throw new IllegalArgumentException(
              "Unknown fixture size '" + name + "'; use small, medium or full");
    };
  }

  public int deployments() {
    return pods / REPLICAS;
  }

  /** Zones the nodes are spread over. */
  public static List<String> zones() {
    return List.of("zone-a", "zone-b", "zone-c");
  }
}
