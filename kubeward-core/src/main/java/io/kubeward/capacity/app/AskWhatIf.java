package io.kubeward.capacity.app;

import io.fabric8.kubernetes.api.model.Quantity;
import io.kubeward.access.app.Caller;
import io.kubeward.capacity.domain.NodePools;
import io.kubeward.capacity.domain.WhatIfAnswer;
import io.kubeward.capacity.domain.WhatIfSimulator;
import io.kubeward.capacity.domain.WorkloadTemplate;
import io.kubeward.capacity.domain.scheduling.PodShape;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ClusterRequestException;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Resources;
import io.kubeward.common.Names;
import io.kubeward.workload.app.WorkloadNotFoundException;
import io.kubeward.workload.domain.WorkloadKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Use case: what-if scheduling (issue 17, ADR 0049) — more replicas of a workload, other requests
 * for it, or a drain of a node, zone or node pool — answered by the scheduler model over the cached
 * nodes and pods. What the cache lacks is read live as the caller ({@link WhatIfReader}): the
 * workload's template, the drained nodes' pods. Needs {@code list nodes}; nothing is written.
 */
public final class AskWhatIf {

  /** A drain target: exactly one of node, zone, pool. */
  public record DrainTarget(@Nullable String node, @Nullable String zone, @Nullable String pool) {}

  private final ClusterReads reads;
  private final WhatIfReader reader;
  private final CapacitySettings settings;

  public AskWhatIf(ClusterReads reads, WhatIfReader reader, CapacitySettings settings) {
    this.reads = reads;
    this.reader = reader;
    this.settings = settings;
  }

  public WhatIfAnswer replicas(
      Caller caller, String cluster, String kind, String namespace, String name, int count) {
    if (count < 1 || count > settings.maxReplicas()) {
      throw CapacityRequestException.outOfRange(
          "replicas", Integer.toString(count), Integer.toString(settings.maxReplicas()));
    }
    ManagedCluster managed = ready(caller, cluster);
    WorkloadTemplate workload = template(caller, managed, kind, namespace, name);
    return WhatIfSimulator.replicas(nodes(managed), pods(managed), workload, count);
  }

  public WhatIfAnswer requests(
      Caller caller,
      String cluster,
      String kind,
      String namespace,
      String name,
      @Nullable String cpu,
      @Nullable String memory) {
    if (blank(cpu) && blank(memory)) {
      throw CapacityRequestException.noRequests();
    }
    Long cpuMillis = blank(cpu) ? null : cpuMillis(cpu);
    Long memoryBytes = blank(memory) ? null : memoryBytes(memory);
    ManagedCluster managed = ready(caller, cluster);
    WorkloadTemplate workload = template(caller, managed, kind, namespace, name);
    Resources current =
        PodShape.of(name, namespace, workload.labels(), workload.spec(), false).requests();
    Resources wanted =
        new Resources(
            cpuMillis == null ? current.cpuMillis() : cpuMillis,
            memoryBytes == null ? current.memoryBytes() : memoryBytes,
            1);
    return WhatIfSimulator.requests(nodes(managed), pods(managed), workload, wanted);
  }

  public WhatIfAnswer drain(Caller caller, String cluster, DrainTarget target) {
    int given =
        (blank(target.node()) ? 0 : 1)
            + (blank(target.zone()) ? 0 : 1)
            + (blank(target.pool()) ? 0 : 1);
    if (given != 1) {
      throw CapacityRequestException.drainTarget();
    }
    ManagedCluster managed = ready(caller, cluster);
    Collection<NodeView> nodes = nodes(managed);
    Set<String> drained = new TreeSet<>();
    String subject;
    NodePools pools = new NodePools(settings.poolLabels());
    if (!blank(target.node())) {
      subject = "node " + target.node();
      nodes.stream()
          .filter(n -> n.name().equals(target.node()))
          .forEach(n -> drained.add(n.name()));
    } else if (!blank(target.zone())) {
      subject = "zone " + target.zone();
      nodes.stream()
          .filter(n -> target.zone().equals(n.labels().get(NodePools.ZONE_LABEL)))
          .forEach(n -> drained.add(n.name()));
    } else {
      subject = "pool " + target.pool();
      nodes.stream()
          .filter(n -> target.pool().equals(pools.poolOf(n.labels())))
          .forEach(n -> drained.add(n.name()));
    }
    if (drained.isEmpty()) {
      throw CapacityRequestException.noNodes(subject, managed.name());
    }
    long onDrained =
        pods(managed).stream()
            .filter(p -> p.holdsResources() && drained.contains(p.nodeName()))
            .count();
    if (onDrained > settings.maxDrainPods()) {
      throw CapacityRequestException.tooManyPods(subject, onDrained, settings.maxDrainPods());
    }
    List<WhatIfReader.LivePod> live = reader.podsOn(caller, managed.name(), drained);
    List<PodShape> evicted = new ArrayList<>();
    Set<String> controlled = new HashSet<>();
    for (WhatIfReader.LivePod pod : live) {
      evicted.add(pod.shape());
      if (pod.controlled()) {
        controlled.add(pod.shape().namespace() + "/" + pod.shape().name());
      }
    }
    return WhatIfSimulator.drain(subject, nodes, pods(managed), drained, evicted, controlled);
  }

  private ManagedCluster ready(Caller caller, String cluster) {
    ManagedCluster managed = reads.ready(cluster, EnumSet.of(CachedKind.NODES, CachedKind.PODS));
    reads.requireVisible(caller, managed, CachedKind.NODES);
    return managed;
  }

  private WorkloadTemplate template(
      Caller caller, ManagedCluster managed, String kind, String namespace, String name) {
    WorkloadKind workloadKind =
        WorkloadKind.parse(kind)
            .filter(WorkloadKind::scalable)
            .orElseThrow(() -> CapacityRequestException.notScalable(kind));
    if (namespace == null || !Names.isNamespace(namespace)) {
      throw ClusterRequestException.invalidParameter(
          "namespace", namespace, "a namespace name (lower-case letters, digits and '-')");
    }
    if (name == null || !Names.isObjectName(name)) {
      throw ClusterRequestException.invalidParameter("name", name, "a workload name");
    }
    WorkloadTemplate template =
        reader.template(caller, managed.name(), workloadKind, namespace, name);
    if (template == null) {
      throw new WorkloadNotFoundException(managed.name(), workloadKind, namespace, name);
    }
    return template;
  }

  private long cpuMillis(String text) {
    BigDecimal millis = amount("cpu", text).movePointRight(3).setScale(0, RoundingMode.CEILING);
    if (millis.signum() < 0 || millis.compareTo(BigDecimal.valueOf(settings.maxCpuMillis())) > 0) {
      throw CapacityRequestException.outOfRange("cpu", text, settings.maxCpuMillis() + "m");
    }
    return millis.longValueExact();
  }

  private long memoryBytes(String text) {
    BigDecimal bytes = amount("memory", text).setScale(0, RoundingMode.CEILING);
    if (bytes.signum() < 0 || bytes.compareTo(BigDecimal.valueOf(settings.maxMemoryBytes())) > 0) {
      throw CapacityRequestException.outOfRange(
          "memory", text, Long.toString(settings.maxMemoryBytes()));
    }
    return bytes.longValueExact();
  }

  private static BigDecimal amount(String parameter, String text) {
    if (text.length() > 32) {
      throw CapacityRequestException.invalidQuantity(parameter, text);
    }
    try {
      return Quantity.getAmountInBytes(new Quantity(text.strip()));
    } catch (RuntimeException e) { // fabric8's parser throws several kinds for malformed text
      throw CapacityRequestException.invalidQuantity(parameter, text);
    }
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  static Collection<NodeView> nodes(ManagedCluster cluster) {
    return GetCapacity.nodes(cluster);
  }

  static Collection<PodView> pods(ManagedCluster cluster) {
    return GetCapacity.pods(cluster);
  }
}
