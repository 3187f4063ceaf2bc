package io.kubeward.posture.domain;

/**
 * What a check judged: a workload (its pod template, once per workload), a Service, a namespace
 * ({@code kind = Namespace}, {@code namespace} = its name), an RBAC binding or the cluster itself
 * ({@code kind = Cluster}, {@code namespace} null). {@code namespace} is null for cluster-scoped
 * subjects.
 */
public record Subject(String kind, String namespace, String name) {

  public static Subject namespace(String name) {
    return new Subject("Namespace", name, name);
  }

  public static Subject cluster(String name) {
    return new Subject("Cluster", null, name);
  }
}
