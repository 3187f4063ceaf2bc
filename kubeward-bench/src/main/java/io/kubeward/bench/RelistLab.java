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
 * The short path to the relist measurement (issue 19, ADR 0058), not a benchmark of its own: a
 * small fixture ({@code pods} pods on one node per 30), then for each server jar given, one after
 * the other on the same cluster: a cold start, the live heap with everything cached, a restart of
 * the apiserver (every watch breaks, every informer lists again) followed by {@link
 * RelistObserver}, and the heap after; printed with the classes that grew most at the peak and
 * after. {@code bin/benchmark relist [pods] [jar ...]} (default: this tree's jar).
 */
public final class RelistLab {

  private static final Logger log = LoggerFactory.getLogger(RelistLab.class);

  private RelistLab() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: RelistLab <pods> <kubeward-server-exec.jar> [more jars]");
      System.exit(2);
    }
    int pods = Integer.parseInt(args[0]);
    List<Path> jars = List.of(args).subList(1, args.length).stream().map(Path::of).toList();
    FixtureSpec spec = FixtureSpec.atScaleDensity("relist", pods);
    Path work = Files.createTempDirectory("kubeward-relist-");
    List<String> results = new ArrayList<>();
    try (ControlPlane controlPlane = ControlPlane.start(ScaleBenchmark.controlPlaneOptions());
        KubernetesClient client = controlPlane.newAdminClient()) {
      Fixture fixture = new Fixture(controlPlane, client, spec);
      fixture.buildBase();
      fixture.growTo(spec.pods());
      fixture.awaitReady(spec.pods(), Duration.ofMinutes(15));
      for (Path jar : jars) {
        Path serverWork = work.resolve("server-" + results.size());
        try (ServerProcess server =
            ServerProcess.start(jar, controlPlane.kubewardKubeconfig(), serverWork, "1g")) {
          server.awaitOverviewWithPods(pods, Duration.ofMinutes(5));
          // every kind synced (the LATER ones list after the overview's), with the apiserver's
          // own list time per kind beside the cache's
          log.info(
              "{}: {}", jar, ServerStartup.measure(server, client, Duration.ofMinutes(2)).text());
          double steady = server.heapAfterFullGcMiB();
          RelistObserver.Result result =
              RelistObserver.observeApiserverRestart(
                  controlPlane, server, pods, Duration.ofMinutes(10));
          double after = server.heapAfterFullGcMiB();
          results.add(
              ("%s: %d pods, steady %.1f MiB, peak %.1f MiB (%.2f×), after %.1f MiB (%.2f×),"
                      + " overview complete again %.1f s; grown at the peak %s; grown after %s;"
                      + " log %s")
                  .formatted(
                      jar,
                      pods,
                      steady,
                      result.peakLiveMiB(),
                      result.peakLiveMiB() / steady,
                      after,
                      after / steady,
                      result.complete().toMillis() / 1000.0,
                      result.grownAtPeak(),
                      result.grownAfter(),
                      serverWork.resolve("server.log")));
        }
      }
    }
    results.forEach(r -> log.info("relist: {}", r));
  }
}
