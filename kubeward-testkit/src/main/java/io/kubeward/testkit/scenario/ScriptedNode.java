package io.kubeward.testkit.scenario;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.testkit.Conflicts;
import io.kubeward.testkit.Workloads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node whose kubelet is the test: KWOK does not manage it (no {@code kwok.x-k8s.io/node}
 * annotation), so its heartbeats (Lease renewals and the Ready condition) and the status of the
 * pods bound to it are exactly what the test says. One node can thus stop heartbeating while every
 * KWOK node keeps going (stopping KWOK stops them all).
 *
 * <ul>
 *   <li>{@link #start} creates the node, its Lease in {@code kube-node-lease} and posts Ready; a
 *       heartbeat renews the Lease every {@code heartbeat} (default 2 s).
 *   <li>{@link #stopHeartbeats()}: the Lease is no longer renewed and no status posted, as when the
 *       kubelet or its machine dies; the node controller sets Ready=Unknown after its grace period
 *       (50 s in Kubernetes 1.34), Kubeward's node health says {@code HeartbeatStale} after {@code
 *       kubeward.node-health.heartbeat-stale-after}.
 *   <li>{@link #reportNotReady(String, String)}: the kubelet keeps heartbeating but reports
 *       Ready=False at once (e.g. the container runtime is down), the fastest way for the apiserver
 *       to show a node NotReady: {@link #reportNotReady} returns the instant the apiserver accepted
 *       it (the benchmark's start).
 *   <li>{@link #recover()}: heartbeats resume and Ready=True is posted.
 * </ul>
 *
 * The node carries the taint {@value #TAINT}{@code :NoSchedule} so that no other test's pod lands
 * on it; pods for it are bound with {@link #runPod} / {@link #crashLoopingPod} (their status is
 * posted by this class as a kubelet would).
 */
public final class ScriptedNode implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ScriptedNode.class);

  /** Label and taint key of scripted nodes (value: {@code "true"}). */
  public static final String TAINT = "sim.kubeward.io/scripted";

  public static final String LEASE_NAMESPACE = "kube-node-lease";
  private static final int LEASE_SECONDS = 40;
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_INSTANT;

  private final KubernetesClient client;
  private final String name;
  private final Clock clock;
  private final ScheduledExecutorService heartbeat;
  private final Object lock = new Object();
  private boolean beating = true;
  private boolean ready = true;
  private String notReadyReason = "";
  private String notReadyMessage = "";
  private final List<PodRef> pods = new ArrayList<>();

  private record PodRef(String namespace, String name) {}

  private ScriptedNode(KubernetesClient client, String name, Clock clock) {
    this.client = client;
    this.name = name;
    this.clock = clock;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("scripted-node-" + name).unstarted(r));
  }

  /** Creates a Ready node {@code name} with a 2 s heartbeat and the given extra labels. */
  public static ScriptedNode start(
      KubernetesClient client, String name, Map<String, String> labels) {
    return start(client, name, labels, Duration.ofSeconds(2));
  }

  public static ScriptedNode start(
      KubernetesClient client, String name, Map<String, String> labels, Duration heartbeat) {
    ScriptedNode node = new ScriptedNode(client, name, Clock.systemUTC());
    node.create(labels);
    node.heartbeat.scheduleWithFixedDelay(
        node::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    return node;
  }

  public String name() {
    return name;
  }

  /** The kubelet dies: no more Lease renewals, no more status. */
  public void stopHeartbeats() {
    synchronized (lock) {
      beating = false;
    }
  }

  /**
   * The kubelet reports Ready=False (it keeps renewing the Lease). Returns the time the apiserver
   * accepted the status, i.e. from when a client watching the node sees it NotReady.
   */
  public Instant reportNotReady(String reason, String message) {
    synchronized (lock) {
      ready = false;
      notReadyReason = reason;
      notReadyMessage = message;
      beating = true;
      postStatus();
      return clock.instant();
    }
  }

  /** Heartbeats resume and the node is Ready again; returns when the apiserver accepted it. */
  public Instant recover() {
    synchronized (lock) {
      ready = true;
      beating = true;
      renewLease();
      postStatus();
      return clock.instant();
    }
  }

  /** Whether the apiserver shows this node's Ready condition with {@code status}. */
  public boolean readyConditionIs(String status) {
    Node node = client.nodes().withName(name).get();
    return node != null
        && node.getStatus() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && status.equals(c.getStatus()));
  }

  // ---------------------------------------------------------------- pods

  /** A Running, Ready pod bound to this node (one container {@code app}). */
  public Pod runPod(String namespace, String podName, Map<String, String> labels) {
    Pod pod = bind(namespace, podName, labels);
    return postPodStatus(pod, true, 0);
  }

  /**
   * A pod bound to this node whose container waits in {@code CrashLoopBackOff} after {@code
   * restarts} restarts (last exit code 1), as the kubelet reports it.
   */
  public Pod crashLoopingPod(
      String namespace, String podName, Map<String, String> labels, int restarts) {
    Pod pod = bind(namespace, podName, labels);
    return postPodStatus(pod, false, restarts);
  }

  private Pod bind(String namespace, String podName, Map<String, String> labels) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(podName)
            .withNamespace(namespace)
            .withLabels(labels)
            .endMetadata()
            .withNewSpec()
            .withNodeName(name)
            .addNewToleration()
            .withKey(TAINT)
            .withOperator("Exists")
            .endToleration()
            .addNewContainer()
            .withName("app")
            .withImage(Workloads.IMAGE)
            .endContainer()
            .endSpec()
            .build();
    Pod created = client.pods().inNamespace(namespace).resource(pod).create();
    synchronized (lock) {
      pods.add(new PodRef(namespace, podName));
    }
    return created;
  }

  private Pod postPodStatus(Pod pod, boolean running, int restarts) {
    String now = now();
    ContainerStatus container =
        running
            ? new ContainerStatusBuilder()
                .withName("app")
                .withImage(Workloads.IMAGE)
                .withImageID("")
                .withReady(true)
                .withStarted(true)
                .withRestartCount(0)
                .withNewState()
                .withNewRunning()
                .withStartedAt(now)
                .endRunning()
                .endState()
                .build()
            : new ContainerStatusBuilder()
                .withName("app")
                .withImage(Workloads.IMAGE)
                .withImageID("")
                .withReady(false)
                .withStarted(false)
                .withRestartCount(restarts)
                .withNewState()
                .withNewWaiting()
                .withReason("CrashLoopBackOff")
                .withMessage("back-off 5m0s restarting failed container=app")
                .endWaiting()
                .endState()
                .withNewLastState()
                .withNewTerminated()
                .withExitCode(1)
                .withReason("Error")
                .withStartedAt(now)
                .withFinishedAt(now)
                .endTerminated()
                .endLastState()
                .build();
    String readyStatus = running ? "True" : "False";
    List<PodCondition> conditions =
        List.of(
            podCondition("PodScheduled", "True", now),
            podCondition("Initialized", "True", now),
            podCondition("ContainersReady", readyStatus, now),
            podCondition("Ready", readyStatus, now));
    String namespace = pod.getMetadata().getNamespace();
    String podName = pod.getMetadata().getName();
    Pod[] updated = new Pod[1];
    Conflicts.retry(
        () -> {
          Pod latest = client.pods().inNamespace(namespace).withName(podName).get();
          Pod withStatus =
              new PodBuilder(latest)
                  .withNewStatus()
                  .withPhase("Running")
                  .withHostIP("127.0.0.1")
                  .withPodIP("10.250.0." + (1 + Math.floorMod(podName.hashCode(), 250)))
                  .withStartTime(now)
                  .withConditions(conditions)
                  .withContainerStatuses(container)
                  .endStatus()
                  .build();
          updated[0] = client.pods().inNamespace(namespace).resource(withStatus).updateStatus();
        });
    return updated[0];
  }

  private static PodCondition podCondition(String type, String status, String now) {
    return new PodConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withLastTransitionTime(now)
        .build();
  }

  // ---------------------------------------------------------------- node and lease

  private void create(Map<String, String> extraLabels) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("kubernetes.io/hostname", name);
    labels.put("kubernetes.io/os", "linux");
    labels.put("kubernetes.io/arch", "amd64");
    labels.put(TAINT, "true");
    labels.putAll(extraLabels);
    Node node =
        new NodeBuilder()
            .withNewMetadata()
            .withName(name)
            .withLabels(labels)
            .endMetadata()
            .withNewSpec()
            .addNewTaint()
            .withKey(TAINT)
            .withValue("true")
            .withEffect("NoSchedule")
            .endTaint()
            .endSpec()
            .build();
    Node created = client.nodes().resource(node).create();
    Lease lease =
        new LeaseBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(LEASE_NAMESPACE)
            .addNewOwnerReference()
            .withApiVersion("v1")
            .withKind("Node")
            .withName(name)
            .withUid(created.getMetadata().getUid())
            .endOwnerReference()
            .endMetadata()
            .withNewSpec()
            .withHolderIdentity(name)
            .withLeaseDurationSeconds(LEASE_SECONDS)
            .withRenewTime(microNow())
            .endSpec()
            .build();
    client.leases().inNamespace(LEASE_NAMESPACE).resource(lease).create();
    synchronized (lock) {
      postStatus();
    }
  }

  private void beat() {
    synchronized (lock) {
      if (!beating) {
        return;
      }
      try {
        renewLease();
      } catch (KubernetesClientException e) {
        log.warn("Heartbeat of scripted node {} failed: {}", name, e.getMessage());
      }
    }
  }

  private void renewLease() {
    client
        .leases()
        .inNamespace(LEASE_NAMESPACE)
        .withName(name)
        .edit(
            lease -> {
              lease.getSpec().setRenewTime(microNow());
              lease.getSpec().setHolderIdentity(name);
              return lease;
            });
  }

  /**
   * Posts the node's status (Ready as scripted, heartbeat now), as the kubelet does; again on a
   * conflict (the node controller writes taints and annotations meanwhile).
   */
  private void postStatus() {
    Conflicts.retry(this::postStatusOnce);
  }

  private void postStatusOnce() {
    String now = now();
    Map<String, Quantity> capacity =
        Map.of(
            "cpu", new Quantity("8"),
            "memory", new Quantity("32Gi"),
            "pods", new Quantity("110"),
            "ephemeral-storage", new Quantity("100Gi"));
    List<NodeCondition> conditions = new ArrayList<>();
    for (String pressure : List.of("MemoryPressure", "DiskPressure", "PIDPressure")) {
      conditions.add(
          new NodeConditionBuilder()
              .withType(pressure)
              .withStatus("False")
              .withReason("KubeletHas" + pressure.replace("Pressure", "") + "OK")
              .withLastHeartbeatTime(now)
              .withLastTransitionTime(now)
              .build());
    }
    conditions.add(
        new NodeConditionBuilder()
            .withType("Ready")
            .withStatus(ready ? "True" : "False")
            .withReason(ready ? "KubeletReady" : notReadyReason)
            .withMessage(ready ? "kubelet is posting ready status" : notReadyMessage)
            .withLastHeartbeatTime(now)
            .withLastTransitionTime(now)
            .build());
    Node current = client.nodes().withName(name).get();
    Objects.requireNonNull(current, "scripted node " + name + " is gone");
    Node updated =
        new NodeBuilder(current)
            .editOrNewStatus()
            .withCapacity(capacity)
            .withAllocatable(capacity)
            .withConditions(conditions)
            .withAddresses()
            .addNewAddress()
            .withType("InternalIP")
            .withAddress("127.0.0.1")
            .endAddress()
            .addNewAddress()
            .withType("Hostname")
            .withAddress(name)
            .endAddress()
            .withNewNodeInfo()
            .withArchitecture("amd64")
            .withOperatingSystem("linux")
            .withKubeletVersion("v1.34.4-scripted")
            .withKubeProxyVersion("")
            .withContainerRuntimeVersion("scripted://1")
            .withKernelVersion("")
            .withOsImage("scripted")
            .withBootID("")
            .withMachineID("")
            .withSystemUUID("")
            .endNodeInfo()
            .endStatus()
            .build();
    client.nodes().resource(updated).updateStatus();
  }

  private String now() {
    return RFC3339.format(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  private ZonedDateTime microNow() {
    return ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /**
   * Stops the heartbeat and deletes the pods bound to the node and the node (its Lease follows).
   */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    List<PodRef> bound;
    synchronized (lock) {
      bound = List.copyOf(pods);
    }
    for (PodRef pod : bound) {
      client.pods().inNamespace(pod.namespace()).withName(pod.name()).withGracePeriod(0).delete();
    }
    client.nodes().withName(name).delete();
    client.leases().inNamespace(LEASE_NAMESPACE).withName(name).delete();
  }
}
