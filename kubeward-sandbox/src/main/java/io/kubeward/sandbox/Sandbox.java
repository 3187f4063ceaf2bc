package io.kubeward.sandbox;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.KubewardServer;
import io.kubeward.server.user.InitialCredentials;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.ControlPlaneException;
import io.kubeward.testkit.controlplane.ControlPlaneOptions;
import io.kubeward.testkit.controlplane.FakeNode;
import io.kubeward.testkit.prometheus.LocalPrometheus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A local sandbox: a real control plane with fake nodes in two zones, sample workloads (some broken
 * on purpose), metrics-server (live usage, {@code kubectl top}), optionally a Prometheus scraping
 * the emulated kubelets and Kubeward's own metrics, and the Kubeward server on 127.0.0.1 managing
 * it. Ctrl-C stops everything.
 */
public final class Sandbox implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Sandbox.class);

  /** Prometheus scrapes every 15 s here: history for the console at little CPU. */
  static final Duration PROMETHEUS_SCRAPE_INTERVAL = Duration.ofSeconds(15);

  private final ControlPlane controlPlane;
  private final Path kubeconfig;
  private final ConfigurableApplicationContext server;
  private final LocalPrometheus prometheus;
  private final SampleDebugging debugging;

  private Sandbox(
      ControlPlane controlPlane,
      Path kubeconfig,
      ConfigurableApplicationContext server,
      LocalPrometheus prometheus,
      SampleDebugging debugging) {
    this.debugging = debugging;
    this.controlPlane = controlPlane;
    this.kubeconfig = kubeconfig;
    this.server = server;
    this.prometheus = prometheus;
  }

  /**
   * Options: the server's port (0 for any free one), node count, where to write the kubeconfig,
   * whether to run a local Prometheus (the Debian package) for the cluster.
   */
  public record Options(int port, int nodes, Path kubeconfigOut, boolean prometheus) {
    /** Without Prometheus (tests). */
    public Options(int port, int nodes, Path kubeconfigOut) {
      this(port, nodes, kubeconfigOut, false);
    }
  }

  public static Sandbox start(Options options) throws IOException {
    ControlPlane controlPlane =
        ControlPlane.start(
            ControlPlaneOptions.builder().nodes(nodes(options.nodes())).metrics(true).build());
    try {
      try (KubernetesClient client = controlPlane.newAdminClient()) {
        SampleWorkloads.apply(client);
      }
      Path kubeconfig = options.kubeconfigOut().toAbsolutePath();
      Files.createDirectories(kubeconfig.getParent());
      Files.copy(controlPlane.kubeconfig(), kubeconfig, StandardCopyOption.REPLACE_EXISTING);
      // Kubeward runs as its own service account with the rights of deploy/kubernetes (ADR 0013);
      // the kubeconfig written for the user is the cluster admin's, for kubectl.
      ConfigurableApplicationContext server =
          KubewardServer.start(
              "--kubeconfig=" + controlPlane.kubewardKubeconfig(),
              "--server.address=127.0.0.1",
              "--server.port=" + options.port());
      LocalPrometheus prometheus = null;
      if (options.prometheus()) {
        try {
          prometheus = startPrometheus(controlPlane, server);
        } catch (RuntimeException e) {
          // History is an extra of the sandbox: without the package it runs on without it.
          log.warn("The sandbox runs without Prometheus: {}", e.getMessage());
        }
      }
      return new Sandbox(
          controlPlane, kubeconfig, server, prometheus, SampleDebugging.start(controlPlane));
    } catch (RuntimeException | IOException e) {
      controlPlane.close();
      throw e;
    }
  }

  /** Scrapes the emulated kubelets (resource, cAdvisor) and Kubeward's own /metrics. */
  private static LocalPrometheus startPrometheus(
      ControlPlane controlPlane, ConfigurableApplicationContext server) {
    LocalPrometheus.Builder builder =
        LocalPrometheus.builder().scrapeInterval(PROMETHEUS_SCRAPE_INTERVAL).kubelets(controlPlane);
    String managementPort = server.getEnvironment().getProperty("local.management.port");
    if (managementPort != null) {
      builder.target(
          LocalPrometheus.StaticTarget.of("kubeward", "127.0.0.1:" + managementPort, "/metrics"));
    }
    return builder.start();
  }

  /** {@code count} nodes of 8 CPUs and 32 GiB, alternating between zone-a and zone-b. */
  static List<FakeNode> nodes(int count) {
    List<FakeNode> nodes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      nodes.add(
          FakeNode.inZone("sandbox-node-" + i, i % 2 == 0 ? "zone-a" : "zone-b")
              .withLabel("node.kubernetes.io/instance-type", "kwok.8x32"));
    }
    return nodes;
  }

  public String url() {
    int port = ((WebServerApplicationContext) server).getWebServer().getPort();
    return "http://127.0.0.1:" + port;
  }

  public InitialCredentials credentials() {
    return server.getBean(InitialCredentials.class);
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  public ControlPlane controlPlane() {
    return controlPlane;
  }

  /** The sandbox's Prometheus, if it runs. */
  public Optional<LocalPrometheus> prometheus() {
    return Optional.ofNullable(prometheus);
  }

  @Override
  public void close() {
    try {
      debugging.close();
      if (prometheus != null) {
        prometheus.close();
      }
      server.close();
    } finally {
      controlPlane.close();
    }
  }

  public static void main(String[] args) throws Exception {
    Sandbox sandbox;
    try {
      sandbox = start(SandboxArguments.parse(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    } catch (ControlPlaneException e) {
      System.err.println("The sandbox cluster could not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping the sandbox / 正在停止沙箱 ...");
                  sandbox.close();
                  stopped.countDown();
                },
                "sandbox-stop"));
    System.out.println(banner(sandbox));
    stopped.await();
  }

  static String banner(Sandbox sandbox) {
    InitialCredentials credentials = sandbox.credentials();
    String login;
    if (credentials.generated()) {
      login = credentials.username() + " / " + credentials.password();
    } else if (credentials.known()) {
      login = credentials.username() + " / (the password you configured / 您配置的密码)";
    } else {
      login = credentials.username() + " / (set at an earlier start / 已在之前的启动中设置)";
    }
    return """

        ================================================================================
          Kubeward sandbox is running / Kubeward 沙箱已启动
            Kubeward:              %s
            First login / 首次登录:  %s
            Cluster / 集群:          Kubernetes %s, %d fake nodes in zone-a and zone-b
            kubectl:               kubectl --kubeconfig %s get pods -A
            Usage / 用量:            kubectl --kubeconfig %s top nodes   (metrics-server)
            Prometheus:            %s
            Logs / 日志:             kubectl --kubeconfig %s logs -n shop deploy/frontend -f
            Exec / 终端:             runs on this machine in a scratch folder (KWOK) / 在本机的临时目录中运行
            Stop / 停止:             Ctrl-C
        ================================================================================
        """
        .formatted(
            sandbox.url(),
            login,
            sandbox.controlPlane.kubernetesVersion(),
            sandbox.controlPlane.nodes().size(),
            sandbox.kubeconfig(),
            sandbox.kubeconfig(),
            sandbox
                .prometheus()
                .map(p -> p.baseUrl() + " (scrapes the fake kubelets and Kubeward's /metrics)")
                .orElse("off / 未启动"),
            sandbox.kubeconfig());
  }
}
