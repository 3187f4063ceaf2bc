package io.kubeward.testkit.controlplane;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kubernetes control plane on loopback: etcd, kube-apiserver (token authentication, RBAC),
 * kube-controller-manager, kube-scheduler and KWOK with fake nodes. {@link #start} returns once the
 * API is healthy, the nodes are Ready and the default ServiceAccount exists; {@link #close} stops
 * every process it started and removes its temporary folder.
 */
public final class ControlPlane implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ControlPlane.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(200);
  public static final String KWOK_NODE_ANNOTATION = "kwok.x-k8s.io/node";

  private final ControlPlaneOptions options;
  private final Path binDir;
  private final Path workDir;
  private final Map<Component, Integer> ports = new EnumMap<>(Component.class);
  private final Map<Component, ManagedProcess> processes = new EnumMap<>(Component.class);
  private final HealthProbe probe = new HealthProbe();
  private final List<FakeNode> nodes = new ArrayList<>();
  private Credentials credentials;
  private Path kubeconfig;
  private Path kubewardKubeconfig;
  private String kubewardToken;
  private byte[] caPem;
  private KubernetesClient client;

  private ControlPlane(ControlPlaneOptions options, Path binDir, Path workDir) {
    this.options = options;
    this.binDir = binDir;
    this.workDir = workDir;
  }

  /** Starts everything or, if any step fails, stops what was started and throws. */
  public static ControlPlane start(ControlPlaneOptions options) {
    Path binDir = options.binDir().map(Binaries::verify).orElseGet(Binaries::locate);
    Path workDir;
    try {
      workDir = WorkDir.create();
    } catch (IOException e) {
      throw new ControlPlaneException("Cannot create the control plane's work folder", e);
    }
    ControlPlane controlPlane = new ControlPlane(options, binDir, workDir);
    try {
      controlPlane.startAll();
      return controlPlane;
    } catch (RuntimeException e) {
      controlPlane.close();
      throw e;
    }
  }

  public static ControlPlane start() {
    return start(ControlPlaneOptions.builder().build());
  }

  private void startAll() {
    long started = System.nanoTime();
    for (Component component : Component.values()) {
      ports.put(component, options.fixedPorts().getOrDefault(component, freePort()));
    }
    try {
      credentials = Credentials.generate(workDir.resolve("pki"));
      Files.writeString(workDir.resolve("kwok.yaml"), KWOK_BASE_CONFIG);
      try (var stages = ControlPlane.class.getResourceAsStream(POD_STAGES)) {
        Files.copy(stages, workDir.resolve("kwok-pod-stages.yaml"));
      }
    } catch (IOException e) {
      throw new ControlPlaneException("Cannot write the control plane's credentials", e);
    }
    launch(Component.ETCD);
    launch(Component.KUBE_APISERVER);
    writeAdminKubeconfig();
    client = newAdminClient();
    launch(Component.KUBE_CONTROLLER_MANAGER);
    launch(Component.KUBE_SCHEDULER);
    launch(Component.KWOK);
    addNodes(options.nodes());
    awaitDefaultServiceAccount();
    log.info(
        "Control plane {} ready in {} ms at {} (work folder {})",
        kubernetesVersion(),
        Duration.ofNanos(System.nanoTime() - started).toMillis(),
        apiServerUrl(),
        workDir);
  }

  // ---- components --------------------------------------------------------------------------

  private void launch(Component component) {
    List<String> command = new ArrayList<>();
    command.add(binDir.resolve(component.binary()).toString());
    command.addAll(arguments(component));
    command.addAll(options.extraArgs().getOrDefault(component, List.of()));
    ManagedProcess process =
        new ManagedProcess(
            component,
            command,
            workDir.resolve("logs").resolve(component.binary() + ".log"),
            workDir.resolve(ProcessRegistry.PIDS_DIR).resolve(component.binary()));
    processes.put(component, process);
    process.start();
    awaitHealthy(process);
  }

  private List<String> arguments(Component component) {
    return switch (component) {
      case ETCD -> etcdArguments();
      case KUBE_APISERVER -> apiServerArguments();
      case KUBE_CONTROLLER_MANAGER -> controllerManagerArguments();
      case KUBE_SCHEDULER -> schedulerArguments();
      case KWOK -> kwokArguments();
    };
  }

  private List<String> etcdArguments() {
    String client = "http://127.0.0.1:" + ports.get(Component.ETCD);
    String peer = "http://127.0.0.1:" + freePort();
    return List.of(
        "--name=kubeward",
        "--data-dir=" + workDir.resolve("etcd"),
        "--listen-client-urls=" + client,
        "--advertise-client-urls=" + client,
        "--listen-peer-urls=" + peer,
        "--initial-advertise-peer-urls=" + peer,
        "--initial-cluster=kubeward=" + peer,
        "--unsafe-no-fsync=true",
        "--quota-backend-bytes=8589934592",
        "--log-level=warn");
  }

  private List<String> apiServerArguments() {
    Path key = credentials.serviceAccountKey();
    return List.of(
        "--etcd-servers=http://127.0.0.1:" + ports.get(Component.ETCD),
        "--bind-address=127.0.0.1",
        "--advertise-address=127.0.0.1",
        "--secure-port=" + ports.get(Component.KUBE_APISERVER),
        "--cert-dir=" + certDir(),
        "--token-auth-file=" + credentials.tokenFile(),
        "--authorization-mode=RBAC",
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        "--service-account-key-file=" + key,
        "--service-account-signing-key-file=" + key,
        "--service-cluster-ip-range=10.96.0.0/16",
        "--allow-privileged=true",
        "--profiling=false");
  }

  private List<String> controllerManagerArguments() {
    List<String> args = controllerArguments(Component.KUBE_CONTROLLER_MANAGER);
    args.addAll(
        List.of(
            "--service-account-private-key-file=" + credentials.serviceAccountKey(),
            "--root-ca-file=" + certDir().resolve("apiserver.crt"),
            "--kube-api-qps=200",
            "--kube-api-burst=400",
            "--concurrent-deployment-syncs=10",
            "--concurrent-replicaset-syncs=10"));
    return args;
  }

  private List<String> schedulerArguments() {
    return controllerArguments(Component.KUBE_SCHEDULER);
  }

  /**
   * What the controller-manager and the scheduler share: the admin kubeconfig, loopback serving.
   */
  private List<String> controllerArguments(Component component) {
    return new ArrayList<>(
        List.of(
            "--kubeconfig=" + kubeconfig,
            "--authentication-kubeconfig=" + kubeconfig,
            "--authorization-kubeconfig=" + kubeconfig,
            "--leader-elect=false",
            "--bind-address=127.0.0.1",
            "--secure-port=" + ports.get(component),
            "--cert-dir=" + workDir.resolve(component.binary())));
  }

  private List<String> kwokArguments() {
    List<String> args = new ArrayList<>();
    args.add("--kubeconfig=" + kubeconfig);
    args.add("--manage-all-nodes=false");
    args.add("--manage-nodes-with-annotation-selector=" + KWOK_NODE_ANNOTATION + "=fake");
    args.add("--node-ip=127.0.0.1");
    args.add("--cidr=10.244.0.0/16");
    args.add("--node-lease-duration-seconds=40");
    args.add("--server-address=127.0.0.1:" + ports.get(Component.KWOK));
    args.add("--config=" + workDir.resolve("kwok.yaml"));
    args.add("--config=" + workDir.resolve("kwok-pod-stages.yaml"));
    options.kwokConfigs().forEach(file -> args.add("--config=" + file.toAbsolutePath()));
    return args;
  }

  /** Pod lifecycle plus failure states asked for with the label {@value #SIMULATE_LABEL}. */
  private static final String POD_STAGES = "/io/kubeward/testkit/kwok/pod-stages.yaml";

  /** A pod label that makes KWOK simulate CrashLoopBackOff or ImagePullBackOff. */
  public static final String SIMULATE_LABEL = "sim.kubeward.io/state";

  private static final String KWOK_BASE_CONFIG =
      """
      apiVersion: config.kwok.x-k8s.io/v1alpha1
      kind: KwokConfiguration
      options: {}
      """;

  private void awaitHealthy(ManagedProcess process) {
    Component component = process.component();
    String url = healthUrl(component);
    String token = component == Component.KUBE_APISERVER ? credentials.adminToken() : null;
    long deadline = System.nanoTime() + options.startTimeout().toNanos();
    Optional<String> problem = Optional.of("not asked yet");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new ControlPlaneException(
            process.failure("exited early with code " + process.exitCode()));
      }
      problem = probe.check(url, token);
      if (problem.isEmpty()) {
        log.debug("{} is healthy", component);
        return;
      }
      pause();
    }
    throw new ControlPlaneException(
        process.failure(
            "did not become healthy within "
                + options.startTimeout().toSeconds()
                + " s (last probe: "
                + problem.orElse("")
                + ")"));
  }

  private String healthUrl(Component component) {
    int port = ports.get(component);
    return switch (component) {
      case ETCD -> "http://127.0.0.1:" + port + "/health";
      case KUBE_APISERVER -> "https://127.0.0.1:" + port + "/readyz";
      case KUBE_CONTROLLER_MANAGER, KUBE_SCHEDULER -> "https://127.0.0.1:" + port + "/healthz";
      case KWOK -> "http://127.0.0.1:" + port + "/healthz";
    };
  }

  // ---- kubeconfig ----------------------------------------------------------------------------

  private Path certDir() {
    return workDir.resolve("pki").resolve("apiserver");
  }

  private void writeAdminKubeconfig() {
    try {
      // The apiserver writes a self-signed serving certificate followed by its CA into cert-dir.
      caPem = Files.readAllBytes(certDir().resolve("apiserver.crt"));
      kubeconfig = writeKubeconfig(workDir.resolve("admin.kubeconfig"), apiServerUrl());
    } catch (IOException e) {
      throw new ControlPlaneException("Cannot write the admin kubeconfig: " + e.getMessage(), e);
    }
  }

  /** Writes an admin kubeconfig that reaches the API through {@code serverUrl} (e.g. a proxy). */
  public Path writeKubeconfig(Path file, String serverUrl) {
    try {
      return Kubeconfig.write(file, serverUrl, caPem, credentials.adminToken());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A kubeconfig of Kubeward's own service account with exactly the rights of {@code
   * deploy/kubernetes/kubeward-rbac.yaml}, Kubeward's administrators bound to cluster-admin ({@link
   * KubewardAccount}); installed on first use.
   */
  public synchronized Path kubewardKubeconfig() {
    if (kubewardKubeconfig == null) {
      kubewardKubeconfig =
          writeKubewardKubeconfig(workDir.resolve("kubeward.kubeconfig"), apiServerUrl());
    }
    return kubewardKubeconfig;
  }

  /** As {@link #kubewardKubeconfig()}, reaching the API through {@code serverUrl} (a proxy). */
  public synchronized Path writeKubewardKubeconfig(Path file, String serverUrl) {
    if (kubewardToken == null) {
      kubewardToken = KubewardAccount.install(client);
      KubewardAccount.bindAdmins(client);
    }
    try {
      return Kubeconfig.write(file, serverUrl, caPem, kubewardToken);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a kubeconfig for the API with a bearer {@code token} (e.g. a service account's). */
  public Path writeTokenKubeconfig(Path file, String token) {
    try {
      return Kubeconfig.write(file, apiServerUrl(), caPem, token);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- nodes ---------------------------------------------------------------------------------

  /** Creates fake nodes and waits until KWOK reports them Ready. */
  public void addNodes(List<FakeNode> newNodes) {
    createInParallel(newNodes);
    nodes.addAll(newNodes);
    Set<String> names = newNodes.stream().map(FakeNode::name).collect(Collectors.toSet());
    String what = names.size() <= 5 ? "nodes " + names + " Ready" : names.size() + " nodes Ready";
    awaitCondition(
        what,
        Component.KWOK,
        () ->
            client.nodes().list().getItems().stream()
                    .filter(node -> names.contains(node.getMetadata().getName()))
                    .filter(ControlPlane::isReady)
                    .count()
                == names.size());
  }

  /** Creates the Node objects, 32 at a time; the first failure is rethrown. */
  private void createInParallel(List<FakeNode> newNodes) {
    Semaphore inFlight = new Semaphore(32);
    List<Future<Node>> created = new ArrayList<>();
    try (ExecutorService creators = Executors.newVirtualThreadPerTaskExecutor()) {
      for (FakeNode node : newNodes) {
        created.add(
            creators.submit(
                () -> {
                  inFlight.acquireUninterruptibly();
                  try {
                    return client.nodes().resource(toNode(node)).create();
                  } finally {
                    inFlight.release();
                  }
                }));
      }
    }
    for (Future<Node> future : created) {
      try {
        future.get();
      } catch (ExecutionException e) {
        throw new ControlPlaneException("Cannot create a fake node: " + e.getCause(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ControlPlaneException("Interrupted while creating nodes", e);
      }
    }
  }

  private static Node toNode(FakeNode node) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("kubernetes.io/hostname", node.name());
    labels.put("kubernetes.io/os", "linux");
    labels.put("kubernetes.io/arch", "amd64");
    labels.put("type", "kwok");
    labels.putAll(node.labels());
    Map<String, Quantity> capacity =
        Map.of(
            "cpu", new Quantity(node.cpu()),
            "memory", new Quantity(node.memory()),
            "pods", new Quantity(Integer.toString(node.pods())),
            "ephemeral-storage", new Quantity("100Gi"));
    return new NodeBuilder()
        .withNewMetadata()
        .withName(node.name())
        .withLabels(labels)
        .addToAnnotations(KWOK_NODE_ANNOTATION, "fake")
        .addToAnnotations("node.alpha.kubernetes.io/ttl", "0")
        .endMetadata()
        .withNewStatus()
        .withCapacity(capacity)
        .withAllocatable(capacity)
        .endStatus()
        .build();
  }

  private static boolean isReady(Node node) {
    return node != null
        && node.getStatus() != null
        && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private void awaitDefaultServiceAccount() {
    awaitCondition(
        "the default ServiceAccount",
        Component.KUBE_CONTROLLER_MANAGER,
        () -> client.serviceAccounts().inNamespace("default").withName("default").get() != null);
  }

  private void awaitCondition(String what, Component responsible, Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + options.startTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      ManagedProcess process = processes.get(responsible);
      if (process != null && !process.isAlive()) {
        throw new ControlPlaneException(
            process.failure("exited early with code " + process.exitCode()));
      }
      if (condition.get()) {
        return;
      }
      pause();
    }
    ManagedProcess process = processes.get(responsible);
    throw new ControlPlaneException(
        process.failure(
            "did not bring " + what + " within " + options.startTimeout().toSeconds() + " s"));
  }

  // ---- operations for tests and benchmarks -----------------------------------------------------

  /** Stops one component (e.g. KWOK, so that node heartbeats stop). */
  public void stopComponent(Component component) {
    ManagedProcess process = processes.get(component);
    if (process != null) {
      process.stop(STOP_GRACE);
    }
  }

  /** Starts a component stopped by {@link #stopComponent} again, on the same port and data. */
  public void startComponent(Component component) {
    ManagedProcess process = processes.get(component);
    if (process == null) {
      throw new IllegalStateException(component + " was never started");
    }
    if (process.isAlive()) {
      return;
    }
    launch(component);
  }

  public void restartComponent(Component component) {
    stopComponent(component);
    startComponent(component);
  }

  // ---- accessors -----------------------------------------------------------------------------

  public String apiServerUrl() {
    return "https://127.0.0.1:" + ports.get(Component.KUBE_APISERVER);
  }

  /** An admin kubeconfig (a token in group system:masters). */
  public Path kubeconfig() {
    return kubeconfig;
  }

  public Config clientConfig() {
    try {
      return Config.fromKubeconfig(Files.readString(kubeconfig));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new admin client; the caller closes it. */
  public KubernetesClient newAdminClient() {
    Config config = clientConfig();
    config.setRequestTimeout(30_000);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  public String kubernetesVersion() {
    return client.getKubernetesVersion().getGitVersion();
  }

  public List<FakeNode> nodes() {
    return List.copyOf(nodes);
  }

  /** The operating-system process id of a running component, e.g. to read its CPU time. */
  public long pid(Component component) {
    return processes.get(component).pid();
  }

  public int port(Component component) {
    return ports.get(component);
  }

  public Path workDir() {
    return workDir;
  }

  public Path logFile(Component component) {
    return workDir.resolve("logs").resolve(component.binary() + ".log");
  }

  /** Stops every process in reverse start order and removes the work folder. */
  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
    List<Component> order = new ArrayList<>(processes.keySet());
    for (Component component : order.reversed()) {
      processes.get(component).stop(STOP_GRACE);
    }
    try {
      WorkDir.delete(workDir);
    } catch (IOException e) {
      log.warn("Could not remove {}: {}", workDir, e.toString());
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new ControlPlaneException("No free port on 127.0.0.1", e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlPlaneException("Interrupted while starting the control plane", e);
    }
  }
}
