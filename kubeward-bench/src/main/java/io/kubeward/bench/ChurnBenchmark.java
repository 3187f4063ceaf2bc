package io.kubeward.bench;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.FakeNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Only the churn measurement (4.), on a small fixture of its own: a control plane with a few KWOK
 * nodes and no pods but the churn pool, Kubeward as a separate JVM, then each rate of {@code
 * kubeward.bench.churn.rates} for {@code kubeward.bench.churn.seconds}. Prints the churn table and
 * writes it with raw JSON into the work folder; docs/BENCHMARKS.md stays untouched (the full run
 * writes it). Usage: {@code ChurnBenchmark <kubeward-server-exec.jar> [nodes]}.
 */
public final class ChurnBenchmark {

  private static final Logger log = LoggerFactory.getLogger(ChurnBenchmark.class);

  private ChurnBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: ChurnBenchmark <kubeward-server-exec.jar> [nodes]");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    int nodeCount = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    List<Integer> rates =
        Arrays.stream(System.getProperty("kubeward.bench.churn.rates", "1000").split(","))
            .map(String::trim)
            .map(Integer::parseInt)
            .toList();
    long phaseSeconds = Long.getLong("kubeward.bench.churn.seconds", 30);
    Path work = Files.createTempDirectory("kubeward-churn-");
    List<String> nodes =
        IntStream.range(0, nodeCount).mapToObj("bench-node-%04d"::formatted).toList();
    List<List<String>> rows = new ArrayList<>();
    List<Churn.Phase> phases = new ArrayList<>();
    try (ControlPlane controlPlane = ControlPlane.start(ScaleBenchmark.controlPlaneOptions())) {
      controlPlane.addNodes(
          nodes.stream()
              .map(n -> FakeNode.inZone(n, "zone-a").withCapacity("32", "128Gi", 250))
              .toList());
      Config config = controlPlane.clientConfig();
      config.setRequestTimeout(30_000);
      try (ServerProcess server =
              ServerProcess.start(
                  jar, controlPlane.kubewardKubeconfig(), work.resolve("server"), "1g");
          KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
        server.awaitOverviewWithPods(0, Duration.ofMinutes(5));
        try (Churn churn = new Churn(client, server, ServerProcess.CLUSTER, nodes)) {
          churn.prepare();
          churn.awaitPoolRunning(Duration.ofMinutes(3));
          for (int rate : rates) {
            Map<String, Long> pids = ScaleBenchmark.controlPlanePids(controlPlane);
            pids.put("kubeward", server.pid());
            Churn.Phase phase = churn.run(rate, Duration.ofSeconds(phaseSeconds), pids);
            phases.add(phase);
            rows.add(Churn.tableRow(phase));
          }
        }
      }
    }
    Report report =
        new Report(
                "churn-only",
                "Churn only: %d KWOK nodes, pool of %d pods".formatted(nodeCount, Churn.POOL))
            .fact("Command", "ChurnBenchmark " + String.join(" ", args))
            .fact("Run", java.time.Instant.now().toString())
            .table(
                new Report.Table(
                    "4. Churn: lag from the API change to the live stream and the overview",
                    Churn.tableText(phaseSeconds),
                    Churn.TABLE_HEADER,
                    rows))
            .raw("phases", phases);
    System.out.println(report.markdown());
    report.write(work.resolve("churn.md"), work.resolve("churn.json"));
    log.info("Wrote churn.md and churn.json to {}", work);
  }
}
