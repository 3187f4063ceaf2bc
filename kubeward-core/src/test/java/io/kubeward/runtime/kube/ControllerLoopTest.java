package io.kubeward.runtime.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.kubeward.access.app.Caller;
import io.kubeward.runtime.app.EventRecorder;
import io.kubeward.runtime.app.ReconcileContext;
import io.kubeward.runtime.app.Reconciler;
import io.kubeward.runtime.app.WorkQueue;
import io.kubeward.runtime.domain.ObjectKey;
import io.kubeward.runtime.domain.Result;
import io.kubeward.runtime.domain.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One controller's passes against fabric8's in-memory API server, driven key by key with a clock
 * the test moves: the finalizer is added before the first reconcile, clean-up runs on deletion and
 * the finalizer goes after it, failures back off exponentially.
 */
class ControllerLoopTest {

  static final ResourceDefinitionContext KIND =
      new ResourceDefinitionContext.Builder()
          .withGroup("test.kubeward.io")
          .withVersion("v1")
          .withKind("Thing")
          .withPlural("things")
          .withNamespaced(false)
          .build();
  static final String FINALIZER = "test.kubeward.io/cleanup";
  static final ObjectKey KEY = ObjectKey.cluster("t1");

  Instant now = Instant.parse("2026-12-03T10:00:00Z");
  final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  final List<String> calls = new CopyOnWriteArrayList<>();
  RuntimeException failWith;
  KubernetesMockServer server;
  KubernetesClient client;
  ControllerLoop<String> loop;
  WorkQueue<ObjectKey> queue;

  @BeforeEach
  void start() {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(
                List.of(
                    new CustomResourceDefinitionContext.Builder()
                        .withGroup("test.kubeward.io")
                        .withVersion("v1")
                        .withKind("Thing")
                        .withPlural("things")
                        .withScope("Cluster")
                        .build())),
            false);
    server.init();
    client = server.createClient();
    ControllerSpec<String> spec =
        new ControllerSpec<>(
            "things",
            KIND,
            r -> r.getMetadata().getName(),
            FINALIZER,
            null,
            binding ->
                new Reconciler<>() {
                  @Override
                  public Result reconcile(String name, ReconcileContext context) {
                    calls.add("reconcile " + name + " retries=" + context.retries());
                    if (failWith != null) {
                      throw failWith;
                    }
                    return Result.requeueAfter(Duration.ofMinutes(1));
                  }

                  @Override
                  public Result cleanup(String name, ReconcileContext context) {
                    calls.add("cleanup " + name);
                    return Result.done();
                  }

                  @Override
                  public void deleted(ObjectKey key, ReconcileContext context) {
                    calls.add("deleted " + key);
                  }
                });
    RuntimeSettings settings =
        new RuntimeSettings(
            "kubeward-system",
            "kubeward-controllers",
            new RuntimeSettings.Election(
                Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2)),
            new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30)),
            false,
            Duration.ofSeconds(1));
    loop =
        new ControllerLoop<>(
            spec,
            new ClusterBinding(
                "c1",
                client,
                Caller.controller("things"),
                "kubeward-system",
                EventRecorder.NONE,
                clock),
            settings);
    queue = new WorkQueue<>(clock, settings.retry());
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  GenericKubernetesResource thing() {
    return client.genericKubernetesResources(KIND).withName("t1").get();
  }

  /** Runs every key due now, like the worker would. */
  void runDue() {
    for (var key = queue.poll(); key.isPresent(); key = queue.poll()) {
      loop.process(queue, key.get());
    }
  }

  @Test
  void theFinalizerComesFirstThenReconcilesThenCleanUpOnDeletion() {
    client
        .genericKubernetesResources(KIND)
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("test.kubeward.io/v1")
                .withKind("Thing")
                .withNewMetadata()
                .withName("t1")
                .endMetadata()
                .build())
        .create();
    queue.add(KEY);
    runDue();

    assertThat(thing().getMetadata().getFinalizers()).containsExactly(FINALIZER);
    assertThat(calls).containsExactly("reconcile t1 retries=0");
    assertThat(queue.nextDue()).hasValue(now.plus(Duration.ofMinutes(1)));

    client.genericKubernetesResources(KIND).withName("t1").delete();
    assertThat(thing().getMetadata().getDeletionTimestamp()).isNotNull();
    queue.add(KEY);
    runDue();

    assertThat(calls).containsExactly("reconcile t1 retries=0", "cleanup t1");
    assertThat(thing()).as("gone once its last finalizer was removed").isNull();
    queue.add(KEY);
    runDue();
    assertThat(calls).last().isEqualTo("deleted t1");
    assertThat(loop.metrics().reconciles()).isEqualTo(4);
    assertThat(loop.metrics().reconcileErrors()).isZero();
  }

  @Test
  void aFailingReconcileBacksOffExponentiallyAndASuccessForgets() {
    client
        .genericKubernetesResources(KIND)
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("test.kubeward.io/v1")
                .withKind("Thing")
                .withNewMetadata()
                .withName("t1")
                .addToFinalizers(FINALIZER)
                .endMetadata()
                .build())
        .create();
    failWith = new IllegalStateException("boom");
    queue.add(KEY);
    runDue();
    assertThat(queue.nextDue()).hasValue(now.plusSeconds(1));
    now = now.plusSeconds(1);
    runDue();
    assertThat(queue.nextDue()).hasValue(now.plusSeconds(2));
    now = now.plusSeconds(2);
    failWith = null;
    runDue();
    assertThat(calls)
        .containsExactly(
            "reconcile t1 retries=0", "reconcile t1 retries=1", "reconcile t1 retries=2");
    assertThat(queue.failures(KEY)).isZero();
    assertThat(loop.metrics().reconcileErrors()).isEqualTo(2);
  }
}
