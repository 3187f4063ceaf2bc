package io.kubeward.testkit.controlplane;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to start a {@link ControlPlane}: where the binaries are, which fake nodes to create, how long
 * to wait, and optional fixed ports, KWOK stage files, extra component flags and metrics
 * (metrics-server registered as the metrics API; off by default), etcd served over TLS with client
 * certificates ({@link Builder#etcdTls}) and etcd started on an existing data directory ({@link
 * Builder#etcdData}, e.g. one restored from a snapshot with etcdutl).
 */
public record ControlPlaneOptions(
    Optional<Path> binDir,
    List<FakeNode> nodes,
    Duration startTimeout,
    Map<Component, Integer> fixedPorts,
    List<Path> kwokConfigs,
    Map<Component, List<String>> extraArgs,
    boolean metrics,
    boolean etcdTls,
    Optional<Path> etcdData,
    int kwokParallelism) {

  public ControlPlaneOptions {
    if (startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("startTimeout must be positive, was " + startTimeout);
    }
    nodes = List.copyOf(nodes);
    fixedPorts = Map.copyOf(fixedPorts);
    kwokConfigs = List.copyOf(kwokConfigs);
    extraArgs = Map.copyOf(extraArgs);
    if (kwokParallelism < 0 || kwokParallelism > 256) {
      throw new IllegalArgumentException(
          "kwokParallelism must be 0 (KWOK's default) to 256, was " + kwokParallelism);
    }
  }

  /** Three 8-CPU nodes across two zones: the default for tests. */
  public static List<FakeNode> defaultNodes() {
    return List.of(
        FakeNode.inZone("kwok-node-0", "zone-a"),
        FakeNode.inZone("kwok-node-1", "zone-b"),
        FakeNode.inZone("kwok-node-2", "zone-a"));
  }

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private Path binDir;
    private List<FakeNode> nodes = defaultNodes();
    private Duration startTimeout = Duration.ofSeconds(120);
    private final Map<Component, Integer> fixedPorts = new EnumMap<>(Component.class);
    private final List<Path> kwokConfigs = new ArrayList<>();
    private final Map<Component, List<String>> extraArgs = new EnumMap<>(Component.class);
    private boolean metrics;
    private boolean etcdTls;
    private Path etcdData;
    private int kwokParallelism;

    /** The folder with etcd, kube-apiserver, ...; by default found by {@link Binaries#locate}. */
    public Builder binDir(Path binDir) {
      this.binDir = binDir;
      return this;
    }

    public Builder nodes(List<FakeNode> nodes) {
      this.nodes = nodes;
      return this;
    }

    /** How long each component may take to become healthy. */
    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = startTimeout;
      return this;
    }

    /** Listen on this port instead of a free one (etcd: its client port). */
    public Builder port(Component component, int port) {
      fixedPorts.put(component, port);
      return this;
    }

    /** A KWOK configuration file (stages and the like) passed with {@code --config}. */
    public Builder kwokConfig(Path file) {
      kwokConfigs.add(file);
      return this;
    }

    public Builder extraArgs(Component component, String... args) {
      extraArgs.computeIfAbsent(component, c -> new ArrayList<>()).addAll(List.of(args));
      return this;
    }

    /**
     * Also run metrics-server, registered as the APIService {@code v1beta1.metrics.k8s.io}, so that
     * {@code kubectl top} and the metrics API answer with KWOK's emulated usage. Costs about a
     * second at start; the usage itself appears after metrics-server's first scrapes ({@link
     * ControlPlane#awaitNodeMetrics}).
     */
    public Builder metrics(boolean metrics) {
      this.metrics = metrics;
      return this;
    }

    /**
     * Serve etcd's client port over TLS and require client certificates signed by the test CA
     * (kube-apiserver gets one): what a snapshot tool needs to talk to etcd as on a real cluster.
     * The material is at {@link ControlPlane#etcdClientTls()}. Off by default (plain http).
     */
    public Builder etcdTls(boolean etcdTls) {
      this.etcdTls = etcdTls;
      return this;
    }

    /**
     * Start etcd on this data directory instead of an empty one in the work folder: e.g. a
     * directory that {@code etcdutl snapshot restore} made. The caller owns it (it is not removed
     * on close). Restore it with {@code --name kubeward}: the member name the control plane uses.
     */
    public Builder etcdData(Path etcdData) {
      this.etcdData = etcdData;
      return this;
    }

    /**
     * How many pod and node stages (and node leases) KWOK plays at once; 0, the default, keeps
     * KWOK's own (4). Thousands of pods becoming Running on a busy apiserver wait on 4 workers
     * whose every patch waits on the apiserver.
     */
    public Builder kwokParallelism(int kwokParallelism) {
      this.kwokParallelism = kwokParallelism;
      return this;
    }

    public ControlPlaneOptions build() {
      return new ControlPlaneOptions(
          Optional.ofNullable(binDir),
          nodes,
          startTimeout,
          fixedPorts,
          kwokConfigs,
          extraArgs,
          metrics,
          etcdTls,
          Optional.ofNullable(etcdData),
          kwokParallelism);
    }
  }
}
