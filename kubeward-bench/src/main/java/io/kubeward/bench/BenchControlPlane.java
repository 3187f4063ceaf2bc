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

  /**
   * Node lease length KWOK is given when many nodes share the 2 cores (KWOK's default here: 40 s).
   */
  static final int RELAXED_LEASE_SECONDS = 240;

  /**
   * KWOK's workers for pod stages (its default 4): with 4, pods become Running no faster than 4
   * patches at a time, each waiting on a loaded apiserver.
   */
  static final int KWOK_PARALLELISM = 16;

  /**
   * Endpoints and EndpointSlices written at most once per this many seconds per Service, as large
   * sites configure: without it every pod turning ready rewrites both, two of the ~9 writes a pod
   * costs while a fixture of 150,000 pods is built.
   */
  static final int ENDPOINT_BATCH_SECONDS = 5;

  /**
   * The scale benchmark's control plane for the huge and fleet sizes. KWOK renews each node's lease
   * about every {@value #RELAXED_LEASE_SECONDS}/4 s instead of every 10 s: 5,000 nodes (or 20
   * control planes of 67) renewing every 10 s are hundreds of writes a second by themselves, more
   * than the apiservers take on 2 cores next to everything else; the node grace period (5 min,
   * above) stays longer than the lease, so nodes stay Ready. KWOK's workers and the endpoint
   * batching: see their constants.
   */
  static ControlPlaneOptions manyNodes() {
    return ScaleBenchmark.controlPlaneOptionsBuilder()
        .extraArgs(Component.KWOK, "--node-lease-duration-seconds=" + RELAXED_LEASE_SECONDS)
        .kwokParallelism(KWOK_PARALLELISM)
        .extraArgs(
            Component.KUBE_CONTROLLER_MANAGER,
            "--endpoint-updates-batch-period=" + ENDPOINT_BATCH_SECONDS + "s",
            "--endpointslice-updates-batch-period=" + ENDPOINT_BATCH_SECONDS + "s")
        .build();
  }

  /** Says so in a report's fixture line. */
  static String manyNodesText() {
    return ("KWOK node leases of %d s, renewed about every %d s (40 s and 10 s elsewhere), %d KWOK"
            + " workers per stage kind (4 elsewhere), Endpoints and EndpointSlices batched per %d s")
        .formatted(
            RELAXED_LEASE_SECONDS,
            RELAXED_LEASE_SECONDS / 4,
            KWOK_PARALLELISM,
            ENDPOINT_BATCH_SECONDS);
  }
}
