package io.kubeward.history.domain;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a history is about: the cluster, a node, a namespace, a workload ({@code workloadKind}
 * Deployment, StatefulSet, ...) or a pod. Names are validated as Kubernetes names, so that they can
 * be written into PromQL label matchers without escaping tricks.
 *
 * @param name the node, namespace, workload or pod name; {@code null} for the cluster
 * @param namespace the namespace of a workload or pod (for a namespace target: its name)
 * @param workloadKind the kind of a workload target, else {@code null}
 * @param container the container name of a container target (its {@code name} is the workload's),
 *     else {@code null}
 */
public record HistoryTarget(
    TargetKind kind, String name, String namespace, String workloadKind, String container) {

  /** A target that is not a container. */
  public HistoryTarget(TargetKind kind, String name, String namespace, String workloadKind) {
    this(kind, name, namespace, workloadKind, null);
  }

  /** The workload kinds a history can be asked for. */
  public static final List<String> WORKLOAD_KINDS =
      List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob");

  /** DNS subdomain names (nodes, pods, workloads) and labels (namespaces) both match this. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  public HistoryTarget {
    Objects.requireNonNull(kind, "kind");
    if (kind != TargetKind.CONTAINER) {
      container = null;
    }
    switch (kind) {
      case CLUSTER -> {
        name = null;
        namespace = null;
        workloadKind = null;
      }
      case NODE -> {
        requireName("name", name);
        namespace = null;
        workloadKind = null;
      }
      case NAMESPACE -> {
        String ns = name != null ? name : namespace;
        requireName("name", ns);
        name = ns;
        namespace = ns;
        workloadKind = null;
      }
      case WORKLOAD, CONTAINER -> {
        if (kind == TargetKind.CONTAINER) {
          requireName("container", container);
        }
        requireName("name", name);
        requireName("namespace", namespace);
        if (workloadKind == null || !WORKLOAD_KINDS.contains(workloadKind)) {
          throw new IllegalArgumentException(
              "kind must be one of " + String.join(", ", WORKLOAD_KINDS));
        }
      }
      case POD -> {
        requireName("name", name);
        requireName("namespace", namespace);
        workloadKind = null;
      }
    }
  }

  public static HistoryTarget cluster() {
    return new HistoryTarget(TargetKind.CLUSTER, null, null, null);
  }

  public static HistoryTarget node(String name) {
    return new HistoryTarget(TargetKind.NODE, name, null, null);
  }

  public static HistoryTarget namespace(String name) {
    return new HistoryTarget(TargetKind.NAMESPACE, name, name, null);
  }

  public static HistoryTarget workload(String namespace, String kind, String name) {
    return new HistoryTarget(TargetKind.WORKLOAD, name, namespace, kind);
  }

  /** One container name of a workload (all its pods). */
  public static HistoryTarget container(
      String namespace, String kind, String workload, String container) {
    return new HistoryTarget(TargetKind.CONTAINER, workload, namespace, kind, container);
  }

  /** The workload of a container target. */
  public HistoryTarget workloadTarget() {
    return workload(namespace, workloadKind, name);
  }

  public static HistoryTarget pod(String namespace, String name) {
    return new HistoryTarget(TargetKind.POD, name, namespace, null);
  }

  /**
   * A stable key of the target inside one cluster, as the built-in history stores it: {@code
   * cluster}, {@code node/<name>}, {@code namespace/<ns>}, {@code workload/<ns>/<Kind>/<name>},
   * {@code pod/<ns>/<name>}, {@code ctr/<ns>/<Kind>/<workload>/<container>}.
   */
  public String key() {
    return switch (kind) {
      case CLUSTER -> "cluster";
      case NODE -> "node/" + name;
      case NAMESPACE -> "namespace/" + name;
      case WORKLOAD -> "workload/" + namespace + "/" + workloadKind + "/" + name;
      case POD -> "pod/" + namespace + "/" + name;
      case CONTAINER -> "ctr/" + namespace + "/" + workloadKind + "/" + name + "/" + container;
    };
  }

  private static void requireName(String what, String value) {
    if (value == null || value.length() > 253 || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must be a Kubernetes name, is " + value);
    }
  }
}
