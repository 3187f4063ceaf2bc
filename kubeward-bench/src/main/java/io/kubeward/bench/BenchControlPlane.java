package io.kubeward.bench;

import io.kubeward.testkit.controlplane.Component;
import io.kubeward.testkit.controlplane.ControlPlaneOptions;

/** Control-plane settings the benchmarks share. */
final class BenchControlPlane {

  private BenchControlPlane() {}

  /**
   * Controller-manager and scheduler fast enough to build hundreds of Deployments in minutes, and a
   * node grace period long enough that nodes missing heartbeats on 2 busy cores keep their pods.
   */
  static ControlPlaneOptions.Builder withFastControllers(ControlPlaneOptions.Builder options) {
    return options
        .extraArgs(
            Component.KUBE_CONTROLLER_MANAGER,
            "--kube-api-qps=1000",
            "--kube-api-burst=2000",
            "--concurrent-deployment-syncs=20",
            "--concurrent-replicaset-syncs=20",
            "--node-monitor-grace-period=5m")
        .extraArgs(Component.KUBE_SCHEDULER, "--kube-api-qps=1000", "--kube-api-burst=2000");
  }
}
