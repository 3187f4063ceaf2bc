package io.kubeward.workload.domain;

/** One workload object of a cluster. */
public record WorkloadRef(String cluster, WorkloadKind kind, String namespace, String name) {

  @Override
  public String toString() {
    return cluster + "/" + kind.plural() + "/" + namespace + "/" + name;
  }
}
