package io.kubeward.server.drain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.ClusterAccess;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.drain.app.DrainGateway;
import io.kubeward.drain.app.DrainPass;
import io.kubeward.drain.domain.DrainBlocker;
import io.kubeward.drain.domain.DrainOptions;
import io.kubeward.drain.domain.DrainProgress;
import io.kubeward.drain.domain.DrainState;
import io.kubeward.drain.domain.PodDrainState;
import io.kubeward.drain.domain.PodProgress;
import io.kubeward.drain.kube.KubeDrainGateway;
import io.kubeward.testkit.Conflicts;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.FakeNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drains on the real local control plane, pass by pass as a maintenance would drive them. The test
 * has two nodes of its own ({@code source} and {@code target}), tainted so that no other test's
 * pods land there and removed afterwards; its pods tolerate the taint. Pods are put on {@code
 * source} by cordoning {@code target} while they are created; then {@code target} is opened, {@code
 * source} cordoned (as the caller of a drain does) and drained.
 */
@LocalControlPlane
class DrainIT {

  private static final Caller KUBEWARD = Caller.controller("test");

  private static final String KEY = "drain-it.kubeward.io/pool";
  private static final Duration DEADLINE = Duration.ofMinutes(3);

  private String pool;
  private String source;
  private String target;
  private KubernetesClient client;
  private String namespace;
  private KubeDrainGateway gateway;
  private DrainPass pass;

  /** Two fresh nodes per test, so that no pod of an earlier test is still on them. */
  @BeforeEach
  void setUp(ControlPlane controlPlane, KubernetesClient client, TestNamespace namespace) {
    this.client = client;
    this.namespace = namespace.name();
    pool = "p" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    source = "drain-it-" + pool + "-source";
    target = "drain-it-" + pool + "-target";
    controlPlane.addNodes(
        List.of(
            FakeNode.inZone(source, "zone-a").withLabel(KEY, pool),
            FakeNode.inZone(target, "zone-b").withLabel(KEY, pool)));
    for (String node : List.of(source, target)) {
      Conflicts.retry(
          // an update with the read's resourceVersion: the node lifecycle controller may change
          // the taints meanwhile (not-ready), which turns a JSON patch by index into a 422
          () ->
              client
                  .nodes()
                  .resource(
                      new NodeBuilder(client.nodes().withName(node).get())
                          .editSpec()
                          .addToTaints(
                              new TaintBuilder()
                                  .withKey(KEY)
                                  .withValue(pool)
                                  .withEffect("NoSchedule")
                                  .build())
                          .withUnschedulable(node.equals(target))
                          .endSpec()
                          .build())
                  .update());
    }
    gateway =
        new KubeDrainGateway(
            ClusterClients.fixed(
                client,
                new ClusterAccess(ClusterAccess.Mode.READ_ONLY, "Kubeward's own", Instant.EPOCH)));
    pass = new DrainPass(gateway, Clock.systemUTC(), Duration.ofMillis(200), Duration.ofSeconds(1));
  }

  /** Removes the test's nodes (other tests count the plane's nodes); PodGC removes their pods. */
  @AfterEach
  void removeNodes() {
    for (String node : List.of(source, target)) {
      client.nodes().withName(node).delete();
    }
  }

  // ---- the scenarios ---------------------------------------------------------------------------

  @Test
  void daemonSetPodIsSkippedAndTheDeploymentsPodMovesAway() {
    client.apps().daemonSets().inNamespace(namespace).resource(daemonSet("agent")).create();
    client.apps().deployments().inNamespace(namespace).resource(deployment("web", 1)).create();
    awaitReadyPodsOn(source, 2);
    Pod agent = podsOn(source, "app", "agent").get(0);
    Pod web = podsOn(source, "app", "web").get(0);
    openTargetAndCordonSource();

    DrainProgress done = drain(options(), new ArrayList<>());

    assertThat(done.state()).as(done.message()).isEqualTo(DrainState.SUCCEEDED);
    assertThat(done.pods())
        .extracting(PodProgress::name, PodProgress::state)
        .contains(
            tuple(agent.getMetadata().getName(), PodDrainState.SKIPPED),
            tuple(web.getMetadata().getName(), PodDrainState.GONE));
    assertThat(podsOn(source, "app", "agent"))
        .extracting(p -> p.getMetadata().getUid())
        .containsExactly(agent.getMetadata().getUid());
    assertThat(podsOn(source, "app", "web")).isEmpty();
    awaitReadyPodsOn(target, "web", 1);
  }

  @Test
  void barePodIsRefusedWithoutForceAndDeletedWithForce() {
    client.pods().inNamespace(namespace).resource(barePod("debug")).create();
    awaitReadyPodsOn(source, 1);
    String uid = podsOn(source, "app", "debug").get(0).getMetadata().getUid();
    openTargetAndCordonSource();

    DrainProgress refused = pass.advance("local", source, options(), null);

    assertThat(refused.state()).isEqualTo(DrainState.REFUSED);
    assertThat(refused.message()).contains("needs force: " + namespace + "/debug");
    assertThat(refused.pods())
        .extracting(PodProgress::name, PodProgress::state)
        .containsExactly(tuple("debug", PodDrainState.REFUSED));
    assertThat(client.pods().inNamespace(namespace).withName("debug").get().getMetadata().getUid())
        .isEqualTo(uid);

    DrainProgress forced = drain(options().withForce(true), new ArrayList<>());

    assertThat(forced.state()).as(forced.message()).isEqualTo(DrainState.SUCCEEDED);
    assertThat(forced.pods())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.state()).isEqualTo(PodDrainState.GONE);
              assertThat(p.message()).contains("deleted without a controller (force)");
            });
    assertThat(client.pods().inNamespace(namespace).withName("debug").get()).isNull();
  }

  @Test
  void podWithEmptyDirNeedsTheFlag() {
    client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .resource(
            new DeploymentBuilder(deployment("cache", 1))
                .editSpec()
                .editTemplate()
                .editSpec()
                .addNewVolume()
                .withName("scratch")
                .withNewEmptyDir()
                .endEmptyDir()
                .endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    awaitReadyPodsOn(source, 1);
    openTargetAndCordonSource();

    DrainProgress refused = pass.advance("local", source, options(), null);
    assertThat(refused.state()).isEqualTo(DrainState.REFUSED);
    assertThat(refused.message()).contains("needs deleteEmptyDirData");
    assertThat(podsOn(source, "app", "cache")).hasSize(1);

    DrainProgress done = drain(options().withDeleteEmptyDirData(true), new ArrayList<>());

    assertThat(done.state()).as(done.message()).isEqualTo(DrainState.SUCCEEDED);
    assertThat(podsOn(source, "app", "cache")).isEmpty();
    awaitReadyPodsOn(target, "cache", 1);
  }

  @Test
  void budgetLetsTheSecondPodGoOnlyOnceTheFirstOnesReplacementIsReady() throws Exception {
    client.apps().deployments().inNamespace(namespace).resource(deployment("web", 2)).create();
    awaitReadyPodsOn(source, 2);
    createBudget(
        new PodDisruptionBudgetBuilder(budget("web-pdb", "web"))
            .editSpec()
            .withMaxUnavailable(new IntOrString(1))
            .endSpec()
            .build(),
        1);
    openTargetAndCordonSource();

    AtomicInteger mostUnavailable = new AtomicInteger();
    List<DrainProgress> passes = new ArrayList<>();
    DrainProgress done;
    try (UnavailableSampler sampler = new UnavailableSampler("web", 2, mostUnavailable)) {
      done = drain(options(), passes);
      awaitReadyPodsOn(target, "web", 2);
    }

    assertThat(done.state()).as(done.message()).isEqualTo(DrainState.SUCCEEDED);
    assertThat(done.pods()).extracting(PodProgress::state).containsOnly(PodDrainState.GONE);
    assertThat(passes.get(0).pods())
        .extracting(PodProgress::state)
        .containsExactlyInAnyOrder(PodDrainState.EVICTING, PodDrainState.BLOCKED);
    assertThat(passes.get(0).pods())
        .filteredOn(p -> p.state() == PodDrainState.BLOCKED)
        .extracting(PodProgress::pdb)
        .containsExactly("web-pdb");
    assertThat(mostUnavailable.get())
        .as("most pods of the Deployment unavailable at once")
        .isEqualTo(1);
  }

  @Test
  void budgetThatAllowsNothingIsReportedAsBlockerThenTheDrainTimesOutCordoned() {
    client.apps().deployments().inNamespace(namespace).resource(deployment("db", 2)).create();
    awaitReadyPodsOn(source, 2);
    createBudget(
        new PodDisruptionBudgetBuilder(budget("db-pdb", "db"))
            .editSpec()
            .withMinAvailable(new IntOrString(2))
            .endSpec()
            .build(),
        0);
    List<String> dbPods =
        podsOn(source, "app", "db").stream().map(p -> p.getMetadata().getName()).sorted().toList();
    openTargetAndCordonSource();

    List<DrainProgress> passes = new ArrayList<>();
    DrainProgress done =
        drain(
            options()
                .withBlockedReportAfter(Duration.ofSeconds(1))
                .withTimeout(Duration.ofSeconds(6)),
            passes);

    assertThat(passes)
        .filteredOn(p -> p.state() == DrainState.BLOCKED)
        .first()
        .satisfies(
            blocked -> {
              assertThat(blocked.blockers())
                  .containsExactly(new DrainBlocker(namespace, "db-pdb", dbPods));
              assertThat(blocked.message()).contains("db-pdb");
            });
    assertThat(done.state()).isEqualTo(DrainState.TIMED_OUT);
    assertThat(done.finishedAt()).isNotNull();
    assertThat(done.pods())
        .extracting(PodProgress::name, PodProgress::state, PodProgress::pdb)
        .containsExactlyInAnyOrder(
            tuple(dbPods.get(0), PodDrainState.BLOCKED, "db-pdb"),
            tuple(dbPods.get(1), PodDrainState.BLOCKED, "db-pdb"));
    assertThat(done.blockers()).containsExactly(new DrainBlocker(namespace, "db-pdb", dbPods));
    assertThat(client.nodes().withName(source).get().getSpec().getUnschedulable()).isTrue();
    assertThat(podsOn(source, "app", "db")).hasSize(2);

    // what the Eviction API answers for such a pod; a deletion with a uid that is not the pod's
    Pod held = podsOn(source, "app", "db").get(0);
    String name = held.getMetadata().getName();
    DrainGateway.Attempt refused =
        gateway.evict(KUBEWARD, "local", namespace, name, held.getMetadata().getUid(), null);
    assertThat(refused.outcome()).isEqualTo(DrainGateway.Outcome.TOO_MANY_REQUESTS);
    assertThat(refused.message()).contains("disruption budget");
    assertThat(gateway.delete(KUBEWARD, "local", namespace, name, "another-uid", null).outcome())
        .isEqualTo(DrainGateway.Outcome.GONE);
    assertThat(podsOn(source, "app", "db")).hasSize(2);
  }

  // ---- driving a drain -------------------------------------------------------------------------

  private static DrainOptions options() {
    return DrainOptions.defaults()
        .withTimeout(Duration.ofMinutes(2))
        .withBlockedReportAfter(Duration.ofMinutes(1));
  }

  /**
   * Calls the pass until its state is final, as a maintenance's requeues would; every pass kept.
   */
  private DrainProgress drain(DrainOptions options, List<DrainProgress> passes) {
    AtomicReference<DrainProgress> progress = new AtomicReference<>();
    await()
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              DrainProgress next = pass.advance("local", source, options, progress.get());
              progress.set(next);
              passes.add(next);
              return next.state().isFinal();
            });
    return progress.get();
  }

  // ---- placing pods ----------------------------------------------------------------------------

  private void openTargetAndCordonSource() {
    setUnschedulable(target, false);
    setUnschedulable(source, true);
  }

  private void setUnschedulable(String node, boolean value) {
    Conflicts.retry(
        () ->
            client
                .nodes()
                .withName(node)
                .edit(
                    n -> new NodeBuilder(n).editSpec().withUnschedulable(value).endSpec().build()));
  }

  private List<Pod> podsOn(String node, String label, String value) {
    return client
        .pods()
        .inNamespace(namespace)
        .withField("spec.nodeName", node)
        .withLabel(label, value)
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .toList();
  }

  private void awaitReadyPodsOn(String node, int count) {
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(
                        client.pods().inNamespace(namespace).list().getItems().stream()
                            .filter(p -> node.equals(p.getSpec().getNodeName()))
                            .filter(DrainIT::isReady))
                    .hasSize(count));
  }

  private void awaitReadyPodsOn(String node, String app, int count) {
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(podsOn(node, "app", app).stream().filter(DrainIT::isReady))
                    .hasSize(count));
  }

  private static boolean isReady(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null
        && pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Creates the budget and waits until its controller reports {@code allowed} disruptions. */
  private void createBudget(PodDisruptionBudget budget, int allowed) {
    client.policy().v1().podDisruptionBudget().inNamespace(namespace).resource(budget).create();
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              PodDisruptionBudget seen =
                  client
                      .policy()
                      .v1()
                      .podDisruptionBudget()
                      .inNamespace(namespace)
                      .withName(budget.getMetadata().getName())
                      .get();
              assertThat(seen.getStatus()).isNotNull();
              assertThat(seen.getStatus().getObservedGeneration())
                  .isEqualTo(seen.getMetadata().getGeneration());
              assertThat(seen.getStatus().getCurrentHealthy()).isEqualTo(2);
              assertThat(seen.getStatus().getDisruptionsAllowed()).isEqualTo(allowed);
            });
  }

  // ---- objects ---------------------------------------------------------------------------------

  private PodSpec podSpec() {
    return new PodSpecBuilder()
        .addToNodeSelector(KEY, pool)
        .addToTolerations(
            new TolerationBuilder()
                .withKey(KEY)
                .withOperator("Equal")
                .withValue(pool)
                .withEffect("NoSchedule")
                .build())
        .addNewContainer()
        .withName("app")
        .withImage("registry.example/app:1")
        .endContainer()
        .withTerminationGracePeriodSeconds(5L)
        .build();
  }

  private PodTemplateSpec template(String app) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .addToLabels("app", app)
        .endMetadata()
        .withSpec(podSpec())
        .build();
  }

  private io.fabric8.kubernetes.api.model.apps.Deployment deployment(String name, int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withTemplate(template(name))
        .endSpec()
        .build();
  }

  private io.fabric8.kubernetes.api.model.apps.DaemonSet daemonSet(String name) {
    return new DaemonSetBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withTemplate(template(name))
        .endSpec()
        .build();
  }

  private Pod barePod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("app", name)
        .endMetadata()
        .withSpec(podSpec())
        .build();
  }

  private static PodDisruptionBudget budget(String name, String app) {
    return new PodDisruptionBudgetBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .addToMatchLabels("app", app)
        .endSelector()
        .endSpec()
        .build();
  }

  /**
   * Watches the Deployment's pods and records, after every change, how many of its {@code replicas}
   * are not ready (terminating pods count as not ready).
   */
  private final class UnavailableSampler implements AutoCloseable {
    private final Map<String, Pod> pods = new ConcurrentHashMap<>();
    private final SharedIndexInformer<Pod> informer;
    private volatile boolean recording;

    UnavailableSampler(String app, int replicas, AtomicInteger most) {
      informer =
          client
              .pods()
              .inNamespace(namespace)
              .withLabel("app", app)
              .inform(
                  new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(Pod pod) {
                      pods.put(pod.getMetadata().getUid(), pod);
                      sample();
                    }

                    @Override
                    public void onUpdate(Pod before, Pod pod) {
                      pods.put(pod.getMetadata().getUid(), pod);
                      sample();
                    }

                    @Override
                    public void onDelete(Pod pod, boolean unknownFinalState) {
                      pods.remove(pod.getMetadata().getUid());
                      sample();
                    }

                    private void sample() {
                      if (!recording) {
                        return;
                      }
                      long ready = pods.values().stream().filter(DrainIT::isReady).count();
                      most.accumulateAndGet((int) (replicas - ready), Math::max);
                    }
                  },
                  0);
      await().atMost(DEADLINE).until(informer::hasSynced);
      assertThat(pods.values().stream().filter(DrainIT::isReady)).hasSize(replicas);
      recording = true;
    }

    @Override
    public void close() {
      informer.close();
    }
  }
}
