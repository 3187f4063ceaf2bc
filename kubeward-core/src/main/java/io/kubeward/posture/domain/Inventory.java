package io.kubeward.posture.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a scan read of a cluster, live and as the caller: workloads (pod templates), Services,
 * namespaces with their labels, and the namespaces that have at least one NetworkPolicy. {@code
 * unreadable} names what Kubernetes refused to list to the caller; {@code truncated} says the read
 * stopped at the object bound or the scan timeout.
 */
public record Inventory(
    List<Workload> workloads,
    List<ServiceInfo> services,
    Map<String, Map<String, String>> namespaceLabels,
    Set<String> namespacesWithNetworkPolicy,
    List<String> unreadable,
    boolean truncated) {

  public Inventory {
    workloads = List.copyOf(workloads);
    services = List.copyOf(services);
    namespaceLabels = Map.copyOf(namespaceLabels);
    namespacesWithNetworkPolicy = Set.copyOf(namespacesWithNetworkPolicy);
    unreadable = List.copyOf(unreadable);
  }

  /** A Service's name and type. */
  public record ServiceInfo(String namespace, String name, String type) {}
}
