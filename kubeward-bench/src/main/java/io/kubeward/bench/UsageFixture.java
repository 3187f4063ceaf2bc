package io.kubeward.bench;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.ContainerResources;
import io.kubeward.cluster.domain.DeploymentView;
import io.kubeward.cluster.domain.NamespaceProjections;
import io.kubeward.cluster.domain.NamespaceView;
import io.kubeward.cluster.domain.NodeProjection;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.cluster.domain.PodProjection;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.WorkloadProjections;
import io.kubeward.history.domain.UsageSnapshot;
import io.kubeward.usage.domain.ContainerSample;
import io.kubeward.usage.domain.MetricsSnapshot;
import io.kubeward.usage.domain.MetricsSource;
import io.kubeward.usage.domain.NodeSample;
import io.kubeward.usage.domain.OwnerLookup;
import io.kubeward.usage.domain.PodSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The usage benchmark's cluster without a control plane: nodes, namespaces, Deployments,
 * ResourceQuotas and pods built as fabric8 objects and turned into the cache's views by the real
 * projections ({@link PodProjection}, {@link NodeProjection}, ...), and an emulated metrics API
 * ({@link #metricsAt}): each container uses a share of its request that drifts over the day (a
 * daily wave with a phase of its own, plus a little noise), deterministic in the pod and the time,
 * so that the built-in history and the backfilled Prometheus hold the same numbers.
 *
 * <p>Per namespace: one 3-pod StatefulSet ({@code db}), the rest in ~15-pod Deployments (pods named
 * {@code <deployment>-<hash>-<suffix>}, owned by a ReplicaSet the {@link OwnerLookup} maps to the
 * Deployment), two Succeeded Job pods (no node resources), one ResourceQuota. A third of the pods
 * has a sidecar; one in twenty has no requests or limits (BestEffort); memory limits are twice the
 * requests, CPU limits on every other pod. Pods are spread round-robin over the nodes.
 */
final class UsageFixture {

  static final String CLUSTER = "bench";
  static final int NAMESPACES = 100;
  static final int PODS_PER_DEPLOYMENT = 15;
  private static final long[] CPU_REQUESTS = {50, 100, 100, 250, 250, 500};
  private static final long[] MEMORY_REQUESTS_MI = {64, 128, 256, 256, 512, 1024};
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  /** What the emulation needs of each pod: where it runs, what it asks for, its workload. */
  record PodInfo(
      String namespace,
      String name,
      String node,
      String workloadKind,
      String workloadName,
      boolean running,
      List<ContainerResources> containers,
      double share,
      double memoryShare,
      double phase) {}

  final List<NodeView> nodes = new ArrayList<>();
  final List<NamespaceView> namespaces = new ArrayList<>();
  final List<PodView> pods = new ArrayList<>();
  final List<DeploymentView> deployments = new ArrayList<>();
  final List<ObjectView> quotas = new ArrayList<>();
  final List<PodInfo> podInfos = new ArrayList<>();
  final Map<String, List<PodInfo>> podsByNode = new HashMap<>();
  private final Map<String, OwnerRef> replicaSetOwners = new HashMap<>();
  final int nodeCount;
  int containerCount;
  int statefulSets;

  UsageFixture(int nodeCount, int podCount) {
    this.nodeCount = nodeCount;
    SplittableRandom random = new SplittableRandom(12);
    for (int n = 0; n < nodeCount; n++) {
      nodes.add(
          NodeProjection.node(
              new NodeBuilder()
                  .withNewMetadata()
                  .withName(nodeName(n))
                  .withUid("uid-node-" + n)
                  .withResourceVersion("1")
                  .withCreationTimestamp("2026-11-01T00:00:00Z")
                  .addToLabels("topology.kubernetes.io/zone", "zone-" + (char) ('a' + n % 3))
                  .addToLabels("kubernetes.io/hostname", nodeName(n))
                  .endMetadata()
                  .withNewStatus()
                  .addNewCondition()
                  .withType("Ready")
                  .withStatus("True")
                  .withReason("KubeletReady")
                  .withLastTransitionTime("2026-11-01T00:00:00Z")
                  .endCondition()
                  .addToCapacity("cpu", new Quantity("16"))
                  .addToCapacity("memory", new Quantity("64Gi"))
                  .addToCapacity("pods", new Quantity("110"))
                  .addToAllocatable("cpu", new Quantity("15800m"))
                  .addToAllocatable("memory", new Quantity("62Gi"))
                  .addToAllocatable("pods", new Quantity("110"))
                  .withNewNodeInfo()
                  .withKubeletVersion("v1.34.4")
                  .endNodeInfo()
                  .endStatus()
                  .build()));
    }
    int perNamespace = podCount / NAMESPACES;
    int podIndex = 0;
    for (int ns = 0; ns < NAMESPACES; ns++) {
      String namespace = String.format("team-%03d", ns);
      namespaces.add(
          NamespaceProjections.namespace(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName(namespace)
                  .withUid("uid-ns-" + ns)
                  .withResourceVersion("1")
                  .endMetadata()
                  .withNewStatus()
                  .withPhase("Active")
                  .endStatus()
                  .build()));
      quotas.add(
          NamespaceProjections.resourceQuota(
              new ResourceQuotaBuilder()
                  .withNewMetadata()
                  .withName("compute")
                  .withNamespace(namespace)
                  .withUid("uid-quota-" + ns)
                  .withResourceVersion("1")
                  .endMetadata()
                  .withNewStatus()
                  .addToHard("requests.cpu", new Quantity("200"))
                  .addToHard("requests.memory", new Quantity("400Gi"))
                  .addToHard("pods", new Quantity("500"))
                  .addToUsed("requests.cpu", new Quantity("80"))
                  .addToUsed("requests.memory", new Quantity("120Gi"))
                  .addToUsed("pods", new Quantity(String.valueOf(perNamespace)))
                  .endStatus()
                  .build()));
      int count = ns == NAMESPACES - 1 ? podCount - podIndex : perNamespace;
      int statefulPods = Math.min(3, count);
      int jobPods = Math.min(2, count - statefulPods);
      int deploymentPods = count - statefulPods - jobPods;
      int deploymentCount = Math.max(1, Math.ceilDiv(deploymentPods, PODS_PER_DEPLOYMENT));
      if (statefulPods > 0) {
        statefulSets++;
      }
      for (int i = 0; i < statefulPods; i++) {
        add(random, namespace, "db-" + i, "StatefulSet", "db", "StatefulSet", "db", podIndex++);
      }
      for (int i = 0; i < jobPods; i++) {
        String job = "report-2911" + i;
        add(
            random,
            namespace,
            job + "-" + suffix(random),
            "Job",
            job,
            "CronJob",
            "report",
            podIndex++);
      }
      for (int d = 0; d < deploymentCount && deploymentPods > 0; d++) {
        String deployment = String.format("svc-%02d", d);
        String hash = hash(random);
        String replicaSet = deployment + "-" + hash;
        replicaSetOwners.put(namespace + "/" + replicaSet, new OwnerRef("Deployment", deployment));
        int replicas =
            d == deploymentCount - 1
                ? deploymentPods - d * (deploymentPods / deploymentCount)
                : deploymentPods / deploymentCount;
        deployments.add(
            WorkloadProjections.deployment(
                new DeploymentBuilder()
                    .withNewMetadata()
                    .withName(deployment)
                    .withNamespace(namespace)
                    .withUid("uid-" + namespace + "-" + deployment)
                    .withResourceVersion("1")
                    .endMetadata()
                    .withNewSpec()
                    .withReplicas(replicas)
                    .withNewSelector()
                    .addToMatchLabels("app", deployment)
                    .endSelector()
                    .endSpec()
                    .withNewStatus()
                    .withReplicas(replicas)
                    .withReadyReplicas(replicas)
                    .withAvailableReplicas(replicas)
                    .withUpdatedReplicas(replicas)
                    .endStatus()
                    .build()));
        for (int r = 0; r < replicas; r++) {
          add(
              random,
              namespace,
              replicaSet + "-" + suffix(random),
              "ReplicaSet",
              replicaSet,
              "Deployment",
              deployment,
              podIndex++);
        }
      }
    }
  }

  static String nodeName(int n) {
    return String.format("node-%04d", n);
  }

  private void add(
      SplittableRandom random,
      String namespace,
      String name,
      String ownerKind,
      String ownerName,
      String workloadKind,
      String workloadName,
      int index) {
    boolean completed = ownerKind.equals("Job");
    boolean bestEffort = random.nextInt(20) == 0;
    boolean sidecar = random.nextInt(3) == 0;
    String node = nodeName(index % nodeCount);
    List<Container> containers = new ArrayList<>();
    containers.add(container("app", random, bestEffort, random.nextBoolean()));
    if (sidecar) {
      containers.add(container("proxy", random, bestEffort, true));
    }
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(name)
            .withUid("uid-" + namespace + "-" + name)
            .withResourceVersion(String.valueOf(1000 + index))
            .withCreationTimestamp("2026-11-20T00:00:00Z")
            .addToLabels("app", workloadName)
            .addToLabels("pod-template-hash", "x")
            .addNewOwnerReference()
            .withApiVersion(ownerKind.equals("Job") ? "batch/v1" : "apps/v1")
            .withKind(ownerKind)
            .withName(ownerName)
            .withUid("uid-owner-" + ownerName)
            .withController(true)
            .endOwnerReference()
            .endMetadata()
            .withNewSpec()
            .withNodeName(node)
            .withContainers(containers)
            .endSpec()
            .withNewStatus()
            .withPhase(completed ? "Succeeded" : "Running")
            .withPodIP("10." + (index >> 16 & 255) + "." + (index >> 8 & 255) + "." + (index & 255))
            .withContainerStatuses(
                containers.stream()
                    .map(
                        c ->
                            new ContainerStatusBuilder()
                                .withName(c.getName())
                                .withReady(!completed)
                                .withRestartCount(random.nextInt(50) == 0 ? 3 : 0)
                                .withImage("registry.example/" + c.getName() + ":1")
                                .build())
                    .toList())
            .endStatus()
            .build();
    PodView view = PodProjection.pod(pod);
    pods.add(view);
    containerCount += view.containers().size();
    PodInfo info =
        new PodInfo(
            namespace,
            name,
            node,
            workloadKind,
            workloadName,
            view.holdsResources(),
            view.containers(),
            0.15 + 0.9 * random.nextDouble(),
            0.4 + 0.5 * random.nextDouble(),
            random.nextDouble() * 2 * Math.PI);
    podInfos.add(info);
    podsByNode.computeIfAbsent(node, k -> new ArrayList<>()).add(info);
  }

  private static Container container(
      String name, SplittableRandom random, boolean bestEffort, boolean cpuLimit) {
    ContainerBuilder builder =
        new ContainerBuilder().withName(name).withImage("registry.example/" + name + ":1");
    if (!bestEffort) {
      long cpu = CPU_REQUESTS[random.nextInt(CPU_REQUESTS.length)];
      long memory = MEMORY_REQUESTS_MI[random.nextInt(MEMORY_REQUESTS_MI.length)];
      if (name.equals("proxy")) {
        cpu = 50;
        memory = 64;
      }
      ResourceRequirementsBuilder resources =
          new ResourceRequirementsBuilder()
              .addToRequests("cpu", new Quantity(cpu + "m"))
              .addToRequests("memory", new Quantity(memory + "Mi"))
              .addToLimits("memory", new Quantity(2 * memory + "Mi"));
      if (cpuLimit) {
        resources.addToLimits("cpu", new Quantity(2 * cpu + "m"));
      }
      builder.withResources(resources.build());
    }
    return builder.build();
  }

  private static String hash(SplittableRandom random) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  private static String suffix(SplittableRandom random) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  ClusterSnapshot cache() {
    return new ClusterSnapshot(nodes, namespaces, pods, deployments, List.of());
  }

  /** ReplicaSet → Deployment, Job → CronJob, as the cache's ReplicaSets and Jobs say. */
  OwnerLookup owners() {
    return (namespace, kind, name) -> {
      if (kind.equals("ReplicaSet")) {
        return replicaSetOwners.get(namespace + "/" + name);
      }
      if (kind.equals("Job")) {
        return new OwnerRef("CronJob", "report");
      }
      return null;
    };
  }

  int deploymentCount() {
    return deployments.size();
  }

  // ---------------------------------------------------------------- emulated usage

  /** A container's CPU in nanocores at {@code t} (epoch ms). */
  static long cpuNanos(PodInfo pod, ContainerResources container, long t) {
    double request = container.cpuRequest() > 0 ? container.cpuRequest() : 50;
    double wave = 1 + 0.35 * Math.sin(2 * Math.PI * (t / 86_400_000.0) + pod.phase());
    double noise = 1 + 0.08 * noise(pod, container, t);
    double millis =
        request * pod.share() * wave * noise * (container.name().equals("app") ? 1 : 0.3);
    return Math.max(1_000_000L, (long) (millis * 1_000_000));
  }

  /** A container's working set in bytes at {@code t} (epoch ms). */
  static long memoryBytes(PodInfo pod, ContainerResources container, long t) {
    double request = container.memoryRequest() > 0 ? container.memoryRequest() : 96L << 20;
    double wave = 1 + 0.1 * Math.sin(2 * Math.PI * (t / 86_400_000.0) + pod.phase());
    return (long) (request * pod.memoryShare() * wave);
  }

  /** Deterministic noise in [-1, 1] per container and 30-second slot. */
  private static double noise(PodInfo pod, ContainerResources container, long t) {
    long h = pod.name().hashCode() * 31L + container.name().hashCode();
    h ^= (t / 30_000) * 0x9E3779B97F4A7C15L;
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 32;
    return ((h & 0xFFFF) / 32_767.5) - 1;
  }

  /** Node overhead outside pods (kubelet, runtime, system daemons). */
  static final long NODE_CPU_NANOS = 300_000_000L;

  static final long NODE_MEMORY_BYTES = 1536L << 20;

  /**
   * The metrics API at {@code at}, as {@code UsageSnapshots} would hold it: every running pod with
   * its containers, every node (its pods plus the system's share).
   */
  MetricsSnapshot metricsAt(Instant at) {
    long t = at.toEpochMilli();
    Instant sampleTime = at.minusSeconds(10);
    Duration window = Duration.ofSeconds(15);
    Map<String, Map<String, PodSample>> byNamespace = new HashMap<>();
    Map<String, long[]> nodeSums = new HashMap<>();
    for (PodInfo pod : podInfos) {
      if (!pod.running()) {
        continue;
      }
      List<ContainerSample> containers = new ArrayList<>(pod.containers().size());
      long[] sums = nodeSums.computeIfAbsent(pod.node(), k -> new long[2]);
      for (ContainerResources c : pod.containers()) {
        long cpu = cpuNanos(pod, c, t);
        long memory = memoryBytes(pod, c, t);
        containers.add(new ContainerSample(c.name(), cpu, memory));
        sums[0] += cpu;
        sums[1] += memory;
      }
      byNamespace
          .computeIfAbsent(pod.namespace(), k -> new HashMap<>())
          .put(
              pod.name(),
              new PodSample(pod.namespace(), pod.name(), sampleTime, window, containers));
    }
    Map<String, NodeSample> nodeSamples = new HashMap<>();
    for (NodeView node : nodes) {
      long[] sums = nodeSums.getOrDefault(node.name(), new long[2]);
      nodeSamples.put(
          node.name(),
          new NodeSample(
              node.name(),
              sampleTime,
              Duration.ofSeconds(20),
              sums[0] + NODE_CPU_NANOS,
              sums[1] + NODE_MEMORY_BYTES));
    }
    return new MetricsSnapshot(
        CLUSTER, MetricsSource.metricsApi(), at, nodeSamples, byNamespace, false);
  }

  /**
   * The built-in sampler's input from a metrics snapshot, as {@code SnapshotUsage} makes it (each
   * pod placed on its node and in its workload from the cache: ReplicaSet → Deployment, Job →
   * CronJob).
   */
  UsageSnapshot usageOf(MetricsSnapshot snapshot) {
    List<UsageSnapshot.NodeUsage> nodeUsage = new ArrayList<>(snapshot.nodes().size());
    for (NodeSample n : snapshot.nodes().values()) {
      nodeUsage.add(new UsageSnapshot.NodeUsage(n.name(), n.cpuMillis(), n.memoryBytes()));
    }
    List<UsageSnapshot.PodUsage> podUsage = new ArrayList<>(snapshot.podCount());
    for (PodInfo pod : podInfos) {
      PodSample p = snapshot.pod(pod.namespace(), pod.name());
      if (p != null) {
        podUsage.add(
            new UsageSnapshot.PodUsage(
                p.namespace(),
                p.name(),
                pod.node(),
                pod.workloadKind(),
                pod.workloadName(),
                p.cpuMillis(),
                p.memoryBytes()));
      }
    }
    return new UsageSnapshot(snapshot.fetchedAt(), nodeUsage, podUsage);
  }
}
