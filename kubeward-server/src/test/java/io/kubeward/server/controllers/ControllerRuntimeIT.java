package io.kubeward.server.controllers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.app.RuntimeClusterRegistry;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.runtime.app.ReconcileContext;
import io.kubeward.runtime.app.Reconciler;
import io.kubeward.runtime.domain.Result;
import io.kubeward.runtime.domain.RetryPolicy;
import io.kubeward.runtime.kube.ControllerRuntime;
import io.kubeward.runtime.kube.ControllerSpec;
import io.kubeward.runtime.kube.RuntimeSettings;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The controller runtime with two replicas of one cluster on the local control plane: one leads, a
 * replica that loses the Lease stops reconciling at once (no two replicas act on one object, the
 * failure JOSDK showed in the ADR 0014 spike), campaigns again, and the finalizer's clean-up runs
 * once. The controlled kind is a labelled ConfigMap, so no CRD is needed.
 */
@LocalControlPlane
class ControllerRuntimeIT {

  static final ResourceDefinitionContext CONFIG_MAPS =
      new ResourceDefinitionContext.Builder()
          .withGroup("")
          .withVersion("v1")
          .withKind("ConfigMap")
          .withPlural("configmaps")
          .withNamespaced(true)
          .build();
  static final String LABEL = "test.kubeward.io/runtime-it";
  static final String FINALIZER = "test.kubeward.io/cleanup";
  static final String LEASE = "it-controllers";
  static final Duration DEADLINE = Duration.ofMinutes(2);

  /** Which replica reconciled or cleaned up which object. */
  final Map<String, List<String>> reconciled = new ConcurrentHashMap<>();

  final Map<String, List<String>> cleaned = new ConcurrentHashMap<>();

  /** The cluster as the registry holds it; the runtime only needs its name. */
  record TestCluster(String name) implements ManagedCluster {
    @Override
    public Reachability reachability() {
      return null;
    }

    @Override
    public boolean cacheSynced() {
      return true;
    }

    @Override
    public ClusterSnapshot snapshot() {
      return null;
    }
  }

  ControllerRuntime replica(String id, KubernetesClient client, String namespace) {
    ControllerSpec<String> spec =
        new ControllerSpec<>(
            "runtime-it",
            CONFIG_MAPS,
            r -> r.getMetadata().getName(),
            FINALIZER,
            null,
            binding ->
                new Reconciler<>() {
                  @Override
                  public Result reconcile(String name, ReconcileContext context) {
                    reconciled.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>()).add(id);
                    return Result.done();
                  }

                  @Override
                  public Result cleanup(String name, ReconcileContext context) {
                    cleaned.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>()).add(id);
                    return Result.done();
                  }
                },
            LABEL + "=" + namespace);
    RuntimeSettings settings =
        new RuntimeSettings(
            namespace,
            LEASE,
            new RuntimeSettings.Election(
                Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(500)),
            new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(2)),
            false,
            Duration.ofSeconds(10));
    return new ControllerRuntime(
        new RuntimeClusterRegistry(List.of(new TestCluster("local")), "local"),
        cluster -> Optional.of(client),
        List.of(spec),
        settings,
        Clock.systemUTC(),
        id);
  }

  void configMap(KubernetesClient kube, String namespace, String name) {
    kube.configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels(LABEL, namespace)
                .endMetadata()
                .build())
        .create();
  }

  static ControllerRuntime leader(ControllerRuntime a, ControllerRuntime b) {
    return a.running("local", "runtime-it") ? a : b.running("local", "runtime-it") ? b : null;
  }

  @Test
  void oneReplicaLeadsALostLeaseStopsItsControllersAndTheFinalizerRunsOnce(
      ControlPlane plane, KubernetesClient kube, TestNamespace ns) {
    String namespace = ns.name();
    try (KubernetesClient c1 = plane.newAdminClient();
        KubernetesClient c2 = plane.newAdminClient();
        ControllerRuntime r1 = replica("replica-1", c1, namespace);
        ControllerRuntime r2 = replica("replica-2", c2, namespace)) {
      r1.sync();
      r2.sync();
      await("one replica leads")
          .atMost(DEADLINE)
          .until(() -> r1.leading("local") ^ r2.leading("local") && leader(r1, r2) != null);
      ControllerRuntime first = leader(r1, r2);

      configMap(kube, namespace, "a");
      await("the leader reconciles a").atMost(DEADLINE).until(() -> reconciled.containsKey("a"));
      assertThat(reconciled.get("a")).containsOnly(first.identity());
      await("the finalizer is on a")
          .atMost(DEADLINE)
          .until(
              () ->
                  kube.configMaps()
                      .inNamespace(namespace)
                      .withName("a")
                      .get()
                      .getFinalizers()
                      .contains(FINALIZER));

      // the leader loses the Lease behind its back (as after a long pause)
      var lease = kube.leases().inNamespace(namespace).withName(LEASE).get();
      lease.getSpec().setHolderIdentity("intruder");
      lease.getSpec().setRenewTime(ZonedDateTime.now());
      kube.leases().inNamespace(namespace).resource(lease).update();
      await("the former leader stops its controllers")
          .atMost(DEADLINE)
          .until(() -> !first.running("local", "runtime-it") && !first.leading("local"));
      await("a replica leads again once the intruder's Lease expired")
          .atMost(DEADLINE)
          .until(() -> leader(r1, r2) != null);
      ControllerRuntime second = leader(r1, r2);
      ControllerRuntime idle = second == r1 ? r2 : r1;

      configMap(kube, namespace, "b");
      await("the new leader reconciles b")
          .atMost(DEADLINE)
          .until(() -> reconciled.containsKey("b"));
      await("and the other replica never does")
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(5))
          .until(() -> reconciled.get("b").stream().allMatch(second.identity()::equals));
      assertThat(idle.running("local", "runtime-it")).isFalse();

      kube.configMaps().inNamespace(namespace).withName("b").delete();
      await("b is cleaned up and gone")
          .atMost(DEADLINE)
          .until(() -> kube.configMaps().inNamespace(namespace).withName("b").get() == null);
      assertThat(cleaned.get("b")).containsExactly(second.identity());

      // the leader goes away: the other replica, which lost or never had the Lease, takes over
      second.close();
      await("the remaining replica campaigns and leads")
          .atMost(DEADLINE)
          .until(() -> idle.running("local", "runtime-it"));
      kube.configMaps().inNamespace(namespace).withName("a").delete();
      await("a is cleaned up by the remaining replica")
          .atMost(DEADLINE)
          .until(() -> kube.configMaps().inNamespace(namespace).withName("a").get() == null);
      assertThat(cleaned.get("a")).containsExactly(idle.identity());
    }
  }
}
