package io.kubeward.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The short path to the start-up timeline (issue 19), not a benchmark of its own: a small fixture
 * ({@code pods} pods on one node per 30), one cold start of the plain jar and one with the fast
 * start the launchers use (ADR 0056), each with its timeline per phase and per kind next to the
 * apiserver's plain list time, printed. {@code bin/benchmark startup [pods]}; the scale benchmark
 * prints the same tables in its report.
 */
public final class StartupLab {

  private static final Logger log = LoggerFactory.getLogger(StartupLab.class);

  private StartupLab() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: StartupLab <kubeward-server-exec.jar> [pods, default 600]");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    int pods = args.length > 1 ? Integer.parseInt(args[1]) : 600;
    FixtureSpec spec = FixtureSpec.atScaleDensity("startup", pods);
    Path work = Files.createTempDirectory("kubeward-startup-");
    try (ControlPlane controlPlane = ControlPlane.start(ScaleBenchmark.controlPlaneOptions());
        KubernetesClient client = controlPlane.newAdminClient()) {
      Fixture fixture = new Fixture(controlPlane, client, spec);
      fixture.buildBase();
      fixture.growTo(spec.pods());
      fixture.awaitReady(spec.pods(), Duration.ofMinutes(15));
      Kubectl.Timed reference = new Kubectl(controlPlane.kubeconfig(), work).getJson("pods", "-A");
      coldStart(
          "java -jar (plain)",
          ServerProcess.start(jar, controlPlane.kubewardKubeconfig(), work.resolve("server"), "1g"),
          client,
          reference);
      log.info("Training the fast start as the launchers do (bin/lib/fast-start.sh) ...");
      AotCache fast = AotCache.train(jar, work.resolve("fast-start"), Duration.ofMinutes(10));
      coldStart(
          "fast start (the launchers' default: " + String.join(" ", fast.jvmOptions()) + ")",
          ServerProcess.start(
              fast.jar(),
              controlPlane.kubewardKubeconfig(),
              work.resolve("server-fast-start"),
              "1g",
              fast.jvmOptions()),
          client,
          reference);
    }
  }

  /** One cold start: HTTP up, complete overview, then the server's timeline; stops the server. */
  private static void coldStart(
      String variant, ServerProcess started, KubernetesClient client, Kubectl.Timed reference)
      throws Exception {
    try (ServerProcess server = started) {
      ServerProcess.ColdStart start =
          server.awaitOverviewWithPods(reference.items(), Duration.ofMinutes(5));
      ServerStartup startup = ServerStartup.measure(server, client, Duration.ofMinutes(2));
      log.info(
          "Cold start at {} pods, {}: HTTP up {}, complete overview {} (kubectl get pods -A -o"
              + " json {}){}",
          reference.items(),
          variant,
          ScaleBenchmark.seconds(start.firstAnswer()),
          ScaleBenchmark.seconds(start.complete()),
          ScaleBenchmark.seconds(reference.wall()),
          startup.text());
    }
  }
}
