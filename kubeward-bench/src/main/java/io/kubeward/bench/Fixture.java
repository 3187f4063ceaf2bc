package io.kubeward.bench;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.FakeNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the scale fixture on a control plane, in stages, as fast as the 2 cores allow. */
final class Fixture {

  private static final Logger log = LoggerFactory.getLogger(Fixture.class);
  private static final int IN_FLIGHT = 48;

  private final ControlPlane controlPlane;
  private final KubernetesClient client;
  private final FixtureSpec spec;
  private int deploymentsCreated;

  Fixture(ControlPlane controlPlane, KubernetesClient client, FixtureSpec spec) {
    this.controlPlane = controlPlane;
    this.client = client;
    this.spec = spec;
  }

  static String namespace(int index) {
    return "bench-%03d".formatted(index);
  }

  /** Nodes, namespaces, config maps; no pods yet. */
  void buildBase() {
    List<FakeNode> nodes = new ArrayList<>();
    List<String> zones = FixtureSpec.zones();
    for (int i = 0; i < spec.nodes(); i++) {
      nodes.add(
          FakeNode.inZone("bench-node-%04d".formatted(i), zones.get(i % zones.size()))
              .withCapacity("32", "128Gi", 110));
    }
    controlPlane.addNodes(nodes);
    List<Supplier<HasMetadata>> creates = new ArrayList<>();
    for (int n = 0; n < spec.namespaces(); n++) {
      String name = namespace(n);
      creates.add(
          () ->
              client
                  .namespaces()
                  .resource(
                      new NamespaceBuilder()
                          .withNewMetadata()
                          .withName(name)
                          .addToLabels("team", "team-" + (name.hashCode() & 7))
                          .endMetadata()
                          .build())
                  .create());
    }
    run(creates);
    creates.clear();
    for (int c = 0; c < spec.configMaps(); c++) {
      String namespace = namespace(c % spec.namespaces());
      String name = "settings-%05d".formatted(c);
      creates.add(
          () ->
              client
                  .configMaps()
                  .inNamespace(namespace)
                  .resource(
                      new ConfigMapBuilder()
                          .withNewMetadata()
                          .withName(name)
                          .endMetadata()
                          .withData(Map.of("app.properties", "feature.x=true\nlimit=" + name))
                          .build())
                  .create());
    }
    run(creates);
  }

  /** The pods of the Deployments made so far. */
  int pods() {
    return deploymentsCreated * FixtureSpec.REPLICAS;
  }

  /**
   * Adds Deployments (with a Service each, every 10th with a PDB and an HPA) up to {@code pods}.
   */
  void growTo(int pods) {
    int target = pods / FixtureSpec.REPLICAS;
    List<Supplier<HasMetadata>> creates = new ArrayList<>();
    for (int d = deploymentsCreated; d < target; d++) {
      String namespace = namespace(d % spec.namespaces());
      String app = "app-%04d".formatted(d);
      creates.add(
          () ->
              client
                  .apps()
                  .deployments()
                  .inNamespace(namespace)
                  .resource(deployment(app))
                  .create());
      creates.add(() -> client.services().inNamespace(namespace).resource(service(app)).create());
      if (d % 10 == 0) {
        creates.add(
            () ->
                client
                    .policy()
                    .v1()
                    .podDisruptionBudget()
                    .inNamespace(namespace)
                    .resource(pdb(app))
                    .create());
        creates.add(
            () ->
                client
                    .autoscaling()
                    .v2()
                    .horizontalPodAutoscalers()
                    .inNamespace(namespace)
                    .resource(hpa(app))
                    .create());
      }
    }
    run(creates);
    deploymentsCreated = target;
  }

  /** Waits until {@code pods} pods are Running and ready, by the Deployments' status. */
  Duration awaitReady(int pods, Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    int ready = 0;
    while (System.nanoTime() < deadline) {
      ready =
          client
              .apps()
              .deployments()
              .inAnyNamespace()
              .withLabel("bench", "true")
              .list()
              .getItems()
              .stream()
              .mapToInt(
                  d ->
                      d.getStatus() == null || d.getStatus().getReadyReplicas() == null
                          ? 0
                          : d.getStatus().getReadyReplicas())
              .sum();
      if (ready >= pods) {
        return Duration.ofNanos(System.nanoTime() - start);
      }
      log.info("{} of {} pods ready", ready, pods);
      pause(readyPoll(pods));
    }
    throw new IllegalStateException(
        "Only " + ready + " of " + pods + " pods became ready within " + timeout);
  }

  /**
   * Every 3 s, every 10 s beyond 30,000 pods: each look lists every Deployment (5,000 at 150,000
   * pods), work the apiserver would otherwise spend on the fixture.
   */
  static Duration readyPoll(int pods) {
    return Duration.ofSeconds(pods > 30_000 ? 10 : 3);
  }

  private void run(List<Supplier<HasMetadata>> creates) {
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    List<Future<HasMetadata>> futures = new ArrayList<>();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Supplier<HasMetadata> create : creates) {
        futures.add(
            executor.submit(
                () -> {
                  inFlight.acquireUninterruptibly();
                  try {
                    return createWithRetries(create);
                  } finally {
                    inFlight.release();
                  }
                }));
      }
    }
    for (Future<HasMetadata> future : futures) {
      try {
        future.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("Fixture creation failed: " + e.getCause(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * A busy 2-core machine sometimes lets a create time out although the apiserver made it: try
   * again (5 attempts), and take "already exists" on a retry as done.
   */
  private static HasMetadata createWithRetries(Supplier<HasMetadata> create) {
    for (int attempt = 1; ; attempt++) {
      try {
        return create.get();
      } catch (KubernetesClientException e) {
        if (attempt > 1 && e.getCode() == 409) {
          return null;
        }
        if (attempt == 5 || Set.of(400, 401, 403, 404, 409, 422).contains(e.getCode())) {
          throw e;
        }
        log.warn("create failed ({}); attempt {} of 5", e.getMessage(), attempt + 1);
      }
    }
  }

  private static Deployment deployment(String app) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(app)
        .addToLabels("bench", "true")
        .addToLabels("app", app)
        .endMetadata()
        .withNewSpec()
        .withReplicas(FixtureSpec.REPLICAS)
        .withNewSelector()
        .addToMatchLabels("app", app)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", app)
        .addToLabels("tier", (app.hashCode() & 1) == 0 ? "web" : "api")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("main")
        .withImage("registry.example/bench/" + app + ":1.0")
        .withNewResources()
        .addToRequests("cpu", new Quantity("100m"))
        .addToRequests("memory", new Quantity("128Mi"))
        .addToLimits("memory", new Quantity("256Mi"))
        .endResources()
        .addNewEnv()
        .withName("APP")
        .withValue(app)
        .endEnv()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static io.fabric8.kubernetes.api.model.Service service(String app) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(app)
        .endMetadata()
        .withNewSpec()
        .addToSelector("app", app)
        .addNewPort()
        .withPort(80)
        .withTargetPort(new IntOrString(8080))
        .endPort()
        .endSpec()
        .build();
  }

  private static io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget pdb(String app) {
    return new PodDisruptionBudgetBuilder()
        .withNewMetadata()
        .withName(app)
        .endMetadata()
        .withNewSpec()
        .withMaxUnavailable(new IntOrString(1))
        .withNewSelector()
        .addToMatchLabels("app", app)
        .endSelector()
        .endSpec()
        .build();
  }

  private static io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler hpa(
      String app) {
    return new HorizontalPodAutoscalerBuilder()
        .withNewMetadata()
        .withName(app)
        .endMetadata()
        .withNewSpec()
        .withNewScaleTargetRef("apps/v1", "Deployment", app)
        .withMinReplicas(FixtureSpec.REPLICAS)
        .withMaxReplicas(FixtureSpec.REPLICAS * 2)
        .addNewMetric()
        .withType("Resource")
        .withNewResource()
        .withName("cpu")
        .withNewTarget()
        .withType("Utilization")
        .withAverageUtilization(80)
        .endTarget()
        .endResource()
        .endMetric()
        .endSpec()
        .build();
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
