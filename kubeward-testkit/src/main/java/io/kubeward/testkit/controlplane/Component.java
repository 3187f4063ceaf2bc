package io.kubeward.testkit.controlplane;

/**
 * The processes of the local control plane, in start order. metrics-server is optional: it runs
 * only when metrics are switched on ({@link ControlPlaneOptions#metrics()}, {@link
 * ControlPlane#enableMetrics()}).
 */
public enum Component {
  ETCD("etcd", true),
  KUBE_APISERVER("kube-apiserver", true),
  KUBE_CONTROLLER_MANAGER("kube-controller-manager", true),
  KUBE_SCHEDULER("kube-scheduler", true),
  KWOK("kwok", true),
  METRICS_SERVER("metrics-server", false);

  private final String binary;
  private final boolean required;

  Component(String binary, boolean required) {
    this.binary = binary;
    this.required = required;
  }

  /** Whether every control plane runs it (else only with metrics switched on). */
  public boolean required() {
    return required;
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
