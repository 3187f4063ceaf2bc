package io.kubeward.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A development tool for the cold-start measurement, not a benchmark of its own: builds a fixture
 * once and keeps the control plane up, then measures the cold start of every server jar in a folder
 * ({@code rounds} times each, with the JVM options of a {@code <jar>.jvmoptions} file beside it),
 * and again each time {@code <work>/again} is touched; removing that file stops it. Variants of the
 * start-up path are so compared on the same cluster without a fixture rebuild (ADR 0012).
 *
 * <pre>
 *   java -cp ... io.kubeward.bench.ColdStartLab /tmp/jars full 2
 * </pre>
 */
public final class ColdStartLab {

  private static final Logger log = LoggerFactory.getLogger(ColdStartLab.class);

  private ColdStartLab() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: ColdStartLab <folder of server jars> <small|medium|full> [rounds]");
      System.exit(2);
    }
    Path jars = Path.of(args[0]);
    FixtureSpec spec = FixtureSpec.named(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path work = Files.createTempDirectory("kubeward-coldstart-");
    try (ControlPlane controlPlane = ControlPlane.start(ScaleBenchmark.controlPlaneOptions());
        KubernetesClient client = controlPlane.newAdminClient()) {
      Fixture fixture = new Fixture(controlPlane, client, spec);
      fixture.buildBase();
      fixture.growTo(spec.pods());
      fixture.awaitReady(spec.pods(), Duration.ofMinutes(30));
      Kubectl kubectl = new Kubectl(controlPlane.kubeconfig(), work);
      Path again = work.resolve("again");
      log.info(
          "Fixture ready; kubeconfig {}; touch {} to measure again, rm it to stop",
          controlPlane.kubeconfig(),
          again);
      Files.writeString(again, "");
      int round = 0;
      while (Files.exists(again)) {
        List<String> results = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
          for (Path jar : jarsIn(jars)) {
            Kubectl.Timed reference = kubectl.getJson("pods", "-A");
            Path serverWork = work.resolve("server-" + round + "-" + i + "-" + jar.getFileName());
            try (ServerProcess server =
                ServerProcess.start(
                    jar, controlPlane.kubewardKubeconfig(), serverWork, "2g", jvmOptionsOf(jar))) {
              ServerProcess.ColdStart start =
                  server.awaitOverviewWithPods(reference.items(), Duration.ofMinutes(10));
              results.add(
                  "%s pods=%d httpUp=%.2fs complete=%.2fs kubectl=%.2fs log=%s"
                      .formatted(
                          jar.getFileName(),
                          reference.items(),
                          start.firstAnswer().toMillis() / 1000.0,
                          start.complete().toMillis() / 1000.0,
                          reference.wall().toMillis() / 1000.0,
                          serverWork.resolve("server.log")));
            }
          }
        }
        results.forEach(r -> log.info("cold start: {}", r));
        round++;
        long mark = Files.getLastModifiedTime(again).toMillis();
        while (Files.exists(again) && Files.getLastModifiedTime(again).toMillis() == mark) {
          Thread.sleep(500);
        }
      }
    }
  }

  /** The options in {@code <jar>.jvmoptions} beside the jar, if any (e.g. an AOT cache). */
  private static List<String> jvmOptionsOf(Path jar) throws java.io.IOException {
    Path options = jar.resolveSibling(jar.getFileName() + ".jvmoptions");
    return Files.exists(options)
        ? List.of(Files.readString(options).trim().split("\\s+"))
        : List.of();
  }

  private static List<Path> jarsIn(Path folder) throws java.io.IOException {
    try (var files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
    }
  }
}
