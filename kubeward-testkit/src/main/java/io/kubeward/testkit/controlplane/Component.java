package io.kubeward.testkit.controlplane;

/** The processes of the local control plane, in start order. */
public enum Component {
  ETCD("etcd"),
  KUBE_APISERVER("kube-apiserver"),
  KUBE_CONTROLLER_MANAGER("kube-controller-manager"),
  KUBE_SCHEDULER("kube-scheduler"),
  KWOK("kwok");

  private final String binary;

  Component(String binary) {
    this.binary = binary;
  }

  /** The binary's file name, also used as the component's name in messages and log files. */
  public String binary() {
    return binary;
  }

  @Override
  public String toString() {
    return binary;
  }
}
