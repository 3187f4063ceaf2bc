package io.kubeward.testkit.controlplane;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.testkit.Crds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
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
 * A real Kubernetes control plane on loopback: etcd, kube-apiserver (token authentication, RBAC,
 * the aggregation layer), kube-controller-manager, kube-scheduler and KWOK with fake nodes whose
 * emulated kubelets serve resource and cAdvisor-style metrics over TLS. {@link #start} returns once
 * the API is healthy, the nodes are Ready and the default ServiceAccount exists; {@link #close}
 * stops every process it started and removes its temporary folder.
 *
 * <p>With metrics switched on ({@link ControlPlaneOptions.Builder#metrics}, or {@link
 * #enableMetrics()} later) metrics-server runs too, registered as the APIService {@code
 * v1beta1.metrics.k8s.io}; {@link #awaitNodeMetrics} and {@link #awaitPodMetrics} wait until it
 * serves usage.
 */
public final class ControlPlane implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ControlPlane.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(200);
  public static final String KWOK_NODE_ANNOTATION = "kwok.x-k8s.io/node";

  /** Where metrics-server reads an emulated kubelet's resource metrics (KWOK serves all nodes). */
  public static final String RESOURCE_METRICS_PATH_ANNOTATION =
      "metrics.k8s.io/resource-metrics-path";

  /** Pod annotations that set the emulated usage of each of its containers (else: requests / 2). */
  public static final String USAGE_CPU_ANNOTATION = "kwok.x-k8s.io/usage-cpu";

  public static final String USAGE_MEMORY_ANNOTATION = "kwok.x-k8s.io/usage-memory";

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
  private AggregationPki pki;
  private Path metricsServerKubeconfig;
  private boolean metricsEnabled;
  private final int etcdMetricsPort = freePort();

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
      pki = AggregationPki.generate(workDir.resolve("pki").resolve("aggregation"));
      if (options.etcdTls()) {
        pki.issueEtcd();
      }
      Files.writeString(workDir.resolve("kwok.yaml"), kwokBaseConfig(options.kwokParallelism()));
      try (var stages = ControlPlane.class.getResourceAsStream(POD_STAGES)) {
        Files.copy(stages, workDir.resolve("kwok-pod-stages.yaml"));
      }
      for (String metricsConfig : KWOK_METRICS_CONFIGS) {
        try (var config = ControlPlane.class.getResourceAsStream(KWOK_RESOURCES + metricsConfig)) {
          Files.copy(config, workDir.resolve("kwok-" + metricsConfig));
        }
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
    installDebuggingKinds();
    launch(Component.KWOK);
    addNodes(options.nodes());
    awaitDefaultServiceAccount();
    if (options.metrics()) {
      enableMetrics();
    }
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
    command.add(
        component.required()
            ? binDir.resolve(component.binary()).toString()
            : Binaries.verifyOptional(binDir, component).toString());
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
      case METRICS_SERVER -> metricsServerArguments();
    };
  }

  private List<String> etcdArguments() {
    String client = etcdEndpoint();
    String peer = "http://127.0.0.1:" + freePort();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--name=kubeward",
                "--data-dir=" + etcdDataDir(),
                "--listen-client-urls=" + client,
                "--advertise-client-urls=" + client,
                "--listen-peer-urls=" + peer,
                "--initial-advertise-peer-urls=" + peer,
                "--initial-cluster=kubeward=" + peer,
                "--unsafe-no-fsync=true",
                "--quota-backend-bytes=8589934592",
                "--log-level=warn"));
    if (options.etcdTls()) {
      // /health over plain http on its own port: the client port wants a client certificate
      args.add("--listen-metrics-urls=http://127.0.0.1:" + etcdMetricsPort);
      args.add("--cert-file=" + pki.dir().resolve("etcd-serving.crt"));
      args.add("--key-file=" + pki.dir().resolve("etcd-serving.key"));
      args.add("--trusted-ca-file=" + pki.caCert());
      args.add("--client-cert-auth=true");
    }
    return args;
  }

  /** The folder etcd keeps its data in: the one given ({@code etcdData}) or the work folder's. */
  public Path etcdDataDir() {
    return options.etcdData().orElse(workDir.resolve("etcd"));
  }

  /** etcd's client URL: {@code https://127.0.0.1:<port>} with {@code etcdTls}, else http. */
  public String etcdEndpoint() {
    return (options.etcdTls() ? "https" : "http") + "://127.0.0.1:" + ports.get(Component.ETCD);
  }

  /**
   * The TLS material of etcd's client port ({@link ControlPlaneOptions.Builder#etcdTls}): the CA, a
   * client certificate and key etcd trusts, and a self-signed one it refuses.
   */
  public EtcdClientTls etcdClientTls() {
    if (!options.etcdTls()) {
      throw new IllegalStateException("etcd serves plain http: start with etcdTls(true)");
    }
    Path dir = pki.dir();
    return new EtcdClientTls(
        pki.caCert(),
        dir.resolve("etcd-client.crt"),
        dir.resolve("etcd-client.key"),
        dir.resolve("etcd-stranger.crt"),
        dir.resolve("etcd-stranger.key"));
  }

  /** PEM files for etcd's client port; {@code stranger*} is self-signed, so etcd refuses it. */
  public record EtcdClientTls(
      Path caCert, Path clientCert, Path clientKey, Path strangerCert, Path strangerKey) {}

  private List<String> apiServerArguments() {
    Path key = credentials.serviceAccountKey();
    List<String> args = new ArrayList<>();
    if (options.etcdTls()) {
      args.add("--etcd-cafile=" + pki.caCert());
      args.add("--etcd-certfile=" + pki.dir().resolve("etcd-client.crt"));
      args.add("--etcd-keyfile=" + pki.dir().resolve("etcd-client.key"));
    }
    args.addAll(
        List.of(
            "--etcd-servers=" + etcdEndpoint(),
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
            "--profiling=false"));
    // The aggregation layer: kube-apiserver proxies metrics.k8s.io to metrics-server with a client
    // certificate of the test CA; metrics-server trusts the identity headers of that name only.
    args.addAll(
        List.of(
            "--requestheader-client-ca-file=" + pki.caCert(),
            // Aggregated servers read the client CA too; without one they log an error each time.
            "--client-ca-file=" + pki.caCert(),
            "--requestheader-allowed-names=" + AggregationPki.FRONT_PROXY_CLIENT,
            "--requestheader-username-headers=X-Remote-User",
            "--requestheader-group-headers=X-Remote-Group",
            "--requestheader-extra-headers-prefix=X-Remote-Extra-",
            "--proxy-client-cert-file=" + pki.frontProxyClientCert(),
            "--proxy-client-key-file=" + pki.frontProxyClientKey(),
            // The emulated kubelets (KWOK's server) for logs, proxy and node metrics.
            "--kubelet-preferred-address-types=InternalIP",
            "--kubelet-certificate-authority=" + pki.caCert(),
            "--kubelet-client-certificate=" + pki.kubeletClientCert(),
            "--kubelet-client-key=" + pki.kubeletClientKey()));
    return args;
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
    // One server for every emulated kubelet: TLS with the test CA, its port in each node's status
    // (daemonEndpoints), metrics per node at /metrics/nodes/<name>/metrics/resource.
    args.add("--server-address=127.0.0.1:" + ports.get(Component.KWOK));
    args.add("--node-port=" + ports.get(Component.KWOK));
    args.add("--tls-cert-file=" + pki.kwokServingCert());
    args.add("--tls-private-key-file=" + pki.kwokServingKey());
    args.add("--config=" + workDir.resolve("kwok.yaml"));
    args.add("--config=" + workDir.resolve("kwok-pod-stages.yaml"));
    for (String metricsConfig : KWOK_METRICS_CONFIGS) {
      args.add("--config=" + workDir.resolve("kwok-" + metricsConfig));
    }
    options.kwokConfigs().forEach(file -> args.add("--config=" + file.toAbsolutePath()));
    // Logs, exec and port-forward per pod, as objects tests create (see KwokDebugging).
    args.add("--enable-crds=" + String.join(",", KwokDebugging.KINDS));
    return args;
  }

  /** The CRDs of KWOK's per-pod Logs, Exec and PortForward, Established before KWOK starts. */
  private void installDebuggingKinds() {
    try (var in = ControlPlane.class.getResourceAsStream(KWOK_RESOURCES + "debugging-crds.yaml")) {
      for (var crd : client.load(in).items()) {
        client.resource(crd).fieldManager("kubeward-testkit").forceConflicts().serverSideApply();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String plural : KwokDebugging.PLURALS) {
      awaitCondition(
          "the CRD " + plural + ".kwok.x-k8s.io Established",
          Component.KUBE_APISERVER,
          () -> established(plural + ".kwok.x-k8s.io"));
    }
  }

  private boolean established(String crdName) {
    return Crds.established(client, crdName);
  }

  /**
   * KWOK's emulated kubelet for logs, exec and port-forward of single pods: tests describe where a
   * pod's logs come from, where an exec runs and where a forwarded port leads.
   */
  public KwokDebugging debugging() {
    return new KwokDebugging(client);
  }

  /** Pod lifecycle plus failure states asked for with the label {@value #SIMULATE_LABEL}. */
  private static final String POD_STAGES = "/io/kubeward/testkit/kwok/pod-stages.yaml";

  private static final String KWOK_RESOURCES = "/io/kubeward/testkit/kwok/";

  /**
   * Emulated usage and the kubelets' metrics (KWOK's kustomize/metrics, plus cAdvisor-style series
   * at the same path: KWOK v0.7.0 serves one set of metrics per node).
   */
  private static final List<String> KWOK_METRICS_CONFIGS =
      List.of("metrics-usage.yaml", "metrics-resource.yaml");

  /** A pod label that makes KWOK simulate CrashLoopBackOff or ImagePullBackOff. */
  public static final String SIMULATE_LABEL = "sim.kubeward.io/state";

  /** KWOK's own configuration: its defaults, or {@code parallelism} workers for each stage kind. */
  static String kwokBaseConfig(int parallelism) {
    String options =
        parallelism == 0
            ? " {}"
            : """

              podPlayStageParallelism: %d
              nodePlayStageParallelism: %d
              nodeLeaseParallelism: %d"""
                .formatted(parallelism, parallelism, parallelism)
                .replace("\n", "\n  ");
    return """
        apiVersion: config.kwok.x-k8s.io/v1alpha1
        kind: KwokConfiguration
        options:%s
        """
        .formatted(options);
  }

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
      case ETCD -> "http://127.0.0.1:" + (options.etcdTls() ? etcdMetricsPort : port) + "/health";
      case KUBE_APISERVER -> "https://127.0.0.1:" + port + "/readyz";
      case KUBE_CONTROLLER_MANAGER, KUBE_SCHEDULER -> "https://127.0.0.1:" + port + "/healthz";
      case KWOK -> "http://127.0.0.1:" + port + "/healthz";
      case METRICS_SERVER -> "https://127.0.0.1:" + port + "/livez";
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
        .addToAnnotations(
            RESOURCE_METRICS_PATH_ANNOTATION, "/metrics/nodes/" + node.name() + "/metrics/resource")
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

  // ---- metrics -------------------------------------------------------------------------------

  /** The metrics-server manifest: its RBAC, ExternalName Service and APIService. */
  private static final String METRICS_SERVER_MANIFEST =
      "/io/kubeward/testkit/metrics/metrics-server.yaml";

  /** metrics-server's own minimum (dependencies.md: shorter ones make it exit at start). */
  static final Duration METRIC_RESOLUTION = Duration.ofSeconds(15);

  private List<String> metricsServerArguments() {
    return List.of(
        "--kubeconfig=" + metricsServerKubeconfig,
        "--authentication-kubeconfig=" + metricsServerKubeconfig,
        "--authorization-kubeconfig=" + metricsServerKubeconfig,
        "--bind-address=127.0.0.1",
        "--secure-port=" + ports.get(Component.METRICS_SERVER),
        "--cert-dir=" + workDir.resolve("metrics-server"),
        "--kubelet-preferred-address-types=InternalIP",
        "--kubelet-use-node-status-port",
        "--kubelet-certificate-authority=" + pki.caCert(),
        "--metric-resolution=" + METRIC_RESOLUTION.toSeconds() + "s");
  }

  /**
   * Starts metrics-server (if not running yet) as its own service account with the rights of its
   * upstream manifest, and registers it as the APIService {@code v1beta1.metrics.k8s.io} backed by
   * an ExternalName Service to loopback; returns once the APIService is Available. Usage appears
   * after its first scrapes: wait with {@link #awaitNodeMetrics} / {@link #awaitPodMetrics}.
   */
  public synchronized void enableMetrics() {
    if (metricsEnabled) {
      return;
    }
    long started = System.nanoTime();
    Binaries.verifyOptional(binDir, Component.METRICS_SERVER);
    String manifest;
    try (var in = ControlPlane.class.getResourceAsStream(METRICS_SERVER_MANIFEST)) {
      manifest =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("${PORT}", Integer.toString(ports.get(Component.METRICS_SERVER)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (var object :
        client.load(new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8))).items()) {
      client.resource(object).fieldManager("kubeward-testkit").forceConflicts().serverSideApply();
    }
    String token =
        client
            .serviceAccounts()
            .inNamespace("kube-system")
            .withName("metrics-server")
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(Duration.ofDays(7).toSeconds())
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();
    metricsServerKubeconfig =
        writeTokenKubeconfig(workDir.resolve("metrics-server.kubeconfig"), token);
    launch(Component.METRICS_SERVER);
    awaitCondition(
        "the APIService v1beta1.metrics.k8s.io Available",
        Component.METRICS_SERVER,
        this::metricsApiServiceAvailable);
    metricsEnabled = true;
    log.info(
        "metrics-server serves metrics.k8s.io on 127.0.0.1:{} ({} ms to start)",
        ports.get(Component.METRICS_SERVER),
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  private boolean metricsApiServiceAvailable() {
    var apiService =
        client
            .genericKubernetesResources("apiregistration.k8s.io/v1", "APIService")
            .withName("v1beta1.metrics.k8s.io")
            .get();
    if (apiService == null
        || !(apiService.getAdditionalProperties().get("status") instanceof Map<?, ?> status)) {
      return false;
    }
    return status.get("conditions") instanceof List<?> conditions
        && conditions.stream()
            .anyMatch(
                c ->
                    c instanceof Map<?, ?> condition
                        && "Available".equals(condition.get("type"))
                        && "True".equals(condition.get("status")));
  }

  public synchronized boolean metricsEnabled() {
    return metricsEnabled;
  }

  /**
   * Waits until the metrics API lists every node of this control plane with non-zero CPU and memory
   * usage (what {@code kubectl top nodes} shows), at most {@code timeout}. metrics-server needs two
   * scrapes 15 s apart for a CPU rate: expect 20-40 s after {@link #enableMetrics()}.
   */
  public void awaitNodeMetrics(Duration timeout) {
    requireMetrics();
    Set<String> fakeNodes = nodes.stream().map(FakeNode::name).collect(Collectors.toSet());
    awaitMetricsCondition(
        "usage of every Ready fake node in the metrics API",
        timeout,
        () -> {
          // Other tests on a shared plane delete nodes or make them NotReady; those have no usage.
          Set<String> names =
              client.nodes().list().getItems().stream()
                  .filter(n -> fakeNodes.contains(n.getMetadata().getName()))
                  .filter(n -> n.getMetadata().getDeletionTimestamp() == null)
                  .filter(ControlPlane::isReady)
                  .map(n -> n.getMetadata().getName())
                  .collect(Collectors.toSet());
          Set<String> withUsage =
              client.top().nodes().metrics().getItems().stream()
                  .filter(
                      m ->
                          positive(m.getUsage().get("cpu")) && positive(m.getUsage().get("memory")))
                  .map(m -> m.getMetadata().getName())
                  .collect(Collectors.toSet());
          return withUsage.containsAll(names);
        });
  }

  /**
   * Waits until the metrics API lists every running pod of {@code namespace} with non-zero CPU and
   * memory for each of its containers (what {@code kubectl top pods} shows), at most {@code
   * timeout}.
   */
  public void awaitPodMetrics(String namespace, Duration timeout) {
    requireMetrics();
    awaitMetricsCondition(
        "usage of every running pod of " + namespace + " in the metrics API",
        timeout,
        () -> {
          var running =
              client.pods().inNamespace(namespace).list().getItems().stream()
                  .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
                  .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                  .toList();
          if (running.isEmpty()) {
            return false;
          }
          Map<String, Integer> containersWithUsage =
              client.top().pods().metrics(namespace).getItems().stream()
                  .collect(
                      Collectors.toMap(
                          m -> m.getMetadata().getName(),
                          m ->
                              (int)
                                  m.getContainers().stream()
                                      .filter(
                                          c ->
                                              positive(c.getUsage().get("cpu"))
                                                  && positive(c.getUsage().get("memory")))
                                      .count()));
          return running.stream()
              .allMatch(
                  p ->
                      containersWithUsage.getOrDefault(p.getMetadata().getName(), 0)
                          == p.getSpec().getContainers().size());
        });
  }

  private static boolean positive(Quantity quantity) {
    return quantity != null && quantity.getNumericalAmount().signum() > 0;
  }

  private void requireMetrics() {
    if (!metricsEnabled()) {
      throw new IllegalStateException(
          "Metrics are off in this control plane: start it with"
              + " ControlPlaneOptions.builder().metrics(true), use @LocalControlPlane(metrics ="
              + " true), or call enableMetrics() first");
    }
  }

  /** Polls {@code condition} (API errors count as "not yet") until it holds or time is up. */
  private void awaitMetricsCondition(String what, Duration timeout, Supplier<Boolean> condition) {
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    String lastError = "none";
    while (true) {
      ManagedProcess process = processes.get(Component.METRICS_SERVER);
      if (!process.isAlive()) {
        throw new ControlPlaneException(process.failure("exited with code " + process.exitCode()));
      }
      try {
        if (condition.get()) {
          log.info(
              "Waited {} ms for the {}",
              Duration.ofNanos(System.nanoTime() - started).toMillis(),
              what);
          return;
        }
      } catch (KubernetesClientException e) {
        lastError = e.getCode() + " " + e.getMessage();
      }
      if (System.nanoTime() >= deadline) {
        throw new ControlPlaneException(
            process.failure(
                "did not serve "
                    + what
                    + " within "
                    + timeout.toSeconds()
                    + " s (last API error: "
                    + lastError
                    + ")"));
      }
      pause();
    }
  }

  /** The port of KWOK's kubelet server (HTTPS with {@link #kubeletCaCert()}; HTTP too). */
  public int kubeletPort() {
    return ports.get(Component.KWOK);
  }

  /** The test CA that signed the emulated kubelets' serving certificate (SAN 127.0.0.1). */
  public Path kubeletCaCert() {
    return pki.caCert();
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
